from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "inquiries"

# Translated paths: /hoi-mua/ in Vietnamese, /en/inquiry/ in English.
urlpatterns = [
    path(_("hoi-mua/"), views.send_inquiry, name="send"),
    path(_("hoi-mua/<str:token>/"), views.buyer_page, name="buyer"),
    path(_("yeu-cau-bao-gia/"), views.request_quote, name="quote_request"),
    path(_("yeu-cau-bao-gia/<str:token>/"), views.quote_buyer_page, name="quote_buyer"),
]
