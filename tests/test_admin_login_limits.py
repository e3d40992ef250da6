"""Wrong passwords at the admin's login: counted, refused past a limit with a clear message, and
never a way for strangers to lock the real user out."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from cooperatives.login import DEVICE_COOKIE
from tests.onboarding import PASSWORD, alliance_editor

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
REFUSED = "Đã nhập sai mật khẩu quá nhiều lần"


def attempt(client, username, password, address):
    response = client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )
    page = BeautifulSoup(response.content.decode(), "html.parser")
    errors = page.select(".error, .help-critical")
    return response, " ".join(e.get_text(" ", strip=True) for e in errors)


def logged_in(response):
    return response.status_code == HTTPStatus.FOUND


@pytest.fixture
def editor():
    return alliance_editor()


def test_the_vietnamese_login_error_reads_as_one_sentence(editor):
    _response, errors = attempt(Client(), editor.username, "sai", "10.0.0.1")
    assert errors == "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại."


def test_thirty_wrong_passwords_from_one_address_are_refused_even_with_the_right_one(editor):
    client = Client()
    for _ in range(10):
        _response, errors = attempt(client, editor.username, "sai", "10.0.0.2")
        assert REFUSED not in errors
    response, errors = attempt(client, editor.username, PASSWORD, "10.0.0.2")
    assert not logged_in(response)
    assert REFUSED in errors and "15 phút" in errors and "Quên mật khẩu?" in errors


def test_the_address_limit_covers_every_account(editor):
    client = Client()
    for number in range(30):
        attempt(client, f"khong-co-{number}", "sai", "10.0.0.3")
    response, errors = attempt(client, editor.username, PASSWORD, "10.0.0.3")
    assert not logged_in(response) and REFUSED in errors


def test_a_window_later_the_real_password_works_again(editor):
    client = Client()
    for _ in range(10):
        attempt(client, editor.username, "sai", "10.0.0.4")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response, _errors = attempt(client, editor.username, PASSWORD, "10.0.0.4")
    assert logged_in(response)


def test_strangers_guessing_from_many_addresses_do_not_lock_the_real_user_out(editor):
    # The real user logged in once from their office browser: it carries the device cookie.
    office = Client()
    response, _errors = attempt(office, editor.username, PASSWORD, "10.1.1.1")
    device = office.cookies[DEVICE_COOKIE].value
    assert logged_in(response) and device
    office.logout()  # the test client's logout forgets every cookie; a browser keeps this one
    office.cookies[DEVICE_COOKIE] = device
    # 100 wrong passwords from 25 addresses, four each: no address reaches its own limit,
    # the account-wide limit is spent.
    for number in range(100):
        attempt(Client(), editor.username, "sai", f"10.2.0.{number // 4}")
    _response, errors = attempt(Client(), editor.username, PASSWORD, "10.3.0.1")
    assert REFUSED in errors  # an unknown browser is refused for now…
    response, errors = attempt(office, editor.username, PASSWORD, "10.1.1.1")
    assert logged_in(response), errors  # …the user's own browser is not


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(editor, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client()
    for _ in range(10):
        client.post(
            LOGIN,
            {"username": editor.username, "password": "sai"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    # Another visitor behind the same proxy is not refused for the first one's guesses.
    response = client.post(
        LOGIN,
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert logged_in(response)
