"""The inquiry form and the responsiveness figures, for the product and cooperative pages."""

from django import template
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist

from ..forms import InquiryForm
from ..spam import new_challenge

register = template.Library()


@register.inclusion_tag("inquiries/includes/inquiry_form.html", takes_context=True)
def inquiry_form(context, cooperative, product=None):
    """The form, posting to the inquiry view; errors come back on the form's own page."""
    return {
        "request": context.get("request"),
        "form": InquiryForm(unit=product.unit if product else ""),
        "cooperative": cooperative,
        "product": product,
        "challenge": new_challenge(),
    }


@register.inclusion_tag("inquiries/includes/responsiveness.html")
def responsiveness(cooperative):
    try:
        figures = cooperative.responsiveness
    except ObjectDoesNotExist:
        figures = None
    minimum = settings.INQUIRY_RESPONSIVENESS_MIN
    return {"figures": figures, "cooperative": cooperative, "minimum": minimum}


@register.filter
def described(field):
    """The widget with its help and error linked for screen readers, and marked when invalid."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def error_links(form):
    """The error summary's entries, in the order of the form: where to go, and what is wrong."""
    return [
        {"href": f"#{field.auto_id}", "label": field.label, "message": error}
        for field in form
        for error in field.errors
    ]
