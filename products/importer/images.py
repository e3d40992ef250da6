"""Product images of the import: checked with Pillow first, stored once per distinct file."""

import io
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from wagtail.utils.file import hash_filelike

from portal.models import PortalImage

FORMATS = {"JPEG", "PNG", "WEBP"}


@dataclass(frozen=True)
class ImageSource:
    path: Path
    file_hash: str  # SHA-1, the same hash Wagtail keeps in PortalImage.file_hash


def check_image(path: Path) -> ImageSource:
    """Refuse a missing file, a file Pillow cannot read, or a format other than JPEG/PNG/WebP."""
    try:
        data = path.read_bytes()
    except OSError:
        raise ValidationError(_("không tìm thấy hoặc không đọc được ảnh “%s”") % path) from None
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.verify()
            kind = picture.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("tệp “%s” không phải ảnh hoặc ảnh bị hỏng") % path.name) from None
    if kind not in FORMATS:
        message = _("ảnh “%(name)s” có định dạng %(kind)s; chỉ nhận JPEG, PNG, WebP")
        raise ValidationError(message % {"name": path.name, "kind": kind})
    return ImageSource(path=path, file_hash=hash_filelike(io.BytesIO(data)))


class ImageStore:
    """Creates PortalImages in the cooperative's own collection, reusing one with the same file
    hash there, and remembers stored files so a failed or dry run can remove them (a database
    rollback does not delete files).

    A picture two cooperatives both send is stored once for each: each library shows, and each
    cooperative may edit or delete, only its own copy."""

    def __init__(self):
        self.stored_files: list[str] = []
        self.new_images: list[PortalImage] = []
        # (collection pk, hash): many rows often name the same picture
        self._by_hash: dict[tuple[int, str], PortalImage] = {}

    @property
    def created(self):
        return len(self.new_images)

    def image_for(self, source: ImageSource, title: str, collection) -> PortalImage:
        key = (collection.pk, source.file_hash)
        if key not in self._by_hash:
            found = PortalImage.objects.filter(
                file_hash=source.file_hash, collection=collection
            ).first()
            self._by_hash[key] = found or self._store(source, title, collection)
        return self._by_hash[key]

    def _store(self, source: ImageSource, title: str, collection) -> PortalImage:
        with source.path.open("rb") as handle:
            image = PortalImage(title=title[:255], description=title[:255], collection=collection)
            image.file = ImageFile(handle, name=source.path.name)
            image._set_image_file_metadata()
            image.save()
        self.stored_files.append(image.file.name)
        self.new_images.append(image)
        return image

    def remove_stored_files(self):
        for name in self.stored_files:
            PortalImage._meta.get_field("file").storage.delete(name)
        self.stored_files.clear()
