"""The admin screens every taxonomy shares: name, slug and locale columns, searched by name."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TaxonomyViewSet(SnippetViewSet):
    """A taxonomy's listing; a subclass names its model, icon, label and its own extra columns."""

    extra_columns: tuple[str, ...] = ()
    search_fields = ["name"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.list_display = ["name", *cls.extra_columns, "slug", "locale"]
        cls.list_filter = [*cls.extra_columns, "locale"]
