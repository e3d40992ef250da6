"""Image uploads by a cooperative: size, pixel and format limits hold, in its own folder only."""

import io
import struct
import zlib
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage

from portal.models import PortalImage
from tests.onboarding import onboarded

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width, height):
    """A tiny PNG that claims to be `width` x `height`: how decompression bombs look."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def real_image(fmt="PNG", size=(120, 80)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 160, 40)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def coop():
    return onboarded("HTX Chè Hà Nội", "htx.che@example.vn", "Chè búp")


@pytest.fixture
def client(coop):
    client = Client()
    client.force_login(coop.user)
    return client


def upload(client, name, content, collection, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh tải lên",
            "description": "Đồi chè buổi sáng",
            "collection": collection.pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def file_errors(response):
    assert response.status_code == HTTPStatus.OK, "the upload was accepted"
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("anh.png", real_image("PNG")),
        ("anh.jpg", real_image("JPEG")),
        ("anh.webp", real_image("WEBP")),
    ],
)
def test_jpeg_png_and_webp_are_accepted_into_the_cooperatives_collection(
    coop, client, name, content
):
    response = upload(client, name, content, coop.account.collection)
    assert response.status_code == HTTPStatus.FOUND
    image = PortalImage.objects.get(title="Ảnh tải lên")
    assert image.collection_id == coop.account.collection_id
    assert image.uploaded_by_user == coop.user


def test_a_decompression_bomb_is_refused(coop, client):
    bomb = png_header_only(50_000, 50_000)  # 2.5 billion pixels in about a kilobyte
    assert len(bomb) < 2048
    errors = file_errors(upload(client, "bom.png", bomb, coop.account.collection))
    # One language, whole numbers: no English from Wagtail, no "(không rõ)" for the count.
    assert "Ảnh quá lớn: nhiều hơn 40.000.000 điểm ảnh, mức tối đa cho phép." in errors
    assert "pixel" not in errors.lower() and "không rõ" not in errors
    assert not PortalImage.objects.filter(title="Ảnh tải lên").exists()


def test_the_portals_pixel_limit_applies_below_pillows_own(coop, client):
    width, height = 8_000, 6_000  # 48 million pixels: above the portal's 40 million
    assert width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert width * height < PILImage.MAX_IMAGE_PIXELS
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")  # a real, small, 1-bit file
    response = upload(client, "lon.png", buffer.getvalue(), coop.account.collection)
    assert "Ảnh có 48.000.000 điểm ảnh, nhiều hơn mức tối đa 40.000.000." in file_errors(response)
    assert not PortalImage.objects.filter(title="Ảnh tải lên").exists()


def test_an_oversized_file_is_refused(coop, client):
    padded = real_image("PNG") + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    errors = file_errors(upload(client, "nang.png", padded, coop.account.collection))
    assert errors
    assert not PortalImage.objects.filter(title="Ảnh tải lên").exists()


@pytest.mark.parametrize(
    ("name", "content_type"), [("logo.svg", "image/svg+xml"), ("logo.png", "image/png")]
)
def test_svg_is_refused_by_extension_and_by_content(coop, client, name, content_type):
    errors = file_errors(upload(client, name, SVG, coop.account.collection, content_type))
    assert errors
    assert not PortalImage.objects.filter(title="Ảnh tải lên").exists()


def test_the_multiple_uploader_refuses_a_bomb_too(coop, client):
    response = client.post(
        "/admin/images/multiple/add/",
        {
            "title": "bom",
            "collection": coop.account.collection.pk,
            "files[]": SimpleUploadedFile("bom.png", png_header_only(50_000, 50_000), "image/png"),
        },
    )
    assert response.json()["success"] is False
    assert not PortalImage.objects.filter(title="bom").exists()


def test_an_upload_aimed_at_another_cooperatives_collection_lands_in_its_own(coop, client):
    other = onboarded("HTX Bưởi Diễn", "htx.buoi@example.vn", "Bưởi Diễn")
    response = upload(client, "anh.png", real_image(), other.account.collection)
    assert response.status_code == HTTPStatus.FOUND
    image = PortalImage.objects.get(title="Ảnh tải lên")
    assert image.collection_id == coop.account.collection_id


def test_product_photos_need_alt_text(coop, client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    image = coop.image
    image.description = ""
    image.save()
    data = nested_form_data(
        {
            "title": "Chè Shan tuyết",
            "slug": "che-shan-tuyet",
            "category": coop.product.category_id,
            "summary": "Chè cổ thụ.",
            "description": rich_text(""),
            "price_vnd": "250000",
            "unit": "hộp 200 g",
            "availability": "san_hang",
            "gallery_images": inline_formset([{"id": "", "image": image.pk, "alt_text": ""}]),
            "certifications": inline_formset([]),
            "comments": inline_formset([]),
            "action-submit": "Gửi duyệt",
        }
    )
    url = f"/admin/pages/add/products/productpage/{coop.page.pk}/"
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.OK
    gallery = response.context["form"].formsets["gallery_images"]
    assert "alt_text" in gallery.forms[0].errors

    data["gallery_images-0-alt_text"] = "Búp chè non trên cành"
    assert client.post(url, data).status_code == HTTPStatus.FOUND


def test_too_many_pixels_is_read_from_the_header_without_decoding(coop, client):
    # 48 million pixels claimed, no pixel data: refused as too big, not a server error.
    response = upload(client, "gia.png", png_header_only(8_000, 6_000), coop.account.collection)
    assert "Ảnh có 48.000.000 điểm ảnh, nhiều hơn mức tối đa 40.000.000." in file_errors(response)


def test_a_truncated_image_is_a_form_error(coop, client):
    response = upload(client, "hong.png", png_header_only(400, 300), coop.account.collection)
    assert file_errors(response)
    assert not PortalImage.objects.filter(title="Ảnh tải lên").exists()
