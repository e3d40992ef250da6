"""Trade terms and currencies a buyer may name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Incoterm(models.TextChoices):
    """The eleven Incoterms 2020 rules, with the names the ICC's Vietnamese edition uses."""

    EXW = "EXW", _("EXW – Giao tại xưởng")
    FCA = "FCA", _("FCA – Giao cho người chuyên chở")
    CPT = "CPT", _("CPT – Cước phí trả tới")
    CIP = "CIP", _("CIP – Cước phí và bảo hiểm trả tới")
    DAP = "DAP", _("DAP – Giao tại nơi đến")
    DPU = "DPU", _("DPU – Giao tại nơi đến đã dỡ xuống")
    DDP = "DDP", _("DDP – Giao hàng đã nộp thuế")
    FAS = "FAS", _("FAS – Giao dọc mạn tàu")
    FOB = "FOB", _("FOB – Giao lên tàu")
    CFR = "CFR", _("CFR – Tiền hàng và cước phí")
    CIF = "CIF", _("CIF – Tiền hàng, bảo hiểm và cước phí")


class Currency(models.TextChoices):
    VND = "VND", _("đồng (VND)")
    USD = "USD", _("đô la Mỹ (USD)")
    EUR = "EUR", _("euro (EUR)")


class HeldReason(models.TextChoices):
    """Why a submission waits for the trade desk instead of reaching the cooperative."""

    NO_PROOF = "no_proof", _("Không có bằng chứng chống thư rác (trình duyệt tắt JavaScript)")
    LINKS = "links", _("Nội dung có nhiều đường dẫn")
