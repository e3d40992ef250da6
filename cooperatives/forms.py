"""Page forms: what a cooperative may change on its own pages.

The Alliance's records on a page (the yearly classification, the survey code, and on products
the certificates and their validity) are shown to a cooperative but cannot be changed by it:
the fields are disabled, and whatever is posted for them is thrown away on save.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import is_alliance_editor


class AllianceRecordsPageForm(WagtailAdminPageForm):
    alliance_fields: tuple[str, ...] = ()
    alliance_formsets: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = not is_alliance_editor(self.for_user)
        # Snapshot of the Alliance's inline records as they stand, restored on save.
        self.kept_records = {}
        if self.locked:
            self.lock_alliance_records()

    def lock_alliance_records(self):
        for name in self.alliance_fields:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Do Liên minh HTX cập nhật.")
        for name in self.alliance_formsets:
            formset = self.formsets.get(name)
            if formset is None:
                continue
            self.kept_records[name] = list(getattr(self.instance, name).all())
            for form in formset.forms:
                for field in form.fields.values():
                    field.disabled = True

    def save(self, commit=True):
        page = super().save(commit=False)
        for name, records in self.kept_records.items():
            setattr(page, name, records)
        if commit:
            page.save()
        return page


class CooperativePageForm(AllianceRecordsPageForm):
    alliance_fields = ("code",)
    alliance_formsets = ("classifications",)
