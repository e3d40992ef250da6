from django.urls import path

from . import views

urlpatterns = [
    path("api/products/search/", views.search_api, name="search_api"),
    path("api/products/autocomplete/", views.autocomplete_api, name="search_autocomplete"),
    path("api/openapi.json", views.openapi_json, name="openapi"),
]
