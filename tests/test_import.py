"""The CSV import: a valid pair of files, re-imports, --dry-run, --draft and every bad row."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.models import Page, ReferenceIndex, Revision

from cooperatives.models import Area, CooperativePage, Kind, Sector
from portal.models import PortalImage
from products.importer import run_import, values
from products.models import (
    Certification,
    ProductCategory,
    ProductCertification,
    ProductGalleryImage,
    ProductPage,
)
from tests.factories import (
    AreaFactory,
    CategoryFactory,
    CertificationFactory,
    SectorFactory,
    make_cooperative,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "import"
COOP_HEADER = (
    "code,name,kind,sector,area,address,phone,email,website,founded_year,members,description"
)
PRODUCT_HEADER = (
    "cooperative_code,name,category,description,price_vnd,unit,certifications,ocop_stars,"
    "season,image"
)
COOPS = [
    COOP_HEADER,
    "HN-1,HTX Nông nghiệp Vân Nội,HTX,nong nghiep,huyen dong anh,Xã Vân Nội,0912 345 678,"
    "htx@vannoi.vn,vannoi.vn,2016,48,Rau an toàn",
    "HN-2,HTX Gốm Kim Lan,Hợp tác xã,Thủ công mỹ nghệ,Huyện Gia Lâm,,024 3874 1234,,,2008,20,",
    "HN-3,Tổ hợp tác mây tre Phú Vinh,to hop tac,Thủ công mỹ nghệ,Huyện Chương Mỹ,,,,,,,",
]
PRODUCTS = [
    PRODUCT_HEADER,
    "HN-1,Gạo nếp cái hoa vàng,nong san > gao,Nếp thơm dẻo.,45.000,kg,VietGAP|ocop,4,9-11,anh.png",
    "HN-1,Rau cải ngọt,Nông sản > Rau củ,Rau sạch.,25000,kg,VietGAP,,quanh năm,",
    "HN-2,Bát gốm men lam,Gốm sứ,Bát vẽ tay.,,chiếc,,,,",
    "HN-3,Giỏ mây,Mây tre đan,,150000,chiếc,OCOP,3,,",
]


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    PILImage.new("RGB", (8, 6), (200, 160, 40)).save(folder / "anh.png")
    return folder


def write(folder, name, lines, encoding="utf-8"):
    path = folder / name
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


def run(*args, **files):
    out, err = io.StringIO(), io.StringIO()
    options = {key: str(path) for key, path in files.items()}
    call_command("import_catalogue", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def import_files(folder, coops=COOPS, products=PRODUCTS, *args):
    return run(
        *args,
        cooperatives=write(folder, "htx.csv", coops),
        products=write(folder, "san-pham.csv", products),
    )


def snapshot(media=None):
    counts = {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            PortalImage,
            Sector,
            Area,
            ProductCategory,
            Certification,
            ProductCertification,
            ProductGalleryImage,
        )
    }
    if media is not None:
        counts["files"] = len([p for p in media.rglob("*") if p.is_file()])
    return counts


def product(title):
    return ProductPage.objects.get(title=title)


# A valid pair of files


def test_sample_files_import_published_pages():
    out, err = run(cooperatives=DATA / "cooperatives.csv", products=DATA / "products.csv")

    assert "Hợp tác xã: 5 tạo mới" in out and "Sản phẩm: 15 tạo mới" in out
    assert "[##############################] 20/20" in err
    assert CooperativePage.objects.live().count() == 5
    assert ProductPage.objects.live().count() == 15
    union = CooperativePage.objects.get(code="HN-SS-001")
    assert union.kind == Kind.UNION
    assert union.area.name == "Huyện Sóc Sơn" and union.area.kind == Area.Kind.RURAL
    gom = CooperativePage.objects.get(code="HN-GL-002")
    assert gom.website == "https://gomsubattrang.vn"
    assert gom.founded_year == 2008 and gom.members == 120
    gao = product("Gạo nếp cái hoa vàng")
    assert gao.get_parent().specific.code == "HN-DA-014"
    assert (gao.price_vnd, gao.unit, gao.season_months) == (45000, "kg", [9, 10, 11])
    assert str(gao.category) == "Nông sản › Gạo"
    assert gao.ocop_stars == 4
    assert gao.main_image.title == "Gạo nếp cái hoa vàng"
    assert gao.main_image_alt == "Gạo nếp cái hoa vàng"
    # the reference index, rebuilt once at the end, knows where the image is used
    assert ReferenceIndex.get_references_to(gao.main_image).filter(object_id=str(gao.pk)).exists()
    assert product("Cam Canh Sóc Sơn").season_months == [1, 2, 11, 12]
    assert product("Đĩa gốm vẽ tay theo yêu cầu").price_vnd is None
    assert product("Chè túi lọc").summary == "Chè túi lọc của HTX Chè Ba Trại."


def test_new_pages_images_and_categories_are_in_wagtails_indexes():
    run(cooperatives=DATA / "cooperatives.csv", products=DATA / "products.csv")

    gao = product("Gạo nếp cái hoa vàng")
    # Wagtail's own search (the admin's), written once at the end for pages and new images
    assert gao in ProductPage.objects.search("nếp cái")
    assert gao.main_image in PortalImage.objects.search(gao.main_image.title)
    # a category the import created knows its parent
    assert (
        ReferenceIndex.get_references_to(gao.category.parent)
        .filter(object_id=str(gao.category.pk))
        .exists()
    )


def test_taxonomies_match_ignoring_case_and_diacritics(folder):
    sector = SectorFactory(name="Nông nghiệp")
    area = AreaFactory(name="Huyện Đông Anh")
    rice = CategoryFactory(name="Gạo", parent=CategoryFactory(name="Nông sản"))
    ocop = CertificationFactory(name="OCOP", is_ocop=True)

    out, _err = import_files(folder)

    coop = CooperativePage.objects.get(code="HN-1")
    assert (coop.sector, coop.area) == (sector, area)
    gao = product("Gạo nếp cái hoa vàng")
    assert gao.category == rice
    assert {c.certification for c in gao.certifications.all()} >= {ocop}
    assert Sector.objects.filter(name__iexact="nong nghiep").count() == 0
    # Giỏ mây: stars imply OCOP, matched to the existing one.
    assert [c.certification for c in product("Giỏ mây").certifications.all()] == [ocop]


def test_product_may_reference_a_cooperative_already_stored(folder):
    make_cooperative(title="HTX Rau Văn Đức", code="HN-9")
    lines = [PRODUCT_HEADER, "hn-9,Su hào,Rau củ,,8000,củ,,,,"]
    run(products=write(folder, "san-pham.csv", lines))
    assert product("Su hào").get_parent().title == "HTX Rau Văn Đức"


def test_byte_order_mark_and_quoted_multiline_cells(folder):
    lines = [*COOPS[:2], 'HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,,,,,,"Dòng một\nDòng hai"']
    path = folder / "htx.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode())
    run(cooperatives=path)
    assert CooperativePage.objects.get(code="HN-2").summary == "Dòng một\nDòng hai"


# Re-imports


def test_second_import_changes_nothing(folder, settings):
    import_files(folder)
    before = snapshot(Path(settings.MEDIA_ROOT))

    out, _err = import_files(folder)

    assert snapshot(Path(settings.MEDIA_ROOT)) == before
    assert "Hợp tác xã: 0 tạo mới, 0 cập nhật, 3 giữ nguyên" in out
    assert "Sản phẩm: 0 tạo mới, 0 cập nhật, 4 giữ nguyên" in out


def test_update_changes_only_the_changed_page(folder):
    import_files(folder)
    revisions = {p.title: p.revisions.count() for p in ProductPage.objects.all()}
    changed = [*PRODUCTS]
    changed[3] = changed[3].replace(",,chiếc", ",90000,chiếc")

    out, _err = import_files(folder, COOPS, changed)

    assert "Sản phẩm: 0 tạo mới, 1 cập nhật, 3 giữ nguyên" in out
    assert product("Bát gốm men lam").price_vnd == 90000
    after = {p.title: p.revisions.count() for p in ProductPage.objects.all()}
    assert after.pop("Bát gốm men lam") == revisions.pop("Bát gốm men lam") + 1
    assert after == revisions


def test_renamed_cooperative_is_updated(folder):
    import_files(folder)
    renamed = replaced(COOPS, 3, COOPS[2].replace("HTX Gốm Kim Lan", "HTX Gốm sứ Kim Lan"))

    out, _err = import_files(folder, renamed)

    assert "Hợp tác xã: 0 tạo mới, 1 cập nhật, 2 giữ nguyên" in out
    assert CooperativePage.objects.get(code="HN-2").title == "HTX Gốm sứ Kim Lan"


def test_new_image_goes_first_and_same_image_is_not_duplicated(folder):
    import_files(folder)
    PILImage.new("RGB", (8, 6), (10, 20, 200)).save(folder / "anh.png")

    import_files(folder)
    import_files(folder)

    gallery = product("Gạo nếp cái hoa vàng").gallery_images.all()
    assert len(gallery) == 2 and PortalImage.objects.count() == 2
    assert gallery[0].image == PortalImage.objects.order_by("pk").last()


def test_absent_column_keeps_the_field_and_editor_certificate_details_survive(folder):
    import_files(folder)
    gao = product("Gạo nếp cái hoa vàng")
    record = gao.certifications.get(certification__name="VietGAP")
    record.number = "VG-123"
    record.save()
    # no price column, and one more certificate
    without_price = [
        ",".join(c for i, c in enumerate(line.split(",")) if i != 4) for line in PRODUCTS[:2]
    ]
    without_price[1] = without_price[1].replace("VietGAP|", "VietGAP|Hữu cơ|")

    run(products=write(folder, "gia.csv", without_price))

    gao.refresh_from_db()
    assert gao.price_vnd == 45000
    assert gao.certifications.count() == 3
    assert gao.certifications.get(certification__name="VietGAP").number == "VG-123"


# --dry-run and --draft


def test_dry_run_writes_nothing(folder, settings):
    before = snapshot(Path(settings.MEDIA_ROOT))

    out, _err = import_files(folder, COOPS, PRODUCTS, "--dry-run")

    assert "Sản phẩm: 4 tạo mới" in out and "không ghi gì" in out
    assert snapshot(Path(settings.MEDIA_ROOT)) == before


def test_draft_leaves_pages_unpublished_until_a_normal_import(folder):
    import_files(folder, COOPS, PRODUCTS, "--draft")

    pages = [*CooperativePage.objects.all(), *ProductPage.objects.all()]
    assert len(pages) == 7
    assert not any(p.live for p in pages)
    assert all(p.has_unpublished_changes and p.latest_revision_id for p in pages)

    out, _err = import_files(folder)

    assert "Sản phẩm: 0 tạo mới, 4 cập nhật" in out
    assert ProductPage.objects.live().count() == 4


def test_draft_update_keeps_the_live_version(folder):
    import_files(folder)
    changed = [*PRODUCTS]
    changed[2] = changed[2].replace("25000", "30000")

    import_files(folder, COOPS, changed, "--draft")

    rau = product("Rau cải ngọt")
    assert rau.live and rau.price_vnd == 25000 and rau.has_unpublished_changes
    assert rau.get_latest_revision_as_object().price_vnd == 30000


# Bad rows: reported with file and line, and nothing written


def replaced(lines, line, text):
    return [*lines[: line - 1], text, *lines[line:]]


BAD_COOPERATIVES = [
    (1, COOP_HEADER.replace("sector,", ""), "thiếu cột bắt buộc: sector"),
    (3, "HN-2,HTX Gốm,,,Gia Lâm,,,,,,,", "thiếu giá trị bắt buộc ở cột “sector”"),
    (3, "HN-2,,,Gốm sứ,Gia Lâm,,,,,,,", "thiếu giá trị bắt buộc ở cột “name”"),
    (3, "HN-1,HTX Gốm,,Gốm sứ,Gia Lâm,,,,,,,", "lặp lại (đã có ở dòng 2)"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,,,,năm 2008,,", "cột “founded_year”"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,,,,1890,,", "cột “founded_year”"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,,,,,-5,", "cột “members”"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,,gom@,,,,", "cột “email”"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,gọi 091,,,,,", "cột “phone”"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm,,,,gom su .vn,,,", "cột “website”"),
    (3, "HN-2,HTX Gốm,công ty,Gốm sứ,Gia Lâm,,,,,,,", "cột “kind”"),
    (3, "HN-2,HTX Gốm,,Gốm sứ,Gia Lâm", "dòng có 5 trường, tiêu đề có 12"),
]
BAD_PRODUCTS = [
    (1, PRODUCT_HEADER.replace(",unit", ""), "thiếu cột bắt buộc: unit"),
    (3, "HN-1,Rau cải,Rau củ,,25000,,,,,", "thiếu giá trị bắt buộc ở cột “unit”"),
    (3, "HN-1,Rau cải,,,25000,kg,,,,", "thiếu giá trị bắt buộc ở cột “category”"),
    (3, "HN-7,Rau cải,Rau củ,,25000,kg,,,,", "không có HTX mã “HN-7”"),
    (3, "HN-1,GAO NEP CAI HOA VANG,Gạo,,1,kg,,,,", "lặp lại (đã có ở dòng 2)"),
    (3, "HN-1,Rau cải,Rau củ,,-25000,kg,,,,", "cột “price_vnd”"),
    (3, "HN-1,Rau cải,Rau củ,,rẻ,kg,,,,", "cột “price_vnd”"),
    (3, "HN-1,Rau cải,Rau củ,,99.000.000.000,kg,,,,", "cột “price_vnd”"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,OCOP,6,,", "cột “ocop_stars”"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,OCOP,,,", "chứng nhận OCOP cần số sao"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,,,13-14,", "cột “season”"),
    (3, "HN-1,Rau cải,A > B > C,,25000,kg,,,,", "cột “category”"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,,,,khong-co.jpg", "không tìm thấy"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,,,,hong.jpg", "không phải ảnh"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,,,,dong.gif", "chỉ nhận JPEG, PNG, WebP"),
    (3, "HN-1,Rau cải,Rau củ,,25000,kg,,,", "dòng có 9 trường, tiêu đề có 10"),
]


def assert_rejected(folder, settings, coops, products, file, line, reason):
    (folder / "hong.jpg").write_bytes(b"not a picture")
    PILImage.new("RGB", (4, 4)).save(folder / "dong.gif")
    before = snapshot(Path(settings.MEDIA_ROOT))
    err = io.StringIO()
    with pytest.raises(CommandError, match="chưa ghi gì"):
        call_command(
            "import_catalogue",
            cooperatives=str(write(folder, "htx.csv", coops)),
            products=str(write(folder, "san-pham.csv", products)),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert f"{file}, dòng {line}: " in err.getvalue()
    assert reason in err.getvalue()
    assert snapshot(Path(settings.MEDIA_ROOT)) == before
    return err.getvalue()


@pytest.mark.parametrize(("line", "text", "reason"), BAD_COOPERATIVES)
def test_bad_cooperative_row_is_reported_and_nothing_written(folder, settings, line, text, reason):
    coops = replaced(COOPS, line, text)
    assert_rejected(folder, settings, coops, PRODUCTS, "htx.csv", line, reason)


@pytest.mark.parametrize(("line", "text", "reason"), BAD_PRODUCTS)
def test_bad_product_row_is_reported_and_nothing_written(folder, settings, line, text, reason):
    products = replaced(PRODUCTS, line, text)
    assert_rejected(folder, settings, COOPS, products, "san-pham.csv", line, reason)


def test_file_in_another_encoding_is_refused_at_the_line_it_fails(folder):
    coops = [COOP_HEADER, "HN-1,HTX A,,Sector,Area,,,,,,,", "HN-2,HTX Đông,,Nông,Gia Lâm,,,,,,,"]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_catalogue",
            cooperatives=str(write(folder, "htx.csv", coops, encoding="cp1258")),
            stderr=err,
        )
    assert "htx.csv, dòng 3: tệp không phải mã UTF-8" in err.getvalue()
    assert not CooperativePage.objects.exists()


def test_every_bad_row_is_reported_in_one_run(folder, settings):
    coops = [*COOPS, "HN-4,HTX D,,Nông nghiệp,,,,,,,,", "HN-5,HTX E,,A,B,,,sai,,,,"]
    products = [*PRODUCTS, 'HN-1,"Cải\nbẹ",Rau,,abc,kg,,,,', "HN-8,Cà,Rau,,1,kg,,,,"]
    err = assert_rejected(folder, settings, coops, products, "htx.csv", 5, "cột “area”")
    assert "htx.csv, dòng 6: cột “email”" in err
    assert "san-pham.csv, dòng 6: cột “price_vnd”" in err
    # the quoted cell of line 6 spans two physical lines, so the next row is line 8
    assert "san-pham.csv, dòng 8: không có HTX mã “HN-8”" in err


def test_unexpected_error_while_writing_rolls_back_rows_and_image_files(folder, settings):
    before = snapshot(Path(settings.MEDIA_ROOT))

    def fail_at_the_end(done, total):
        if done == total:
            raise RuntimeError("mất kết nối")

    with pytest.raises(RuntimeError):
        run_import(
            write(folder, "htx.csv", COOPS),
            write(folder, "san-pham.csv", PRODUCTS),
            progress=fail_at_the_end,
        )
    assert snapshot(Path(settings.MEDIA_ROOT)) == before


def test_sample_images_are_small():
    sizes = [p.stat().st_size for p in (DATA / "anh").iterdir()]
    assert sizes and max(sizes) < 4096


# Cell parsers


@pytest.mark.parametrize(
    ("raw", "price"),
    [("45000", 45000), ("45.000", 45000), ("1 200 000", 1200000), ("45.000đ", 45000)]
    + [("", None), ("Liên hệ", None)],
)
def test_price(raw, price):
    assert values.parse_price(raw) == price


@pytest.mark.parametrize(
    ("raw", "months"),
    [("9-11", [9, 10, 11]), ("1,2,12", [1, 2, 12]), ("11-2", [1, 2, 11, 12])]
    + [("Quanh năm", []), ("", []), ("tháng 5", [5])],
)
def test_season(raw, months):
    assert values.parse_season(raw) == months


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("HTX", Kind.COOPERATIVE), ("hop tac xa", Kind.COOPERATIVE), ("", Kind.COOPERATIVE)]
    + [("Liên hiệp HTX", Kind.UNION), ("lien_hiep", Kind.UNION), ("Tổ hợp tác", Kind.GROUP)],
)
def test_kind(raw, kind):
    assert values.parse_kind(raw) == kind
