"""The public request form: validation in Indonesian, storage, receipt."""

import io
import re
import sqlite3

import pytest
from PIL import Image

from .conftest import ROOT, png_file, submit, valid_request

FIXTURES = ROOT / "tests" / "fixtures"


def field_block(html, name):
    """The HTML of one field's block, from its wrapper to the next field."""
    match = re.search(
        rf'<div class="field[^"]*">(?:(?!<div class="field).)*?name="{name}"'
        r'(?:(?!<div class="field).)*',
        html,
        re.S,
    )
    assert match, f"field {name} not rendered"
    return match[0]


BAD_INPUTS = [
    ({"full_name": ""}, "full_name", "Wajib diisi."),
    ({"full_name": "x" * 201}, "full_name", "Paling banyak 200 huruf."),
    ({"id_number": "64720155019"}, "id_number", "NIK harus 16 angka."),
    ({"id_number": "64720155019000AB"}, "id_number", "NIK harus 16 angka."),
    ({"id_number": ""}, "id_number", "Wajib diisi."),
    ({"address": "  "}, "address", "Wajib diisi."),
    ({"phone": "", "email": ""}, "email", "Isi nomor telepon atau alamat email."),
    ({"phone": "telp saya"}, "phone", "Nomor telepon tidak sah"),
    ({"email": "siti@", "delivery": "pos"}, "email", "Alamat email tidak sah."),
    (
        {"email": "", "delivery": "email"},
        "email",
        "Isi alamat email untuk pengiriman lewat email.",
    ),
    ({"occupation": ""}, "occupation", "Wajib diisi."),
    ({"information": "data"}, "information", "Jelaskan informasi yang dibutuhkan"),
    ({"purpose": ""}, "purpose", "Wajib diisi."),
    ({"obtain_method": None}, "obtain_method", "Pilih salah satu."),
    ({"obtain_method": "curi"}, "obtain_method", "Pilih salah satu."),
    ({"copy_form": None}, "copy_form", "Pilih bentuk salinan."),
    ({"delivery": ""}, "delivery", "Pilih cara mendapatkan salinan."),
    ({"delivery": "merpati"}, "delivery", "Pilih salah satu."),
    ({"id_scan": None}, "id_scan", "Unggah salinan KTP atau identitas."),
    ({"is_proxy": "y"}, "proxy_letter", "Unggah surat kuasa."),
    (
        {"id_scan": (io.BytesIO(b"%PDF-1.4 <html>"), "ktp.png")},
        "id_scan",
        "Berkas tidak dapat dibaca sebagai gambar JPG atau PNG.",
    ),
]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    BAD_INPUTS,
    ids=[f"{c[1]}-{i}" for i, c in enumerate(BAD_INPUTS)],
)
def test_bad_input_comes_back_with_message_next_to_field(
    client, app, changes, field, message
):
    response = submit(client, **changes)
    html = response.get_data(as_text=True)

    assert response.status_code == 400
    assert "Permohonan belum terkirim" in html
    block = field_block(html, field)
    assert 'class="error"' in block and message in block
    # Nothing was stored.
    with sqlite3.connect(app.config["DATABASE"]) as conn:
        assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 0


def test_bad_form_keeps_what_the_user_typed(client):
    html = submit(client, id_number="123").get_data(as_text=True)

    assert 'value="Siti Aminah"' in html
    assert "Daftar kelurahan di Kota Samarinda beserta kodenya." in html
    assert 'value="123"' in html
    assert re.search(r'value="salinan"[^>]*checked|checked[^>]*value="salinan"', html)


def test_legal_entity_gives_its_deed_number_instead_of_a_nik(client):
    response = submit(
        client,
        applicant_type="badan_hukum",
        id_number="AHU-0012345.AH.01.04 Tahun 2020",
    )

    assert response.status_code == 303


def test_form_without_csrf_token_is_refused(client, app):
    data = valid_request()
    response = client.post(
        "/permohonan/", data=data, content_type="multipart/form-data"
    )

    assert response.status_code == 400
    assert "Formulir kedaluwarsa" in response.get_data(as_text=True)


def test_valid_request_is_stored_and_answered_with_a_receipt(client, app):
    response = submit(client)

    assert response.status_code == 303
    receipt = client.get(response.headers["Location"])
    html = receipt.get_data(as_text=True)
    assert receipt.status_code == 200
    assert "PI-2026-00001" in html
    assert receipt.headers["Cache-Control"] == "no-store"
    with sqlite3.connect(app.config["DATABASE"]) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM requests").fetchone()
        events = conn.execute("SELECT kind FROM events").fetchall()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert row["reg_number"] == "PI-2026-00001"
    assert row["full_name"] == "Siti Aminah"
    assert row["status"] == "diterima"
    assert [e["kind"] for e in events] == ["received"]
    assert mode == "wal"


def test_registration_numbers_follow_each_other(client):
    first = client.get(submit(client).headers["Location"]).get_data(as_text=True)
    second = client.get(submit(client).headers["Location"]).get_data(as_text=True)

    assert "PI-2026-00001" in first and "PI-2026-00002" in second


def test_request_button_names_the_catalogue_entry(client):
    slug = "wilayah-administrasi-kalimantan-timur"
    html = client.get(f"/permohonan/?entri={slug}").get_data(as_text=True)

    assert "Data Wilayah Administrasi Provinsi Kalimantan Timur" in html
    assert f'value="{slug}"' in html


def test_unknown_entry_is_ignored_rather_than_failing(client):
    response = client.get("/permohonan/?entri=tidak-ada")

    assert response.status_code == 200
    assert "Anda meminta informasi dari Daftar Informasi Publik" not in (
        response.get_data(as_text=True)
    )


def test_id_scan_is_re_encoded_and_kept_outside_the_site(client, app, built_site):
    buffer = io.BytesIO()
    image = Image.new("RGB", (30, 20), "blue")
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    image.save(buffer, "JPEG", exif=exif)
    buffer.seek(0)
    submit(client, id_scan=(buffer, "ktp saya.jpg"))

    stored = list((app.config["INSTANCE_DIR"] / "uploads").iterdir())
    assert len(stored) == 1 and stored[0].suffix == ".png"
    assert b"KameraRahasia" not in stored[0].read_bytes()
    assert Image.open(stored[0]).size == (30, 20)
    assert not list(built_site.rglob(stored[0].name))


def test_receipt_of_unknown_token_is_not_found(client):
    assert client.get("/permohonan/bukti/tidak-ada").status_code == 404


def test_relay_pages_send_security_headers(client):
    headers = client.get("/permohonan/").headers

    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_upload_over_the_file_limit_is_refused_next_to_its_field(make_app):
    client = make_app(MAX_UPLOAD_BYTES=2000).test_client()
    big = png_file(size=(300, 300))[0].getvalue() + b"\0" * 3000

    response = submit(client, id_scan=(io.BytesIO(big), "ktp.png"))

    assert response.status_code == 400
    block = field_block(response.get_data(as_text=True), "id_scan")
    assert "Berkas terlalu besar; paling besar 2 kB." in block


def test_request_body_over_the_limit_gets_an_indonesian_error(make_app):
    client = make_app(MAX_UPLOAD_BYTES=1000).test_client()
    huge = b"\0" * 200_000

    response = submit(client, id_scan=(io.BytesIO(huge), "ktp.png"))

    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.get_data(as_text=True)


def uploads(app):
    folder = app.config["INSTANCE_DIR"] / "uploads"
    return list(folder.iterdir()) if folder.exists() else []


def test_refused_power_of_attorney_leaves_no_id_scan_behind(client, app):
    pdf = (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "kuasa.pdf")

    response = submit(client, is_proxy="y", proxy_letter=pdf)

    assert response.status_code == 400
    assert "tidak dapat dibaca sebagai gambar" in field_block(
        response.get_data(as_text=True), "proxy_letter"
    )
    assert uploads(app) == []


def test_sideways_phone_photo_is_stored_upright(client, app):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to view
    Image.new("RGB", (200, 100), "green").save(buffer, "JPEG", exif=exif)
    buffer.seek(0)

    submit(client, id_scan=(buffer, "ktp.jpg"))

    assert Image.open(uploads(app)[0]).size == (100, 200)


def test_image_over_the_pixel_limit_is_refused_with_a_clear_message(client, app):
    buffer = io.BytesIO()
    Image.new("1", (6400, 6400)).save(buffer, "PNG")  # 41 MP, a few kB
    buffer.seek(0)

    response = submit(client, id_scan=(buffer, "ktp.png"))

    assert "paling banyak 40 megapiksel" in field_block(
        response.get_data(as_text=True), "id_scan"
    )
    assert uploads(app) == []


def test_nik_typed_with_spaces_is_accepted_and_stored_without_them(client, app):
    submit(client, id_number="6472 0155 0190 0003")

    with sqlite3.connect(app.config["DATABASE"]) as conn:
        stored = conn.execute("SELECT id_number FROM requests").fetchone()[0]
    assert stored == "6472015501900003"


@pytest.mark.parametrize("nik", ["６４７２０１５５０１９０００３", "٦٤٧٢٠١٥٥٠١٩٠٠٠٠٣"])
def test_nik_in_non_latin_digits_is_refused(client, nik):
    response = submit(client, id_number=nik)

    assert "NIK harus 16 angka." in field_block(
        response.get_data(as_text=True), "id_number"
    )


@pytest.mark.parametrize("name", ["Siti\x00Aminah", "Siti \u202eanimA", "\u200b\u200b"])
def test_hidden_characters_are_refused(client, name):
    response = submit(client, full_name=name)

    assert response.status_code == 400
    assert "karakter tersembunyi" in field_block(
        response.get_data(as_text=True), "full_name"
    )


def test_registration_is_logged_by_number_without_personal_data(client, caplog):
    with caplog.at_level("INFO", logger="relay"):
        submit(client)

    assert "request PI-2026-00001 registered" in caplog.text
    assert "Siti" not in caplog.text and "6472015501900003" not in caplog.text


def test_instance_folder_is_private(app):
    assert app.config["INSTANCE_DIR"].stat().st_mode & 0o777 == 0o700


def test_downloads_are_sandboxed_from_the_relay_origin(client):
    response = client.get(
        "/unduh/standar-pelayanan-informasi-publik/"
        "standar-pelayanan-informasi-publik.txt"
    )

    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"].startswith("sandbox")


def test_jpeg_with_broken_exif_is_refused_not_a_server_error(client, app):
    damaged = (FIXTURES / "uploads/jpeg_with_broken_exif.jpg").read_bytes()

    response = submit(client, id_scan=(io.BytesIO(damaged), "ktp.jpg"))
    html = response.get_data(as_text=True)

    assert response.status_code == 400
    assert "tidak dapat dibaca sebagai gambar" in field_block(html, "id_scan")
    assert "lampirkan kembali salinan KTP" in html
    assert 'value="Siti Aminah"' in html


def test_crash_leftovers_are_swept_but_referenced_scans_kept(client, app):
    import os
    import time

    from relay import register
    from relay.uploads import sweep_orphans

    submit(client)
    folder = app.config["INSTANCE_DIR"] / "uploads"
    kept = next(folder.iterdir())
    orphan = folder / "0123abcd.png"
    partial = folder / "4567ef.part"
    fresh = folder / "89ab.png"
    for path in (orphan, partial, fresh):
        path.write_bytes(b"pixels")
    hour_ago = time.time() - 7200
    for path in (kept, orphan, partial):
        os.utime(path, (hour_ago, hour_ago))

    with app.app_context():
        removed = sweep_orphans(app.config["INSTANCE_DIR"], register.stored_uploads())

    assert removed == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted([kept.name, fresh.name])


def test_form_pages_are_never_cached(client):
    assert client.get("/permohonan/").headers["Cache-Control"] == "no-store"
    assert submit(client, full_name="").headers["Cache-Control"] == "no-store"
