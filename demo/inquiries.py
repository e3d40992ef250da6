"""Demo inquiries over the last 90 days, so the pages show real responsiveness figures.

Written straight to the tables (no mail is queued): buyers at home and abroad asking a dozen
cooperatives about their products, answered fast, slowly or not at all. Deterministic, and
skipped when any inquiry exists, so `load_demo_data` stays idempotent.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from cooperatives.models import CooperativePage
from inquiries.models import Inquiry, InquiryEvent, Message, Status
from inquiries.responsiveness import refresh

BUYERS = [
    ("Nguyễn Thị Hồng", "Siêu thị Sạch Thanh Xuân", "VN", "vi"),
    ("Trần Quốc Bảo", "Công ty Thực phẩm An Khang", "VN", "vi"),
    ("Lê Minh Tâm", "", "VN", "vi"),
    ("Phạm Thu Trang", "Chuỗi cửa hàng Nông sản Việt", "VN", "vi"),
    ("Đỗ Văn Hải", "Nhà hàng Sen Hồ Tây", "VN", "vi"),
    ("Yuki Tanaka", "Tanaka Trading Co.", "JP", "en"),
    ("Kim Min-jun", "Seoul Fresh Foods", "KR", "en"),
    ("Anna Schmidt", "Fairtrade Import GmbH", "DE", "en"),
    ("Olivia Brown", "Green Basket Ltd", "GB", "en"),
]
QUESTIONS = {
    "vi": "Chúng tôi muốn đặt {product} số lượng lớn, giao hằng tháng tại Hà Nội. Xin báo giá "
    "sỉ và thời gian giao hàng.",
    "en": "We would like to order {product} in bulk for export. Please send your wholesale "
    "price, packaging options and lead time.",
}
ANSWER = (
    "Cảm ơn anh chị đã quan tâm. Hợp tác xã gửi bảng giá sỉ qua thư điện tử và có thể giao "
    "hàng sau 7 ngày kể từ khi đặt."
)
# Hours to the first answer, per kind of cooperative; None: never answered.
PROFILES = {
    "fast": [1, 2, 3, 5, 8, 12, 20],
    "steady": [6, 18, 30, 40, 52, 70],
    "slow": [30, 60, None, None, 90],
}


def _plan(rng, count):
    """(profile, number of inquiries) for each of `count` cooperatives."""
    kinds = ["fast", "fast", "steady", "slow"]
    return [(kinds[i % len(kinds)], rng.randint(3, 9)) for i in range(count)]


def _inquiry(cooperative, product, buyer, sent, rng, n):
    name, organisation, country, language = buyer
    email = f"{name.split()[-1].lower()}.{cooperative.pk}.{n}@example.com"
    return Inquiry(
        cooperative=cooperative,
        product=product,
        name=name,
        organisation=organisation,
        country=country,
        email=email,
        language=language,
        quantity=rng.choice([50, 100, 200, 500, 1000]),
        unit=product.unit if product else "",
        message=QUESTIONS[language].format(product=product.title if product else cooperative),
        created_at=sent,
        delivered_at=sent,
        status_changed_at=sent,
        consent_at=sent,
    )


def _answer(inquiry, hours, now):
    answered = inquiry.delivered_at + datetime.timedelta(hours=hours)
    if answered > now:
        return
    escalate_at = inquiry.delivered_at + datetime.timedelta(hours=72)
    if answered > escalate_at:  # escalated first: the cooperative's late answer does not count
        inquiry.escalated_at = escalate_at
    else:
        inquiry.first_answered_at = answered
    inquiry.status, inquiry.status_changed_at = Status.ANSWERED, answered
    inquiry.save()
    Message.objects.create(
        inquiry=inquiry, sender=Message.Sender.COOPERATIVE, body=ANSWER, created_at=answered
    )
    InquiryEvent.objects.create(
        inquiry=inquiry, action=InquiryEvent.Action.STATUS, status=Status.ANSWERED, at=answered
    )


def _unanswered(inquiry, now):
    if now - inquiry.delivered_at > datetime.timedelta(hours=72):
        inquiry.escalated_at = inquiry.delivered_at + datetime.timedelta(hours=72)
        inquiry.save(update_fields=["escalated_at"])


@transaction.atomic
def load_demo_inquiries(count=12, seed=2026):
    """Adds the demo inquiries; returns how many (0 when some already exist)."""
    if Inquiry.objects.exists():
        return 0
    rng = random.Random(seed)
    now = timezone.now()
    cooperatives = (
        CooperativePage.objects.live()
        .filter(locale__language_code="vi")
        .prefetch_related("product_pages")
        .order_by("title")[:count]
    )
    added = 0
    for cooperative, (profile, total) in zip(cooperatives, _plan(rng, count), strict=False):
        products = [p for p in cooperative.product_pages.all() if p.live]
        for n in range(total):
            sent = now - datetime.timedelta(days=rng.randint(3, 85), hours=rng.randint(0, 23))
            product = rng.choice(products) if products else None
            inquiry = _inquiry(cooperative, product, rng.choice(BUYERS), sent, rng, n)
            inquiry.save()
            InquiryEvent.objects.create(
                inquiry=inquiry, action=InquiryEvent.Action.STATUS, status=Status.NEW, at=sent
            )
            hours = rng.choice(PROFILES[profile])
            if hours is None:
                _unanswered(inquiry, now)
            else:
                _answer(inquiry, hours, now)
            added += 1
    refresh(now=now)
    return added
