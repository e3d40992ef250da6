"""The admin API's image and document endpoints, limited to the collections a user may use.

Wagtail's own admin endpoints list every image and document, whatever the user's collection
permissions; these subclasses replace them under the same names.
"""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

ACTIONS = ["choose", "change"]


def scoped(queryset, model, user):
    policy = policy_registry.get_by_type(model)
    collections = policy.collections_user_has_any_permission_for(user, ACTIONS)
    return queryset.filter(collection__in=collections)


class CollectionScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return scoped(super().get_queryset(), get_image_model(), self.request.user)


class CollectionScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return scoped(super().get_queryset(), get_document_model(), self.request.user)
