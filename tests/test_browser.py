"""A citizen's path in a real browser: entry page, request button, receipt.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright over real HTTP
against the relay serving the real built site.
"""

import re
import threading

import pytest
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

from .conftest import png_file

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(make_app):
    """The relay on a free loopback port, served by a real WSGI server."""
    from datetime import UTC, datetime

    app = make_app(CLOCK=lambda: datetime.now(UTC))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            locale="id-ID", viewport={"width": 390, "height": 844}
        )
        yield context.new_page()
        browser.close()


def test_citizen_files_a_request_from_an_entry_page(live_server, page, tmp_path):
    base, app = live_server
    scan = tmp_path / "ktp.png"
    scan.write_bytes(png_file()[0].getvalue())

    page.goto(f"{base}/entri/wilayah-administrasi-kalimantan-timur/")
    expect(page.locator("h1")).to_contain_text("Data Wilayah Administrasi")
    page.get_by_role("link", name="Ajukan permohonan informasi ini").click()

    expect(page.locator(".entry-named")).to_contain_text(
        "Data Wilayah Administrasi Provinsi Kalimantan Timur"
    )
    page.get_by_label("Nama lengkap").fill("Siti Aminah")
    page.get_by_label("NIK atau nomor akta").fill("6472015501900003")
    page.get_by_label("Alamat", exact=True).fill("Jl. Juanda No. 5, Samarinda")
    page.get_by_label("Alamat email").fill("siti@example.org")
    page.get_by_label("Pekerjaan").fill("Peneliti")
    page.get_by_label("Salinan KTP").set_input_files(str(scan))
    page.get_by_label("Tujuan penggunaan informasi").fill("Penelitian wilayah.")
    page.get_by_role("radio", name="Mendapatkan salinan").check()
    page.get_by_role("radio", name="Softcopy").check()
    page.get_by_label("Cara mendapatkan salinan").select_option("email")
    page.get_by_role("button", name="Kirim permohonan").click()

    expect(page.locator("h1")).to_have_text("Tanda bukti penerimaan permohonan")
    expect(page.locator(".reg-number")).to_have_text(re.compile(r"PI-\d{4}-00001"))
    expect(page.locator(".service-due")).not_to_be_empty()
    expect(page.locator(".legal-due")).not_to_be_empty()
    page.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)


def test_bad_form_shows_indonesian_messages_in_the_browser(live_server, page):
    base, _ = live_server

    page.goto(f"{base}/permohonan/")
    page.get_by_role("button", name="Kirim permohonan").click()

    expect(page.locator(".error-summary")).to_contain_text("Permohonan belum terkirim")
    expect(page.locator("#full_name-error")).to_have_text("Wajib diisi.")
    expect(page.locator("#id_scan-error")).to_contain_text("Unggah salinan KTP")
