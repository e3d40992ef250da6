"""`{% picture %}` without repeated widths in `srcset`.

Wagtail never upscales: asking `fill-{800x400,1600x700}` of an 800-pixel-wide original gives
two 800-pixel renditions, and `srcset="a.jpg 800w, b.jpg 800w"` is invalid HTML (the browser
may pick either). This tag keeps, per format, the first rendition of each width, and always
gives widths in `srcset`, since `sizes` without them is invalid too. Load it after
`wagtailimages_tags` so that its `picture` wins: `{% load wagtailimages_tags portal_images %}`.
"""

import re

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()

_FORMAT = re.compile(r"(?:^|\|)format-(\w+)")


def unique_widths(renditions):
    """The renditions (a {spec: rendition} dict) less those repeating a width of their format."""
    seen = set()
    kept = {}
    for spec, rendition in renditions.items():
        found = _FORMAT.search(spec)
        key = (found.group(1) if found else "", rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


class UniqueWidthPicture(Picture):
    @classmethod
    def get_width_srcset(cls, renditions_list):
        return ", ".join(f"{r.url} {r.width}w" for r in renditions_list)

    def __html__(self):
        # Wagtail leaves `srcset` off a lone rendition, which leaves `sizes` dangling on the <img>.
        fallback = self.formats[self.get_fallback_format()] if self.formats else self.renditions
        attrs = dict(self.attrs or {})
        if len(fallback) == 1 and attrs.get("sizes") and fallback[0].width:
            attrs["srcset"] = self.get_width_srcset(fallback)
        self.attrs = attrs
        return super().__html__()


class UniqueWidthPictureNode(PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = unique_widths(get_renditions_or_not_found(image, self.get_filters()))
        if self.output_var_name:
            context[self.output_var_name] = UniqueWidthPicture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return UniqueWidthPicture(renditions, attrs).__html__()


@register.tag
def picture(parser, token):
    node = parse_image_tag(parser, token)
    return UniqueWidthPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
