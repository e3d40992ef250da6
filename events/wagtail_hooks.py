from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import StandApplicationPolicy, StandApplicationViewSet
from .applications import StandApplication

register_permission_policy(StandApplication, StandApplicationPolicy(StandApplication))


@hooks.register("register_admin_viewset")
def register_stand_applications():
    return StandApplicationViewSet()
