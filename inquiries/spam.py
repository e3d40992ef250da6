"""Keeping spam out without a third-party service.

Four checks, in the order `screen()` runs them: a honeypot field (filled: stored as spam, never
delivered), limits per client address and per e-mail address (refused with a message), a repeat
filter (the same message to the same cooperative within a day: refused), and the proof-of-work
challenge (ALTCHA) with a link filter (missing proof or too many links: held for the trade desk,
never dropped). Nothing here logs what a buyer typed.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass

import altcha
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.clients import client_address, count

from .choices import HeldReason

HONEYPOT_FIELD = "ho_so_web"
PROOF_FIELD = "altcha"
LINK = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(?:com|net|org|ru|xyz|top|info)\b)", re.I)


@dataclass(frozen=True)
class Verdict:
    """What to do with a submission: refuse it (with why), or store it as spam, held or new."""

    refused: str = ""
    spam: bool = False
    held: str = ""


def _hmac_key():
    return (
        settings.ALTCHA_HMAC_KEY
        or hashlib.sha256(f"altcha:{settings.SECRET_KEY}".encode()).hexdigest()
    )


def new_challenge():
    """A challenge for the form: the browser finds the number whose hash it names."""
    expires = timezone.now() + datetime.timedelta(minutes=settings.ALTCHA_EXPIRES_MINUTES)
    challenge = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=_hmac_key(), max_number=settings.ALTCHA_MAX_NUMBER, expires=expires
        )
    )
    return challenge.to_dict()


def proof_is_valid(payload):
    """A solved, unexpired challenge of ours, used once (a replayed solution counts as none)."""
    if not payload or len(payload) > 2000:
        return False
    try:
        valid, _error = altcha.verify_solution_v1(payload, _hmac_key(), check_expires=True)
    except (ValueError, TypeError, KeyError):
        return False
    if not valid:
        return False
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return cache.add(f"altcha:used:{digest}", 1, timeout=settings.ALTCHA_EXPIRES_MINUTES * 60)


def _over_limit(kind, value):
    """Counts one send against `kind`'s window; True once the window's allowance is spent."""
    allowed, window = settings.INQUIRY_RATE_LIMITS[kind]
    return count(f"inquiries:{kind}", value, window) > allowed


def link_count(text):
    return len(LINK.findall(text or ""))


def _repeats(same, email):
    since = timezone.now() - datetime.timedelta(days=1)
    return same.filter(email__iexact=email, created_at__gte=since).exists()


def screen(request, data, same):
    """The verdict on a valid form's data; `same` holds earlier submissions of identical content
    (the repeat filter looks for one from this e-mail address in the last day)."""
    if data.get(HONEYPOT_FIELD):
        return Verdict(spam=True)
    email = data["email"].lower()
    limited = _over_limit("address", client_address(request))
    limited = _over_limit("email", email) or limited
    if limited:
        return Verdict(
            refused=_(
                "Bạn đã gửi nhiều yêu cầu trong một giờ qua. Nội dung vẫn còn trên mẫu: "
                "xin gửi lại sau ít phút, hoặc gọi cho Liên minh HTX."
            )
        )
    if _repeats(same, email):
        return Verdict(
            refused=_(
                "Yêu cầu giống hệt đã được gửi trong 24 giờ qua. Bạn sẽ nhận trả lời qua "
                "đường dẫn trong thư xác nhận."
            )
        )
    if not proof_is_valid(data.get(PROOF_FIELD, "")):
        return Verdict(held=HeldReason.NO_PROOF)
    if link_count(data.get("message", "")) > settings.INQUIRY_MAX_LINKS:
        return Verdict(held=HeldReason.LINKS)
    return Verdict()
