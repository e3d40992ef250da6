"""Who may do what: the Alliance's editors group and the permissions of a cooperative's group.

A cooperative's group holds page permissions on its own `CooperativePage` subtree, collection
permissions on its own collection, and the right to choose (not change) the Alliance's shared
pictures and documents; nothing else. Wagtail's permission policies then
filter every admin view; the few views they do not cover are closed in `wagtail_hooks.py` and
`middleware.py`.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

ALLIANCE_EDITORS = "Biên tập viên Liên minh HTX"
# Pictures of fields, villages and crafts any cooperative may use on its pages.
SHARED_COLLECTION = "Ảnh dùng chung của Liên minh HTX"

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")
# A cooperative writes drafts and submits them; only the Alliance publishes.
COOPERATIVE_PAGE_PERMISSIONS = ("add_page", "change_page")
ALLIANCE_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "change_image", "delete_image", "choose_image")),
    (
        "wagtaildocs",
        "document",
        ("add_document", "change_document", "delete_document", "choose_document"),
    ),
)
SHARED_MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "choose_document"),
)
# The shared taxonomies are the Alliance's to maintain.
TAXONOMY_MODELS = (
    ("cooperatives", "sector"),
    ("cooperatives", "area"),
    ("products", "productcategory"),
    ("products", "certification"),
    ("documents", "issuer"),
    ("documents", "legalfield"),
)


def permission(app_label, model, codename):
    """The permission, created if `migrate` has not reached its app's post_migrate yet."""
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return perm


def _media_permissions():
    return [
        (app_label, model, codename)
        for app_label, model, codenames in MEDIA_PERMISSIONS
        for codename in codenames
    ]


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission("wagtailcore", "page", codename)
        )


def grant_collection_permissions(group, collection):
    for app_label, model, codename in _media_permissions():
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=permission(app_label, model, codename),
        )


def grant_shared_choice(group):
    """Lets the group pick the Alliance's shared pictures and documents, not edit them."""
    collection = shared_collection()
    for app_label, model, codename in SHARED_MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, model, codename)
        )


def ensure_alliance_editors():
    """The Alliance editors' group: the whole page tree, all media, the taxonomies."""
    group, _ = Group.objects.get_or_create(name=ALLIANCE_EDITORS)
    group.permissions.add(permission(*ADMIN_ACCESS))
    for app_label, model in TAXONOMY_MODELS:
        for action in ("add", "change", "delete", "view"):
            group.permissions.add(permission(app_label, model, f"{action}_{model}"))
    grant_page_permissions(group, Page.get_first_root_node(), ALLIANCE_PAGE_PERMISSIONS)
    grant_collection_permissions(group, root_collection())
    return group


def shared_collection():
    """The Alliance's collection of shared pictures, beside the cooperatives' own."""
    root = root_collection()
    found = root.get_children().filter(name=SHARED_COLLECTION).first()
    return found or root.add_child(instance=Collection(name=SHARED_COLLECTION))


def root_collection():
    """Wagtail's root collection; `manage.py flush` removes the one its migration made."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def is_alliance_editor(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_alliance_editor"):
        user._is_alliance_editor = user.groups.filter(name=ALLIANCE_EDITORS).exists()
    return user._is_alliance_editor


def account_for(user):
    """The active cooperative account the user belongs to, or None."""
    from .models import CooperativeAccount

    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, "_cooperative_account"):
        user._cooperative_account = (
            CooperativeAccount.objects.filter(group__user=user).select_related("page").first()
        )
    return user._cooperative_account


def is_cooperative_user(user):
    """A cooperative's member who is not also an Alliance editor."""
    return not is_alliance_editor(user) and account_for(user) is not None
