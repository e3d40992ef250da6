"""Text helpers for Vietnamese: folding diacritics for matching and slugs."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case text without diacritics ("Đông Anh" -> "dong anh"), for matching names."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", stripped).strip().lower()


def vi_slugify(text: str) -> str:
    """An ASCII slug from Vietnamese text ("Gạo nếp cái hoa vàng" -> "gao-nep-cai-hoa-vang")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
