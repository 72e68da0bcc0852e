"""Staff pages: behind login, the queue with both clocks, logout that sticks."""

import re
import sqlite3
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from relay.cli import main
from relay.staff import create_staff

from .conftest import csrf_token, submit

PASSWORD = "kata-sandi-panjang-sekali"

STAFF_URLS = [
    "/petugas/",
    "/petugas/permohonan/1",
    "/petugas/permohonan/1/berkas/id_scan",
    "/petugas/permohonan/999",
]


@pytest.fixture
def staff_app(app):
    with app.app_context():
        create_staff("desk", PASSWORD)
    return app


def login(client, username="desk", password=PASSWORD):
    token = csrf_token(client, "/petugas/masuk")
    return client.post(
        "/petugas/masuk",
        data={"username": username, "password": password, "csrf_token": token},
    )


@pytest.mark.parametrize("url", STAFF_URLS)
def test_staff_pages_refuse_anonymous_visitors(staff_app, url):
    client = staff_app.test_client()
    submit(client)

    response = client.get(url)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/petugas/masuk")
    assert "Siti" not in response.get_data(as_text=True)


def test_wrong_password_is_refused_in_indonesian(staff_app):
    response = login(staff_app.test_client(), password="salah-sekali-123")

    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in response.get_data(as_text=True)


def test_unknown_user_gets_the_same_answer(staff_app):
    response = login(staff_app.test_client(), username="tamu")

    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in response.get_data(as_text=True)


def test_queue_shows_requests_with_status_and_both_due_dates(staff_app):
    client = staff_app.test_client()
    submit(client)
    login(client)

    html = client.get("/petugas/").get_data(as_text=True)
    row = re.search(r"<tr>\s*<td><a[^>]*>PI-2026-00001</a>.*?</tr>", html, re.S)[0]

    assert "Siti Aminah" in row
    assert "Diterima, menunggu pemeriksaan Desk Layanan" in row
    assert "Senin, 23 Maret 2026" in row
    assert "Senin, 30 Maret 2026" in row


def test_overdue_is_computed_from_today(make_app):
    clock = {"now": datetime(2026, 3, 13, 2, tzinfo=UTC)}
    app = make_app(CLOCK=lambda: clock["now"])
    with app.app_context():
        create_staff("desk", PASSWORD)
    client = app.test_client()
    submit(client)
    login(client)
    clock["now"] = datetime(2026, 3, 25, 2, tzinfo=UTC)

    html = client.get("/petugas/").get_data(as_text=True)

    # 25 March: past the service target (23 Mar), not the legal limit (30 Mar).
    assert html.count("(lewat)") == 1


def test_staff_opens_a_request_and_its_id_scan(staff_app):
    client = staff_app.test_client()
    submit(client)
    login(client)

    detail = client.get("/petugas/permohonan/1").get_data(as_text=True)
    scan = client.get("/petugas/permohonan/1/berkas/id_scan")

    assert "6472015501900003" in detail
    assert "Permohonan diterima" in detail
    assert scan.status_code == 200 and scan.mimetype == "image/png"
    assert scan.headers["Cache-Control"] == "no-store"


def test_logout_kills_copies_of_the_session_cookie(staff_app):
    client = staff_app.test_client()
    login(client)
    stolen = client.get_cookie("session").value
    token = csrf_token(client, "/petugas/masuk")

    client.post("/petugas/keluar", data={"csrf_token": token})
    thief = staff_app.test_client()
    thief.set_cookie("session", stolen)

    assert thief.get("/petugas/").status_code == 302


@pytest.mark.parametrize(
    ("next_page", "landing"),
    [
        ("//evil.example/", "/petugas/"),
        ("https://evil.example/petugas/", "/petugas/"),
        ("/petugas/%0d%0aX", "/petugas/"),  # a header break made a 500
        ("/petugas/permohonan/1", "/petugas/permohonan/1"),
    ],
)
def test_login_returns_only_to_a_plain_staff_page(staff_app, next_page, landing):
    client = staff_app.test_client()
    token = csrf_token(client, "/petugas/masuk")

    response = client.post(
        f"/petugas/masuk?next={next_page}",
        data={"username": "desk", "password": PASSWORD, "csrf_token": token},
    )

    assert response.status_code == 303
    assert response.headers["Location"] == landing


def test_passwords_are_stored_hashed_with_strong_scrypt(staff_app):
    with sqlite3.connect(staff_app.config["DATABASE"]) as conn:
        stored = conn.execute("SELECT password_hash FROM staff").fetchone()[0]

    assert PASSWORD not in stored
    assert stored.startswith("scrypt:131072:8:1$")


def test_create_staff_command_makes_an_account_that_can_log_in(
    tmp_path, make_app, monkeypatch
):
    monkeypatch.setenv("TERBUKA_INSTANCE_DIR", str(tmp_path / "instance"))
    runner = CliRunner()

    result = runner.invoke(
        main, ["create-staff", "arsip"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    again = runner.invoke(
        main, ["create-staff", "arsip"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    short = runner.invoke(main, ["create-staff", "pendek"], input="abc\n")
    mismatch = runner.invoke(
        main, ["create-staff", "beda"], input=f"{PASSWORD}\n{PASSWORD}x\n"
    )

    assert result.exit_code == 0, result.output
    assert again.exit_code == 1 and "sudah ada" in again.output
    assert short.exit_code == 1 and "minimal 10 karakter" in short.output
    assert mismatch.exit_code == 1 and "tidak sama" in mismatch.output
    client = make_app().test_client()
    assert login(client, "arsip").status_code == 303


def test_public_site_pages_do_not_vary_on_the_session_cookie(staff_app):
    client = staff_app.test_client()
    login(client)

    response = client.get("/dip/")

    assert response.status_code == 200
    assert "Cookie" not in response.headers.get("Vary", "")


def test_queue_pages_through_every_request_oldest_first(staff_app):
    from relay import register

    with staff_app.app_context():
        for _ in range(105):
            register.create_request({"full_name": "Warga", "information": "Data."})
    client = staff_app.test_client()
    login(client)

    first = client.get("/petugas/").get_data(as_text=True)
    second = client.get("/petugas/?halaman=2").get_data(as_text=True)

    assert "105 permohonan" in first and "halaman 1 dari 2" in first
    assert "PI-2026-00001" in first and "PI-2026-00105" not in first
    assert "PI-2026-00105" in second and "PI-2026-00001" not in second


def test_usernames_ignore_case_and_spaces(staff_app):
    with staff_app.app_context():
        with pytest.raises(ValueError, match="sudah ada"):
            create_staff(" Desk ", PASSWORD)
        with pytest.raises(ValueError, match="tidak boleh kosong"):
            create_staff("   ", PASSWORD)

    assert login(staff_app.test_client(), username="DESK").status_code == 303


def test_login_brings_staff_back_to_the_page_they_asked_for(staff_app):
    client = staff_app.test_client()

    asked = client.get("/petugas/?halaman=2").headers["Location"]
    token = csrf_token(client, "/petugas/masuk")
    response = client.post(
        asked, data={"username": "desk", "password": PASSWORD, "csrf_token": token}
    )

    assert response.headers["Location"] == "/petugas/?halaman=2"
