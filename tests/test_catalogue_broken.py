"""A broken catalogue is refused with findings that point at the fault.

Each folder in tests/fixtures/catalogues/ is a small catalogue named after the
one fault it carries and otherwise valid; valid_minimal/ is the good one and is
built once per module. The findings must name the file, the line and the field
both as data (Finding) and in what `terbuka build` prints, and a refused build
must leave the published site exactly as it was.
"""

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from relay.cli import main
from site_src.build import build_site
from site_src.catalogue import load_catalogue
from site_src.findings import CatalogueError

CATALOGUES = Path(__file__).resolve().parent / "fixtures" / "catalogues"
MKDOCS_CONFIG = Path(__file__).resolve().parents[1] / "mkdocs.yml"

TEXT_ENTRY = "entries/standar-pelayanan-informasi-publik.yaml"
DATA_ENTRY = "entries/kode-wilayah-contoh.yaml"
EXEMPT_ENTRY = "entries/data-pribadi-pemohon-informasi.yaml"
DESCRIPTOR = "files/kode-wilayah-contoh/datapackage.json"
KABUPATEN_CSV = "files/kode-wilayah-contoh/kabupaten.csv"
KECAMATAN_CSV = "files/kode-wilayah-contoh/kecamatan.csv"

# Every finding each broken case must report, and nothing else:
# (file below the case folder, line or None, field or None, message fragment).
EXPECTED = {
    "bad_yaml": [
        # An unquoted ": " inside the holding_unit value.
        (TEXT_ENTRY, 6, None, "YAML tidak dapat dibaca"),
    ],
    "missing_field": [
        # A key that is absent has no line of its own.
        (TEXT_ENTRY, None, "summary", "Ringkasan isi informasi wajib diisi"),
    ],
    "missing_produced_place": [
        # A missing child key points at its parent, produced: on line 8.
        (TEXT_ENTRY, 8, "produced.place", "Tempat pembuatan wajib diisi"),
    ],
    "unknown_category": [
        (TEXT_ENTRY, 5, "category", "kategori 'rahasia' tidak dikenal"),
    ],
    "csv_breaks_schema": [
        # 64.72.1 lost the zero of its last part.
        (KECAMATAN_CSV, 4, "code", "nilai melanggar batasan kolom: '64.72.1'"),
        # 64.27 (digits swapped) is not a row of kabupaten.csv.
        (
            KECAMATAN_CSV,
            6,
            "regency_code",
            "nilai '64.27' tidak ditemukan di tabel induk 'kabupaten'",
        ),
    ],
    "datapackage_resources_not_objects": [
        # Resources listed as bare file names instead of objects with schemas.
        (
            "files/kode-wilayah-contoh/datapackage.json",
            None,
            "resources",
            "paket data harus memiliki daftar resources",
        ),
    ],
    "exempt_with_download": [
        (
            EXEMPT_ENTRY,
            20,
            "files",
            "informasi dikecualikan tidak boleh menyediakan unduhan",
        ),
    ],
    "exempt_without_ground": [
        # The missing ground points at exemption: on line 12.
        (
            EXEMPT_ENTRY,
            12,
            "exemption.ground",
            "Dasar hukum (Pasal 17 huruf a-j) wajib diisi",
        ),
    ],
    "not_utf8": [
        # A cp1252 en dash (byte 0x96) on line 4; the fixture is stored as
        # raw bytes on purpose (see .gitattributes next to the fixtures).
        (TEXT_ENTRY, 4, None, "berkas bukan teks UTF-8 yang sah"),
    ],
    "produced_time_impossible_date": [
        # Unquoted, so once a PyYAML date error; now text, and not a real day.
        (TEXT_ENTRY, 9, "produced.time", "tanggal '2026-02-30' tidak ada"),
    ],
    "control_character": [
        # A vertical tab (U+000B, Shift+Enter in a word processor) on line 4.
        (TEXT_ENTRY, 4, None, "karakter kendali U+000B yang tidak diizinkan"),
    ],
    "entry_is_folder": [
        ("entries/lama.yaml", None, None, "bukan berkas melainkan folder"),
    ],
    "entry_dangling_symlink": [
        ("entries/lama.yaml", None, None, "bukan berkas melainkan tautan"),
    ],
    "duplicate_slug": [
        # The .yml sorts after the .yaml of the same slug.
        (
            "entries/standar-pelayanan-informasi-publik.yml",
            None,
            None,
            "slug 'standar-pelayanan-informasi-publik' sudah dipakai",
        ),
    ],
    "duplicate_key": [
        # category on line 5, again on line 13.
        (
            TEXT_ENTRY,
            13,
            "category",
            "kunci ganda: 'category' sudah ditulis di baris 5",
        ),
    ],
    "duplicate_form": [
        (TEXT_ENTRY, 11, "forms[1]", "bentuk ganda: 'softcopy'"),
    ],
    "file_name_breaks_link": [
        (TEXT_ENTRY, 15, "files[0].path", "memuat tanda yang merusak tautan"),
    ],
    "duplicate_file_name": [
        # arsip/ holds a second file of the first download's name.
        (
            TEXT_ENTRY,
            17,
            "files[1].path",
            "nama berkas 'standar-pelayanan-informasi-publik.txt' sudah dipakai",
        ),
    ],
    "file_name_collides_with_table": [
        (
            DATA_ENTRY,
            16,
            "files[0].path",
            "sudah dipakai tabel 'kecamatan' paket data",
        ),
    ],
    "yaml_alias_bomb": [
        # Nine levels of nine aliases; refused at the first anchor, unexpanded.
        (TEXT_ENTRY, 14, None, "jangkar YAML '&a' tidak diizinkan"),
    ],
    "yaml_explicit_tag": [
        (TEXT_ENTRY, 9, None, "tag YAML '!!timestamp' tidak diizinkan"),
    ],
    "schema_pattern_on_number": [
        # frictionless refuses the descriptor itself; its reason is passed on.
        (
            DESCRIPTOR,
            None,
            None,
            'constraint "pattern" is not supported by type "number"',
        ),
    ],
    "schema_field_without_description": [
        (
            DESCRIPTOR,
            None,
            "resources[1].schema.fields[2].description",
            "kolom 'name' tabel 'kecamatan' wajib punya uraian (description)",
        ),
    ],
    "csv_semicolons": [
        (KABUPATEN_CSV, 1, None, "memakai titik koma (;) sebagai pemisah kolom"),
    ],
    "csv_wrong_header": [
        # The header says kode where the schema says code.
        (KABUPATEN_CSV, 1, "code", "judul kolom tidak sesuai skema: 'kode'"),
    ],
    "table_symlink_outside": [
        # kabupaten.csv links to valid_minimal's copy.
        (DESCRIPTOR, None, "resources[0].path", "berada di luar katalog"),
    ],
    "datapackage_remote_references": [
        # None of these may be fetched while building.
        (DESCRIPTOR, None, "profile", "profile paket data harus salah satu dari"),
        (DESCRIPTOR, None, "resources[0].path", "bukan alamat web"),
        (DESCRIPTOR, None, "resources[1].dialect", "harus ditulis langsung"),
        (DESCRIPTOR, None, "resources[1].schema", "harus ditulis langsung"),
    ],
    "datapackage_multipart_path": [
        (DESCRIPTOR, None, "resources[1].path", "path berupa daftar tidak didukung"),
    ],
}

BROKEN_CASES = sorted(EXPECTED)

FINDING_CASES = [
    pytest.param(case, suffix, line, field, fragment, id=f"{case}-{field or 'file'}")
    for case, expected in sorted(EXPECTED.items())
    for suffix, line, field, fragment in expected
]


def _findings(case):
    try:
        load_catalogue(CATALOGUES / case)
    except CatalogueError as error:
        return error.findings
    pytest.fail(f"{case}: catalogue loaded without findings; its fault is gone")


def _shown_path(case, suffix):
    # Findings show paths relative to the catalogue folder's parent.
    return f"{case}/{suffix}"


def _cli_build(catalogue, out):
    return CliRunner().invoke(
        main,
        [
            "build",
            "--catalogue",
            str(catalogue),
            "--out",
            str(out),
            "--config",
            str(MKDOCS_CONFIG),
        ],
        catch_exceptions=False,
    )


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(out):
    """What a failed build must not change in the output folder."""
    return {
        "site_target": os.readlink(out / "site"),
        "index_sha256": _sha256(out / "site" / "index.html"),
        "out_names": sorted(p.name for p in out.iterdir()),
        "releases": sorted(p.name for p in (out / "releases").iterdir()),
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """valid_minimal built once; the output folder and its state right after."""
    out = tmp_path_factory.mktemp("published")
    release = build_site(CATALOGUES / "valid_minimal", out, MKDOCS_CONFIG)
    return out, release, _snapshot(out)


def test_valid_minimal_catalogue_builds_and_publishes_site(published):
    out, release, _ = published
    site = out / "site"

    assert site.is_symlink()
    assert site.resolve() == release.resolve()
    assert release.parent == out / "releases"
    assert (site / "index.html").is_file()
    for slug in ("standar-pelayanan-informasi-publik", "kode-wilayah-contoh"):
        assert (site / "entri" / slug / "index.html").is_file()
    source = CATALOGUES / "valid_minimal" / KECAMATAN_CSV
    published_csv = site / "unduh" / "kode-wilayah-contoh" / "kecamatan.csv"
    assert published_csv.read_bytes() == source.read_bytes()
    assert not [p.name for p in out.iterdir() if p.name.startswith("work-")]


@pytest.mark.parametrize(("case", "suffix", "line", "field", "fragment"), FINDING_CASES)
def test_finding_names_file_line_and_field(case, suffix, line, field, fragment):
    findings = _findings(case)
    path = _shown_path(case, suffix)

    matches = [f for f in findings if f.path == path and f.field == field]
    assert len(matches) == 1, "\n".join(str(f) for f in findings)
    finding = matches[0]
    assert finding.line == line
    assert fragment in finding.message


@pytest.mark.parametrize("case", BROKEN_CASES)
def test_broken_catalogue_reports_only_its_named_faults(case):
    findings = _findings(case)

    reported = sorted((f.path, str(f.line), str(f.field)) for f in findings)
    expected = sorted(
        (_shown_path(case, suffix), str(line), str(field))
        for suffix, line, field, _ in EXPECTED[case]
    )
    assert reported == expected, "\n".join(str(f) for f in findings)


@pytest.mark.parametrize(("case", "suffix", "line", "field", "fragment"), FINDING_CASES)
def test_cli_build_prints_finding_and_exits_1(
    tmp_path, case, suffix, line, field, fragment
):
    out = tmp_path / "out"
    result = _cli_build(CATALOGUES / case, out)

    assert result.exit_code == 1
    count = len(EXPECTED[case])
    assert f"Katalog tidak dapat diterbitkan ({count} masalah):" in result.stderr
    where = _shown_path(case, suffix)
    if line is not None:
        where = f"{where}:{line}"
    if field is not None:
        where = f"{where}: kolom '{field}'"
    printed = [row for row in result.stderr.splitlines() if f"{where}: " in row]
    assert len(printed) == 1, result.stderr
    assert fragment in printed[0]
    assert "Situs diterbitkan" not in result.stdout
    assert not (out / "site").exists()


@pytest.mark.parametrize("case", BROKEN_CASES)
def test_failed_build_leaves_published_site_untouched(published, case):
    out, _, before = published

    with pytest.raises(CatalogueError):
        build_site(CATALOGUES / case, out, MKDOCS_CONFIG)
    result = _cli_build(CATALOGUES / case, out)
    assert result.exit_code == 1

    after = _snapshot(out)
    assert after["site_target"] == before["site_target"]
    assert after["index_sha256"] == before["index_sha256"]
    assert after["releases"] == before["releases"]
    assert not [name for name in after["out_names"] if name.startswith("work-")]
    assert after["out_names"] == before["out_names"]


def _copy(case, tmp_path):
    target = tmp_path / case
    shutil.copytree(CATALOGUES / case, target, symlinks=True)
    return target


def _table(entries, slug, name):
    entry = next(e for e in entries if e.slug == slug)
    return next(t for t in entry.package.tables if t.name == name)


def test_entry_suffix_in_any_case_is_read_and_hidden_files_are_skipped(tmp_path):
    catalogue = _copy("valid_minimal", tmp_path)
    entries = catalogue / "entries"
    (entries / "kode-wilayah-contoh.yaml").rename(entries / "kode-wilayah-contoh.YML")
    # What macOS leaves next to a file copied from its own disks.
    (entries / "._kode-wilayah-contoh.yaml").write_bytes(b"\x00\x05\x16\x07Mac OS X")

    slugs = sorted(e.slug for e in load_catalogue(catalogue))

    assert slugs == ["kode-wilayah-contoh", "standar-pelayanan-informasi-publik"]


def test_nul_character_is_a_finding_at_its_line(tmp_path):
    catalogue = _copy("valid_minimal", tmp_path)
    entry = catalogue / TEXT_ENTRY
    entry.write_text(entry.read_text().replace("Samarinda", "Sama\x00rinda"))

    with pytest.raises(CatalogueError) as error:
        load_catalogue(catalogue)

    (finding,) = error.value.findings
    assert (finding.line, finding.field) == (10, None)
    assert "karakter kendali U+0000" in finding.message


def test_unquoted_date_stays_text(tmp_path):
    catalogue = _copy("valid_minimal", tmp_path)
    entry = catalogue / TEXT_ENTRY
    entry.write_text(entry.read_text().replace('time: "2026"', "time: 2026-12-04"))

    entries = {e.slug: e for e in load_catalogue(catalogue)}

    assert entries["standar-pelayanan-informasi-publik"].produced_time == "2026-12-04"


def test_preview_header_leaves_out_byte_order_mark(tmp_path):
    catalogue = _copy("valid_minimal", tmp_path)
    table = catalogue / KABUPATEN_CSV
    table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes())

    kabupaten = _table(load_catalogue(catalogue), "kode-wilayah-contoh", "kabupaten")

    assert kabupaten.headers == ["code", "name"]


def test_semicolons_declared_inline_are_accepted_and_previewed(tmp_path):
    # What the csv_semicolons finding offers as the other way out.
    catalogue = _copy("csv_semicolons", tmp_path)
    descriptor = catalogue / DESCRIPTOR
    descriptor.write_text(
        descriptor.read_text().replace(
            '"path": "kabupaten.csv",',
            '"path": "kabupaten.csv",\n      "dialect": {"delimiter": ";"},',
        )
    )

    kabupaten = _table(load_catalogue(catalogue), "kode-wilayah-contoh", "kabupaten")

    assert kabupaten.headers == ["code", "name"]
    assert kabupaten.preview[0] == ["64.01", "Kabupaten Paser"]
