"""The bundled catalogue builds into pages, downloads and an index."""

import hashlib
import json
import re
import shutil

import pytest

from site_src import vocab
from site_src.catalogue import load_catalogue

from .conftest import CATALOGUE

ENTRIES = {
    "standar-pelayanan-informasi-publik": vocab.TERSEDIA_SETIAP_SAAT,
    "wilayah-administrasi-kalimantan-timur": vocab.TERSEDIA_SETIAP_SAAT,
    "profil-ppid-diskominfo-kaltim": vocab.BERKALA,
    "data-pribadi-pemohon-informasi": vocab.DIKECUALIKAN,
}
AREA = "wilayah-administrasi-kalimantan-timur"


def page(site, slug):
    return (site / "entri" / slug / "index.html").read_text(encoding="utf-8")


def index(site):
    return json.loads((site / "katalog.json").read_text(encoding="utf-8"))


def test_catalogue_has_the_required_entries_and_categories():
    entries = {e.slug: e.category for e in load_catalogue(CATALOGUE)}

    assert entries == ENTRIES


@pytest.mark.parametrize("slug", ENTRIES)
def test_every_entry_page_shows_its_dip_elements(built_site, slug):
    html = page(built_site, slug)
    entry = next(e for e in index(built_site)["entries"] if e["slug"] == slug)

    for label in (
        "Ringkasan isi informasi",
        "Pejabat/unit yang menguasai informasi",
        "Penanggung jawab",
        "Waktu dan tempat pembuatan",
        "Bentuk informasi yang tersedia",
        "Jangka waktu penyimpanan",
    ):
        assert label in html
    assert entry["category_label"] in html
    assert entry["retention"].split()[0] in html


@pytest.mark.parametrize("slug", ENTRIES)
def test_every_entry_page_has_a_request_button_naming_it(built_site, slug):
    html = page(built_site, slug)

    buttons = [a for a in re.findall(r"<a [^>]*>", html) if "md-button" in a]

    assert any(f'href="/permohonan/?entri={slug}"' in a for a in buttons)


def test_downloads_exist_with_the_size_and_checksum_the_page_states(built_site):
    entries = [e for e in index(built_site)["entries"] if e["downloads"]]
    assert {e["slug"] for e in entries} == set(ENTRIES) - {
        "data-pribadi-pemohon-informasi"
    }

    for entry in entries:
        html = page(built_site, entry["slug"])
        for download in entry["downloads"]:
            data = (built_site / download["url"]).read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            assert download["sha256"] == digest
            assert download["size"] == len(data)
            assert digest in html
            assert f'href="../../{download["url"]}"' in html


def test_service_standard_text_is_published_unchanged(built_site):
    published = built_site / "unduh/standar-pelayanan-informasi-publik"
    source = CATALOGUE / "files/standar-pelayanan-informasi-publik"

    assert (published / "standar-pelayanan-informasi-publik.txt").read_bytes() == (
        source / "standar-pelayanan-informasi-publik.txt"
    ).read_bytes()


def test_markdown_download_stays_a_file_not_a_rendered_page(built_site):
    profile = built_site / "unduh/profil-ppid-diskominfo-kaltim"

    assert (profile / "profil-ppid-diskominfo-kaltim.md").is_file()
    assert not (profile / "profil-ppid-diskominfo-kaltim").exists()


def test_area_package_offers_five_tables_with_schema_and_preview(built_site):
    html = page(built_site, AREA)
    names = [
        d["name"]
        for d in next(e for e in index(built_site)["entries"] if e["slug"] == AREA)[
            "downloads"
        ]
    ]

    assert sorted(names) == sorted(
        [
            "provinces.csv",
            "regencies.csv",
            "districts.csv",
            "villages.csv",
            "islands.csv",
            "datapackage.json",
            "LICENSE-ODbL.md",
        ]
    )
    assert html.count("Pratinjau 10 baris pertama") == 4
    assert "Pratinjau 1 baris pertama" in html  # one province
    # Schema table: field, type, description.
    assert re.search(r"<code>district_code</code></td>\s*<td>string</td>", html)
    # Codes are text: 64.10-style codes keep their zeros.
    assert "<td>64.01</td>" in html and "<td>64.1</td>" not in html
    assert "Kabupaten Paser" in html
    assert "ODbL" in html and "idn-area-data" in html


def test_exempt_entry_has_its_ground_and_no_download(built_site):
    slug = "data-pribadi-pemohon-informasi"
    html = page(built_site, slug)
    entry = next(e for e in index(built_site)["entries"] if e["slug"] == slug)

    assert entry["downloads"] == []
    assert not (built_site / "unduh" / slug).exists()
    assert "Pasal 17 huruf h" in html
    assert "Ringkasan uji konsekuensi" in html
    assert "Unduhan" not in html and "/unduh/" not in html


def test_dip_page_lists_every_entry_with_the_dip_columns(built_site):
    html = (built_site / "dip" / "index.html").read_text(encoding="utf-8")

    for column in (
        "Judul informasi",
        "Ringkasan isi informasi",
        "Pejabat/unit yang menguasai",
        "Penanggung jawab",
        "Waktu dan tempat pembuatan",
        "Bentuk informasi",
        "Jangka waktu penyimpanan",
        "Kategori",
    ):
        assert f"<th>{column}</th>" in html
    for slug in ENTRIES:
        assert f'href="../entri/{slug}/"' in html


def test_category_pages_list_only_their_entries(built_site):
    html = (built_site / "kategori/berkala/index.html").read_text(encoding="utf-8")

    assert "../../entri/profil-ppid-diskominfo-kaltim/" in html
    assert "standar-pelayanan-informasi-publik" not in html


def test_entry_pages_stay_out_of_the_navigation(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")

    assert "entri/wilayah-administrasi-kalimantan-timur" not in home


def test_site_holds_no_requester_data_and_no_third_party_fonts(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, path
        assert "fonts.gstatic.com" not in html, path


def test_entry_title_is_text_never_markup(tmp_path):
    from site_src.build import build_site

    from .conftest import MKDOCS_CONFIG

    catalogue = tmp_path / "catalogue"
    (catalogue / "entries").mkdir(parents=True)
    shutil.copytree(
        CATALOGUE / "files/standar-pelayanan-informasi-publik",
        catalogue / "files/standar-pelayanan-informasi-publik",
    )
    entry = CATALOGUE / "entries/standar-pelayanan-informasi-publik.yaml"
    text = entry.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    (catalogue / "entries/standar-pelayanan-informasi-publik.yaml").write_text(
        text.replace(first, "title: <script>alert(1)</script> Anggaran < Rp 1 M", 1),
        encoding="utf-8",
    )

    build_site(
        catalogue,
        tmp_path / "out",
        MKDOCS_CONFIG,
        site_url="https://ppid.example.go.id/",
    )
    site = tmp_path / "out/site"
    html = page(site, "standar-pelayanan-informasi-publik")

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "https://ppid.example.go.id/entri/" in (site / "sitemap.xml").read_text()


def test_not_found_page_is_in_indonesian(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")

    assert "Halaman tidak ditemukan" in html
    assert "Not found" not in html and "Made with" not in html


def test_folder_without_trailing_slash_redirects(client):
    response = client.get("/dip")

    assert response.status_code == 308
    assert response.headers["Location"] == "/dip/"


def test_pipe_in_a_file_title_and_script_links_do_not_break_the_page():
    from site_src.generate import file_link, table, web_link

    link = file_link("../../unduh/x/profil ppid.md", "Profil | Edisi 2026")
    row = table(["Berkas", "SHA-256"], [(link, "abc")])

    assert "|" not in link
    assert row.splitlines()[-1].count("|") == 3
    assert "profil%20ppid.md" in link
    assert web_link("javascript:alert(1)", "Lisensi") == "Lisensi"
    assert web_link("https://opendatacommons.org/", "ODbL").startswith("[ODbL](")
