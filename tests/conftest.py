import pytest

pytest_plugins = ["tests.search_server"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes images into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
