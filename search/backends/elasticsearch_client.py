"""The connection to Elasticsearch, with short timeouts and a circuit breaker.

A dead cluster must not slow every request down: after a few failures in a row the breaker opens
and searches go straight to the database fallback until a trial request succeeds again.
"""

import logging
import threading
import time
from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions

logger = logging.getLogger(__name__)

# Everything that means "the engine did not answer properly": connection, timeout, 5xx.
ENGINE_ERRORS = (
    es_exceptions.ConnectionError,
    es_exceptions.ConnectionTimeout,
    es_exceptions.TransportError,
    es_exceptions.ApiError,
)


class CircuitBreaker:
    """Opens after `threshold` failures in a row; lets one trial through every `cooldown` s."""

    def __init__(self, threshold=3, cooldown=30.0):
        self.threshold = threshold
        self.cooldown = cooldown
        self._failures = 0
        self._opened_at = None
        self._lock = threading.Lock()

    def allow(self):
        with self._lock:
            if self._opened_at is None:
                return True
            if time.monotonic() - self._opened_at >= self.cooldown:
                self._opened_at = time.monotonic()  # half-open: this caller is the trial
                return True
            return False

    def success(self):
        with self._lock:
            self._failures = 0
            self._opened_at = None

    def failure(self):
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold and self._opened_at is None:
                logger.warning("search: circuit opened after %s failures", self._failures)
                self._opened_at = time.monotonic()

    @property
    def is_open(self):
        return self._opened_at is not None

    def reset(self):
        self.success()


breaker = CircuitBreaker()


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=4)
def _client(url, timeout):
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def client(timeout=None):
    """The client for searches (short timeout) or, with `timeout`, for bulk work."""
    return _client(settings.ELASTICSEARCH_URL, timeout or settings.ELASTICSEARCH_TIMEOUT)


def alias_name():
    return settings.ELASTICSEARCH_INDEX


def health_check():
    """(healthy, detail) for /healthz; search degrades to the database, so never fatal."""
    if not is_configured():
        return True, "database fallback"
    if breaker.is_open:
        return False, "circuit open"
    try:
        es = client()
        es.cluster.health(timeout="1s")
        if not es.indices.exists_alias(name=alias_name()):
            return False, "no index: run search_index --rebuild"
    except ENGINE_ERRORS as error:
        return False, f"unreachable ({type(error).__name__})"
    return True, "ok"
