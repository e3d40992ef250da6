"""Keeps a product's denormalised cooperative in step when the page is moved."""

from wagtail.signals import post_page_move


def update_cooperative_after_move(sender, instance, parent_page_after, **kwargs):
    from .models import ProductPage

    # Wagtail saves a plain Page on move, so ProductPage.save() does not run.
    ProductPage.objects.filter(pk=instance.pk).update(cooperative_page_id=parent_page_after.pk)


def connect():
    from .models import ProductPage

    post_page_move.connect(
        update_cooperative_after_move, sender=ProductPage, dispatch_uid="product-moved"
    )
