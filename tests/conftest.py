"""Shared fixtures: the real catalogue built once, the real app on a temp DB."""

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from relay import create_app
from site_src.build import build_site

ROOT = Path(__file__).resolve().parents[1]
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
CATALOGUE = ROOT / "catalogue"

# Friday 13 March 2026, 10:00 WITA (02:00 UTC): the clock the issue names.
FRIDAY_13_MARCH = datetime(2026, 3, 13, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The bundled catalogue built once into a temporary folder."""
    out = tmp_path_factory.mktemp("build")
    build_site(CATALOGUE, out, MKDOCS_CONFIG)
    return out / "site"


@pytest.fixture
def make_app(tmp_path, built_site):
    """Build the relay on a fresh instance folder, with settings overridden."""

    def make(**overrides):
        config = {
            "INSTANCE_DIR": tmp_path / "instance",
            "SITE_DIR": built_site,
            "CLOCK": lambda: FRIDAY_13_MARCH,
        }
        config.update(overrides)
        app = create_app(config)
        app.testing = True
        return app

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


def png_file(name="ktp.png", size=(40, 25)):
    """A small real PNG, as an upload tuple for the test client."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    buffer.seek(0)
    return buffer, name


def csrf_token(client, path="/permohonan/"):
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]


def valid_request(**changes):
    """Form data of a complete, valid request from a citizen."""
    data = {
        "applicant_type": "perorangan",
        "full_name": "Siti Aminah",
        "id_number": "6472015501900003",
        "address": "Jl. Juanda No. 5, Samarinda",
        "phone": "081234567890",
        "email": "siti@example.org",
        "occupation": "Peneliti",
        "information": "Daftar kelurahan di Kota Samarinda beserta kodenya.",
        "purpose": "Bahan penelitian tata kelola wilayah.",
        "obtain_method": "salinan",
        "copy_form": "softcopy",
        "delivery": "email",
        "id_scan": png_file(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def submit(client, **changes):
    data = valid_request(**changes)
    data["csrf_token"] = csrf_token(client)
    return client.post("/permohonan/", data=data, content_type="multipart/form-data")
