"""What an official file really is, from its first bytes rather than its name: a ".pdf" that is
not a PDF is refused with a message instead of failing later in the extraction."""

import zipfile

from django.utils.translation import gettext_lazy as _

KINDS = {"pdf": "pdf", "docx": "docx", "txt": "txt"}
BAD_FILE = {
    "pdf": _("Tệp có đuôi .pdf nhưng không phải tệp PDF."),
    "docx": _("Tệp có đuôi .docx nhưng không phải tệp Word (DOCX)."),
    "txt": _("Tệp có đuôi .txt nhưng không phải văn bản UTF-8."),
}
WRONG_EXTENSION = _("Tệp văn bản chính thức phải là PDF, DOCX hoặc TXT.")


def kind_of(name):
    return KINDS.get(name.rsplit(".", 1)[-1].lower()) if "." in name else None


def looks_like(kind, handle):
    """True when the content matches the kind its name claims."""
    handle.seek(0)
    head = handle.read(8)
    handle.seek(0)
    if kind == "pdf":
        return head.startswith(b"%PDF-")
    if kind == "docx":
        if not zipfile.is_zipfile(handle):
            return False
        handle.seek(0)
        with zipfile.ZipFile(handle) as archive:
            ok = "word/document.xml" in archive.namelist()
        handle.seek(0)
        return ok
    if kind == "txt":
        try:
            handle.read().decode("utf-8")
        except UnicodeDecodeError:
            return False
        finally:
            handle.seek(0)
        return True
    return False


def file_error(document):
    """The message for a Wagtail document that cannot be the official file, or None."""
    kind = kind_of(document.file.name)
    if kind is None:
        return WRONG_EXTENSION
    try:
        with document.file.open("rb") as handle:
            return None if looks_like(kind, handle) else BAD_FILE[kind]
    except OSError:
        return BAD_FILE[kind]
