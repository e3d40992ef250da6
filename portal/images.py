"""Image uploads: the pixel limit checked from the file header, before any pixel is decoded.

Wagtail checks WAGTAILIMAGES_MAX_IMAGE_PIXELS after Willow has opened, and for PNG decoded, the
file: an image just under Pillow's own bomb threshold (about 89 million pixels) is decoded in full
before being refused, and a truncated file raises an error instead of a form error. Reading the
size from the header first refuses both cheaply.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class HeaderCheckedImageField(WagtailImageField):
    def to_python(self, data):
        if data is not None and hasattr(data, "seek"):
            self.check_header_pixels(data)
        try:
            return super().to_python(data)
        except OSError as error:  # truncated or corrupt data behind a valid header
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def check_header_pixels(self, data):
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as image:  # reads the header only
                    width, height = image.size
                    frames = getattr(image, "n_frames", 1)
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as error:
            raise self.too_many_pixels(None, limit) from error
        except Exception:  # noqa: BLE001, S110  Wagtail's own checks report unreadable files
            pass
        else:
            if limit and width * height * frames > limit:
                raise self.too_many_pixels(width * height * frames, limit)
        finally:
            data.seek(0)

    def too_many_pixels(self, count, limit):
        """The refusal in the admin's language, with grouped numbers; `count` is None when the
        header is past Pillow's bomb threshold and the exact size is not worth reading."""
        limit_text = number_format(limit, force_grouping=True)
        if count is None:
            message = _("Ảnh quá lớn: nhiều hơn %(limit)s điểm ảnh, mức tối đa cho phép.") % {
                "limit": limit_text
            }
        else:
            message = _("Ảnh có %(count)s điểm ảnh, nhiều hơn mức tối đa %(limit)s.") % {
                "count": number_format(count, force_grouping=True),
                "limit": limit_text,
            }
        return ValidationError(message, code="file_too_many_pixels")


class PortalImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's image form with the header check on `file`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            # The field is built by Wagtail's form factory; keep it, change only its checks.
            field.__class__ = HeaderCheckedImageField
