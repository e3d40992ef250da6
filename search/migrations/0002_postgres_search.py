"""PostgreSQL only: unaccent and pg_trgm, with GIN indexes for the database fallback.

On other databases (SQLite in development) this migration does nothing: the folded column and
word matching are enough there.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_text_folded_fts ON search_productsearchtext "
    "USING GIN (to_tsvector('simple', folded))",
    "CREATE INDEX IF NOT EXISTS search_text_folded_trgm ON search_productsearchtext "
    "USING GIN (folded gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_text_title_trgm ON search_productsearchtext "
    "USING GIN (folded_title gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_text_title_trgm",
    "DROP INDEX IF EXISTS search_text_folded_trgm",
    "DROP INDEX IF EXISTS search_text_folded_fts",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
