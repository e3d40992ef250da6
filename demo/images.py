"""Pictures drawn with Pillow: a gradient in the category's colours and a simple motif.

A bounded set (a few per category, one logo per cooperative) is drawn once and reused, so the
loader stays fast and a second run finds every picture by its title. The colours and motif of
each category are in `data/categories.json`.
"""

import hashlib
import io
import math
from functools import cache, cached_property
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

from cooperatives.permissions import shared_collection
from portal.models import PortalImage
from portal.text import vi_slugify
from products.importer.deferred import index_all, search_index_deferred

from . import data

SIZE = (800, 560)
PER_CATEGORY = 3
WHITE = (255, 255, 255)

MOTIF_ALT = {
    "grain": "bông lúa chín trên nền vàng",
    "leaf": "những chiếc lá rau xanh",
    "fruit": "quả chín tròn trên cành",
    "cup": "chén trà nóng bốc hơi",
    "coffee": "tách cà phê nóng trên nền nâu",
    "drop": "giọt mật ong vàng óng",
    "flower": "bông hoa nở",
    "fish": "con cá bơi giữa làn nước",
    "herb": "cành lá cây thuốc",
    "bottle": "chai sữa tươi",
    "egg": "những quả trứng trong giỏ",
    "cake": "chiếc bánh gói lá buộc lạt",
    "vase": "bình gốm dáng cao",
    "weave": "nan đan mây tre đan xen",
    "silk": "dải lụa mềm uốn lượn",
    "inlay": "hoa văn khảm trai óng ánh",
    "incense": "bó tăm hương đỏ xòe tròn",
    "wood": "vân gỗ chạm khắc",
}


@cache
def _linear_gradients():
    """A vertical gradient the size of a picture and its transpose, the same for every picture."""
    vertical = Image.linear_gradient("L").resize(SIZE)
    horizontal = Image.linear_gradient("L").transpose(Image.Transpose.TRANSPOSE).resize(SIZE)
    return vertical, horizontal


def _gradient(colours, variant):
    # A diagonal gradient whose angle depends on the variant: a blend of a vertical one and its
    # transpose.
    vertical, horizontal = _linear_gradients()
    mask = Image.blend(vertical, horizontal, 0.2 + 0.3 * (variant % 3))
    first, second = (Image.new("RGB", SIZE, c) for c in colours)
    return Image.composite(first, second, mask)


def _light(colour, amount=0.55):
    return tuple(int(c + (255 - c) * amount) for c in colour)


def _motif(draw, motif, cx, cy, r, colour):
    """Draws one motif centred at (cx, cy) with radius r."""
    fill, line = _light(colour), _light(colour, 0.85)
    if motif in ("grain", "herb", "leaf"):
        for i in range(7):
            a = math.radians(-60 + i * 20)
            x, y = cx + r * math.sin(a), cy - r * math.cos(a)
            draw.line([(cx, cy + r), (x, y)], fill=line, width=5)
            draw.ellipse([x - r / 8, y - r / 5, x + r / 8, y + r / 5], fill=fill)
    elif motif in ("fruit", "egg", "drop"):
        for dx, dy in ((-0.5, 0.2), (0.5, 0.2), (0, -0.4)):
            x, y, s = cx + dx * r, cy + dy * r, r * 0.45
            draw.ellipse(
                [x - s, y - s * (1.25 if motif != "fruit" else 1), x + s, y + s], fill=fill
            )
    elif motif == "flower":
        for i in range(6):
            a = math.radians(i * 60)
            x, y = cx + r * 0.5 * math.cos(a), cy + r * 0.5 * math.sin(a)
            draw.ellipse([x - r * 0.35, y - r * 0.35, x + r * 0.35, y + r * 0.35], fill=fill)
        draw.ellipse([cx - r * 0.25, cy - r * 0.25, cx + r * 0.25, cy + r * 0.25], fill=line)
    elif motif in ("vase", "bottle", "cup", "coffee"):
        neck = 0.25 if motif == "vase" else 0.35
        top = cy - r if motif not in ("cup", "coffee") else cy - r * 0.3
        draw.polygon(
            [
                (cx - r * neck, top),
                (cx + r * neck, top),
                (cx + r * 0.7, cy + r * 0.2),
                (cx + r * 0.45, cy + r),
                (cx - r * 0.45, cy + r),
                (cx - r * 0.7, cy + r * 0.2),
            ],
            fill=fill,
        )
    elif motif in ("weave", "inlay", "wood"):
        step = r / 3
        for i in range(-3, 4):
            draw.line([(cx - r, cy + i * step), (cx + r, cy + i * step)], fill=fill, width=8)
            draw.line([(cx + i * step, cy - r), (cx + i * step, cy + r)], fill=line, width=4)
    elif motif in ("silk", "fish"):
        points = [(cx - r + t * 2 * r / 40, cy + r * 0.3 * math.sin(t / 4)) for t in range(41)]
        draw.line(points, fill=fill, width=int(r / 5), joint="curve")
        if motif == "fish":
            draw.polygon(
                [(cx + r, cy), (cx + r * 1.3, cy - r * 0.3), (cx + r * 1.3, cy + r * 0.3)],
                fill=line,
            )
    else:  # incense, cake and anything new: rays from the centre
        for i in range(16):
            a = math.radians(180 + i * 12)
            draw.line(
                [(cx, cy + r), (cx + r * math.cos(a), cy + r + r * 1.6 * math.sin(a))],
                fill=fill,
                width=4,
            )


def draw_picture(colours, motif, variant):
    image = _gradient(colours, variant)
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    for i in range(5):  # soft circles behind the motif, placed by the variant
        x = (i * 173 + variant * 97) % w
        y = (i * 113 + variant * 59) % h
        draw.ellipse([x - 60, y - 60, x + 60, y + 60], outline=_light(colours[0], 0.3), width=3)
    cx = w // 2 + (variant - 1) * 90
    _motif(draw, motif, cx, h // 2, h // 3, colours[1])
    return image


def draw_logo(initials, colours):
    image = Image.new("RGB", (320, 320), WHITE)
    draw = ImageDraw.Draw(image)
    draw.ellipse([10, 10, 310, 310], fill=colours[1])
    draw.ellipse([30, 30, 290, 290], outline=_light(colours[0], 0.4), width=6)
    font = ImageFont.load_default(size=110)
    draw.text((160, 165), initials, fill=WHITE, font=font, anchor="mm")
    return image


def _save(title, description, picture, fmt="JPEG", collection=None):
    buffer = io.BytesIO()
    picture.save(buffer, fmt, quality=85)
    return _store(title, description, buffer.getvalue(), fmt, collection or shared_collection())


def _store(title, description, data, fmt, collection):
    name = f"{vi_slugify(title)}.{'jpg' if fmt == 'JPEG' else 'png'}"
    image = PortalImage(
        title=title, description=description, file_size=len(data), collection=collection
    )
    image.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    image.file = ImageFile(io.BytesIO(data), name=name)
    image.save()  # indexed by Wagtail's signal handlers unless a caller defers them
    return image


def own_copy(image, collection):
    """The cooperative's own copy of a shared picture, in its collection: its library shows its
    products' photos, and it may edit or delete them without touching anyone else's page."""
    found = PortalImage.objects.filter(file_hash=image.file_hash, collection=collection).first()
    if found is not None:
        return found
    with image.file.open("rb") as handle:
        data = handle.read()
    return _store(image.title, image.description, data, "JPEG", collection)


class ImageBank:
    """Finds each demo picture by title, drawing and saving it the first time.

    Pictures are named in the data files: "gom-su-2" is the second picture of the category
    "gom-su"; a cooperative's logo is drawn from its initials and a category's colours.
    """

    def __init__(self):
        self._cache = {}
        self.categories = data.categories()

    @cached_property
    def shared(self):
        """Drawn pictures are the Alliance's, for any cooperative to choose."""
        return shared_collection()

    def _get(self, title, description, draw):
        if title not in self._cache:
            found = PortalImage.objects.filter(title=title).first()
            self._cache[title] = found or _save(title, description, draw(), collection=self.shared)
        return self._cache[title]

    def prepare(self, cooperatives=()):
        """Finds or draws every category picture and the logos of `cooperatives` at once: one
        query for the stored ones, and Wagtail's indexes updated once for the new ones."""
        wanted = [
            *(self._picture(c, n) for c in self.categories.values() for n in range(PER_CATEGORY)),
            *(self._logo(coop) for coop in cooperatives),
        ]
        titles = [title for title, _description, _draw in wanted if title not in self._cache]
        for image in PortalImage.objects.filter(title__in=titles).order_by("-pk"):
            self._cache[image.title] = image  # the first stored, as _get finds it
        new = []
        with search_index_deferred():
            for title, description, draw in wanted:
                if title not in self._cache:
                    self._cache[title] = _save(title, description, draw(), collection=self.shared)
                    new.append(self._cache[title])
        index_all(new)

    def picture(self, name):
        key, number = name.rsplit("-", 1)
        return self.for_category(self.categories[key], int(number) - 1)

    def for_category(self, category, n):
        """The n-th picture of a category (n wraps around)."""
        return self._get(*self._picture(category, n % PER_CATEGORY))

    @staticmethod
    def _picture(category, variant):
        return (
            f"{category.name} – ảnh minh họa {variant + 1}",
            f"{category.name}: {MOTIF_ALT.get(category.motif, 'hình minh họa')}",
            lambda: draw_picture(category.colours, category.motif, variant),
        )

    def category_set(self, category):
        return [self.for_category(category, n) for n in range(PER_CATEGORY)]

    def logo(self, cooperative):
        return self._get(*self._logo(cooperative))

    def _logo(self, cooperative):
        initials = cooperative.logo["initials"]
        colours = self.categories[cooperative.logo["colours"]].colours
        return (
            f"Biểu trưng {cooperative.name}",
            f"Biểu trưng của {cooperative.name}: chữ {initials} trên nền tròn",
            lambda: draw_logo(initials, colours),
        )

    def export(self, folder: Path):
        """Every category picture as a file `folder/<name>.jpg`, for the import's image column."""
        folder.mkdir(parents=True, exist_ok=True)
        for category in self.categories.values():
            for n, image in enumerate(self.category_set(category), start=1):
                with image.file.open("rb") as handle:
                    (folder / f"{category.key}-{n}.jpg").write_bytes(handle.read())
