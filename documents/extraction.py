"""Text out of the official files: pypdf for PDF, python-docx for DOCX, plain text as is.

Runs off the request path (`documents.tasks`), once per file content: the text is kept with the
file's SHA-256, so re-publishing a page or using one file on both language trees costs nothing.
"""

import hashlib
import io
import logging
import time
from dataclasses import dataclass

import docx
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .files import kind_of, looks_like

logger = logging.getLogger(__name__)
# Extracted text beyond this is not indexed: a file of 2 MB of text is a data dump, not a decree.
MAX_CHARS = 2_000_000


@dataclass
class Extracted:
    text: str
    pages: int
    seconds: float


class ExtractionError(Exception):
    pass


def _pdf(data):
    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() or "" for page in reader.pages]
    return "\n\n".join(texts), len(texts)


def _docx(data):
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    # DOCX has no pages until it is laid out; count the explicit page breaks.
    breaks = sum(p._p.xml.count('w:type="page"') for p in document.paragraphs)
    return "\n".join(parts), breaks + 1


def _txt(data):
    text = data.decode("utf-8-sig")
    return text, max(1, text.count("\f") + 1)


READERS = {"pdf": _pdf, "docx": _docx, "txt": _txt}


def extract_bytes(name, data):
    kind = kind_of(name)
    if kind is None or not looks_like(kind, io.BytesIO(data)):
        raise ExtractionError(f"{name}: not a PDF, DOCX or UTF-8 text file")
    began = time.perf_counter()
    try:
        text, pages = READERS[kind](data)
    except (PdfReadError, ValueError, KeyError) as why:
        raise ExtractionError(f"{name}: {why}") from why
    return Extracted(text[:MAX_CHARS], pages, time.perf_counter() - began)


def sha256(data):
    return hashlib.sha256(data).hexdigest()
