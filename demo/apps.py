from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content (the top floor: it may import every app, and no app imports it)."""

    name = "demo"
    verbose_name = "Dữ liệu mẫu"
