"""PostgreSQL only: store the folded text's tsvector, so matching words never recomputes it.

A generated column the Django model does not declare: PostgreSQL keeps it in step with `folded`
on every insert and update, and the GIN index on it serves `folded_tsv @@ tsquery`.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_productsearchtext ADD COLUMN IF NOT EXISTS folded_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED",
    "CREATE INDEX IF NOT EXISTS search_text_folded_tsv ON search_productsearchtext "
    "USING GIN (folded_tsv)",
    "DROP INDEX IF EXISTS search_text_folded_fts",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS search_text_folded_fts ON search_productsearchtext "
    "USING GIN (to_tsvector('simple', folded))",
    "DROP INDEX IF EXISTS search_text_folded_tsv",
    "ALTER TABLE search_productsearchtext DROP COLUMN IF EXISTS folded_tsv",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0003_default_synonyms")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
