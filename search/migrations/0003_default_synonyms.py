"""Synonyms buyers use from day one; editors add more in the admin."""

from django.db import migrations

DEFAULTS = [
    "chè, trà",
    "lợn, heo",
    "ngô, bắp",
    "lạc, đậu phộng",
    "vừng, mè",
    "dứa, thơm, khóm",
    "mứt, ô mai",
    "htx, hợp tác xã",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in DEFAULTS:
        Synonym.objects.get_or_create(terms=terms)


def remove(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(terms__in=DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_search")]

    operations = [migrations.RunPython(add, remove)]
