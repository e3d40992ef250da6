"""Creates the local administrator once and says how to log in. For development and demos."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cho bản chạy thử (một lần) và in cách đăng nhập."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DEMO_ADMIN_USER", "admin"))
        parser.add_argument(
            "--password", default=os.environ.get("DEMO_ADMIN_PASSWORD", "htx-hanoi-demo")
        )
        parser.add_argument("--url", default="http://127.0.0.1:8000")

    def handle(self, *args, username, password, url, **options):
        users = get_user_model()
        user, created = users.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.vn", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(password)
            user.save()
            login = f"{username} / {password}"
        else:
            login = f"{username} / (mật khẩu đã đặt trước đó — unchanged)"
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Cổng thông tin:  {url}/\n"
                f"  English edition: {url}/en/\n"
                f"  Trang quản trị:  {url}/admin/\n"
                f"  Đăng nhập:       {login}\n"
            )
        )
