"""StreamField blocks shared by the editorial and directory pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    author = blocks.CharBlock(label=_("Người nói"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/blocks/quote.html"
        description = _("Một câu nói nổi bật, có ghi tên người nói")
        preview_value = {"text": "Làm ăn tập thể, cùng nhau giàu lên.", "author": "Giám đốc HTX"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "components/blocks/figure.html"
        description = _("Một ảnh kèm mô tả thay thế và chú thích")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Tiêu đề mục"),
        form_classname="title",
        template="components/blocks/heading.html",
        icon="title",
        description=_("Tiêu đề cấp 2 chia bài thành mục"),
    )
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        icon="pilcrow",
        description=_("Văn bản có định dạng"),
        preview_value="<p>Hợp tác xã liên kết sản xuất theo chuỗi giá trị.</p>",
    )
    figure = FigureBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
