"""Who is asking: the client's address, and fixed-window counters of what it did.

Shared by the buyers' inquiry form and the admin's login, so both count the same way and behind
the same proxies.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The visitor's address. Behind a reverse proxy every request comes from the proxy, so for
    a proxy named in TRUSTED_PROXIES the address is the last X-Forwarded-For hop it did not add
    itself; anything before that hop was written by the client and is not believed."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(settings.TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    return next((hop for hop in reversed(hops) if hop and hop not in trusted), remote)


def _key(scope, value):
    # Hashed: an address or an e-mail never sits in the cache in the clear.
    return f"portal:window:{scope}:{hashlib.sha256(value.encode()).hexdigest()}"


def count(scope, value, window):
    """Counts one event in `scope` for `value`; returns the count in the current window."""
    key = _key(scope, value)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.add(key, 1, timeout=window)
        return 1


def counted(scope, value):
    """The events counted in `scope` for `value` in the current window, without adding one."""
    return cache.get(_key(scope, value), 0)
