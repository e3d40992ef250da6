"""The library's closed lists: document types, statuses and the kinds of relation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentType(models.TextChoices):
    LAW = "luat", _("Luật")
    RESOLUTION = "nghi-quyet", _("Nghị quyết")
    CONCLUSION = "ket-luan", _("Kết luận")
    DECREE = "nghi-dinh", _("Nghị định")
    CIRCULAR = "thong-tu", _("Thông tư")
    DECISION = "quyet-dinh", _("Quyết định")
    PROGRAMME = "chuong-trinh", _("Chương trình")
    PLAN = "ke-hoach", _("Kế hoạch")
    GUIDANCE = "huong-dan", _("Hướng dẫn")


class Status(models.TextChoices):
    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    # A certificate is "còn hiệu lực" too ("valid"); a law is "in force".
    IN_FORCE = "in_force", pgettext_lazy("văn bản pháp luật", "Còn hiệu lực")
    PARTLY = "partly", _("Hết hiệu lực một phần")
    ENDED = "ended", _("Hết hiệu lực toàn bộ")


class RelationKind(models.TextChoices):
    BASED_ON = "based_on", _("Căn cứ")
    GUIDES = "guides", _("Hướng dẫn")
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    PARTLY_REPLACES = "partly_replaces", _("Thay thế một phần")
    REPLACES = "replaces", _("Thay thế")
    PARTLY_REPEALS = "partly_repeals", _("Bãi bỏ một phần")
    REPEALS = "repeals", _("Bãi bỏ")


# How a relation reads from the other end: "guides" seen from the guided document.
INVERSE_LABELS = {
    RelationKind.BASED_ON: _("Là căn cứ của"),
    RelationKind.GUIDES: _("Được hướng dẫn bởi"),
    RelationKind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationKind.PARTLY_REPLACES: _("Bị thay thế một phần bởi"),
    RelationKind.REPLACES: _("Bị thay thế bởi"),
    RelationKind.PARTLY_REPEALS: _("Bị bãi bỏ một phần bởi"),
    RelationKind.REPEALS: _("Bị bãi bỏ bởi"),
}
# Relations that end the target's force, wholly or in part, from their date.
ENDING = {RelationKind.REPLACES, RelationKind.REPEALS}
PARTIAL = {RelationKind.AMENDS, RelationKind.PARTLY_REPLACES, RelationKind.PARTLY_REPEALS}
