"""A model field for the months of a harvest or production season."""

from django import forms
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext as _


def _month_label(month):
    return _("Tháng %(month)s") % {"month": month}


# Lazy, so each request's language names the months (an eager `%` would freeze Vietnamese).
MONTH_CHOICES = [(m, lazy(_month_label, str)(m)) for m in range(1, 13)]


class MonthsField(models.CharField):
    """Stores months 1–12 as "1,2,12" so it works on every database; reads as a sorted list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple | set):
            months = value
        else:
            months = [part for part in (value or "").split(",") if part.strip()]
        return sorted({int(m) for m in months if 1 <= int(m) <= 12})

    def get_prep_value(self, value):
        return ",".join(str(m) for m in self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not self.blank and not value:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=MONTH_CHOICES,
            coerce=int,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
