import pytest

pytest_plugins = ["tests.search_server"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes images into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and one-time proofs live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in Vietnamese: a request in English leaves its language on the thread,
    and reverse() in the next test would build English URLs."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
