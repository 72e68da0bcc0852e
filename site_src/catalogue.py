"""Read DIP entries from the catalogue folder and check them.

An entry is one YAML file in ``entries/``; the files it offers for download
live under the catalogue folder and are named by path in the entry. Loading
collects every finding before it gives up, so staff fix a catalogue in one go.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import datapackage, vocab, yamlfile
from .files import UNSAFE_NAME_CHARS, describe_download, display_path, unsafe_name
from .findings import CatalogueError, Finding

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENTRY_SUFFIXES = (".yaml", ".yml")
MONTHS = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)

REQUIRED_TEXT = (
    "title",
    "summary",
    "category",
    "holding_unit",
    "responsible",
    "retention",
)
KNOWN_KEYS = set(REQUIRED_TEXT) | {
    "produced",
    "forms",
    "keywords",
    "licence",
    "files",
    "data_package",
    "exemption",
}
EXEMPTION_KEYS = ("document", "exempt_part", "ground", "consequence_test", "duration")


@dataclass
class Entry:
    """One DIP entry, checked and ready to be rendered."""

    slug: str
    source: Path
    title: str
    summary: str
    category: str
    holding_unit: str
    responsible: str
    produced_time: str
    produced_place: str
    forms: list
    retention: str
    keywords: list = field(default_factory=list)
    licence: str | None = None
    downloads: list = field(default_factory=list)
    package: datapackage.PackageInfo | None = None
    exemption: dict | None = None

    @property
    def category_label(self):
        return vocab.CATEGORIES[self.category]

    @property
    def is_exempt(self):
        return self.category == vocab.DIKECUALIKAN


def load_catalogue(root):
    """Load every entry under ``root``; raise CatalogueError listing all faults."""
    root = Path(root).resolve()
    entries_dir = root / "entries"
    findings = []
    entries = []
    if not entries_dir.is_dir():
        raise CatalogueError(
            [
                Finding(
                    "no-entries-folder",
                    str(entries_dir),
                    "folder entries/ tidak ditemukan di katalog",
                )
            ]
        )

    slugs = {}
    for path in sorted(entries_dir.iterdir()):
        # Hidden names are editor and system droppings, e.g. macOS ._x.yaml.
        if path.name.startswith(".") or path.suffix.lower() not in ENTRY_SUFFIXES:
            continue
        shown = display_path(path, root)
        if not path.is_file():
            findings.append(Finding("not-a-file", shown, _not_a_file(path)))
            continue
        if path.stem in slugs:
            findings.append(
                Finding(
                    "duplicate-slug",
                    shown,
                    f"slug '{path.stem}' sudah dipakai berkas {slugs[path.stem]}; "
                    "satu entri hanya boleh punya satu berkas",
                )
            )
            continue
        slugs[path.stem] = path.name
        entry, entry_findings = load_entry(path, root)
        findings.extend(entry_findings)
        if entry is not None:
            entries.append(entry)

    if not entries and not findings:
        findings.append(
            Finding(
                "empty-catalogue",
                str(entries_dir),
                "katalog belum berisi satu entri pun",
            )
        )
    if findings:
        raise CatalogueError(findings)
    return sorted(entries, key=_dip_order)


def _not_a_file(path):
    if path.is_dir():
        kind = "folder"
    elif path.is_symlink():
        kind = "tautan (symlink) yang tujuannya tidak ada"
    else:
        kind = "berkas khusus"
    return (
        f"'{path.name}' bukan berkas melainkan {kind}; entri harus berupa "
        "berkas YAML biasa"
    )


def _dip_order(entry):
    categories = list(vocab.CATEGORIES)
    return (categories.index(entry.category), entry.title.casefold())


def load_entry(path, root):
    """Read and check one entry file; return (entry or None, findings)."""
    shown = display_path(path, root)
    data, lines, findings = yamlfile.read(path, shown)
    if data is None:
        return None, findings

    checker = _EntryChecker(shown, lines, path, root)
    checker.findings.extend(findings)
    entry = checker.check(data)
    return (entry if not checker.findings else None), checker.findings


class _EntryChecker:
    """Collects the findings of one entry while building it."""

    def __init__(self, shown, lines, path, root):
        self.shown = shown
        self.lines = lines
        self.path = path
        self.root = Path(root)
        self.findings = []

    def fail(self, code, field_name, message, line=None):
        line = line or self.lines.get(field_name)
        if line is None and field_name:
            # A missing child points at its parent key, e.g. produced.place.
            parent = field_name.rsplit(".", 1)[0]
            line = self.lines.get(parent)
        self.findings.append(
            Finding(code, self.shown, message, field=field_name, line=line)
        )

    def text(self, data, key, label):
        value = data.get(key.rsplit(".", 1)[-1])
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            name = key.rsplit(".", 1)[-1]
            self.fail("missing-field", key, f"{label} wajib diisi ({name}: ...)")
            return ""
        if not isinstance(value, str):
            self.fail("not-text", key, f"{label} harus berupa teks")
            return ""
        return value.strip()

    def check(self, data):
        slug = self.path.stem
        if not SLUG_RE.match(slug):
            self.fail(
                "bad-slug",
                None,
                "nama berkas hanya boleh huruf kecil, angka dan tanda hubung",
            )

        for key in data:
            if key not in KNOWN_KEYS:
                self.fail("unknown-field", str(key), "kunci ini tidak dikenal")

        title = self.text(data, "title", "Judul")
        summary = self.text(data, "summary", "Ringkasan isi informasi")
        holding_unit = self.text(
            data, "holding_unit", "Pejabat/unit yang menguasai informasi"
        )
        responsible = self.text(data, "responsible", "Penanggung jawab")
        retention = self.text(data, "retention", "Jangka waktu penyimpanan")
        category = self.text(data, "category", "Kategori")
        if category and category not in vocab.CATEGORIES:
            allowed = ", ".join(vocab.CATEGORIES)
            self.fail(
                "unknown-category",
                "category",
                f"kategori '{category}' tidak dikenal; pilih salah satu: {allowed}",
            )

        produced = data.get("produced")
        if not isinstance(produced, dict):
            self.fail(
                "missing-field",
                "produced",
                "waktu dan tempat pembuatan wajib diisi (produced.time, "
                "produced.place)",
            )
            produced = {}
        produced_time = self.text(produced, "produced.time", "Waktu pembuatan")
        produced_place = self.text(produced, "produced.place", "Tempat pembuatan")
        time_problem = produced_time and _time_problem(produced_time)
        if time_problem:
            self.fail("bad-time", "produced.time", time_problem)

        forms = self.forms(data.get("forms"))
        keywords = self.keywords(data.get("keywords"))
        licence = data.get("licence")
        if licence is not None and not isinstance(licence, str):
            self.fail("not-text", "licence", "Lisensi harus berupa teks")
            licence = None

        downloads = self.downloads(data.get("files"))
        package = self.package(data.get("data_package"))
        self.unique_names(downloads, package)
        exemption = self.exemption(data.get("exemption"), category)
        if category == vocab.DIKECUALIKAN:
            for key in ("files", "data_package"):
                if data.get(key):
                    self.fail(
                        "exempt-download",
                        key,
                        "informasi dikecualikan tidak boleh menyediakan unduhan",
                    )

        if self.findings:
            return None
        return Entry(
            slug=slug,
            source=self.path,
            title=title,
            summary=summary,
            category=category,
            holding_unit=holding_unit,
            responsible=responsible,
            produced_time=produced_time,
            produced_place=produced_place,
            forms=forms,
            retention=retention,
            keywords=keywords,
            licence=licence,
            downloads=[download for _, download in downloads],
            package=package,
            exemption=exemption,
        )

    def forms(self, value):
        if not value or not isinstance(value, list):
            self.fail(
                "missing-field",
                "forms",
                "bentuk informasi wajib diisi: softcopy dan/atau hardcopy",
            )
            return []
        seen = set()
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in vocab.FORMS:
                self.fail(
                    "unknown-form",
                    f"forms[{index}]",
                    f"bentuk '{item}' tidak dikenal; pilih softcopy atau hardcopy",
                )
            elif item in seen:
                self.fail(
                    "duplicate-form",
                    f"forms[{index}]",
                    f"bentuk ganda: '{item}' sudah disebut; tulis setiap bentuk "
                    "sekali saja",
                )
            else:
                seen.add(item)
        return list(value)

    def keywords(self, value):
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
            self.fail("bad-keywords", "keywords", "kata kunci harus daftar teks")
            return []
        return [k.strip() for k in value if k.strip()]

    def resolve(self, key, relative):
        """Resolve a catalogue path, refusing anything outside the catalogue."""
        if not isinstance(relative, str) or not relative.strip():
            self.fail("missing-field", key, "path berkas wajib diisi")
            return None
        if unsafe_name(relative):
            self.fail(
                "bad-file-name",
                key,
                f"nama berkas '{relative}' memuat tanda yang merusak tautan unduhan "
                f"({UNSAFE_NAME_CHARS}); ganti, misalnya dengan tanda hubung",
            )
            return None
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root.resolve()):
            self.fail("path-outside", key, "berkas harus berada di dalam katalog")
            return None
        if not target.is_file():
            self.fail("file-missing", key, f"berkas '{relative}' tidak ditemukan")
            return None
        return target

    def downloads(self, value):
        """The checked downloads of ``files`` as (key, Download) pairs."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("bad-files", "files", "files harus berupa daftar berkas")
            return []
        result = []
        for index, item in enumerate(value):
            key = f"files[{index}]"
            if not isinstance(item, dict):
                self.fail("bad-files", key, "setiap berkas perlu path dan title")
                continue
            target = self.resolve(f"{key}.path", item.get("path"))
            title = self.text(item, f"{key}.title", "Judul berkas")
            if target is not None and title:
                result.append((key, describe_download(target, title)))
        return result

    def unique_names(self, downloads, package):
        """Refuse a download whose name another download of the entry has."""
        # An entry's downloads share one folder of the site (unduh/<slug>/),
        # so a second file of the same name would silently replace the first.
        taken = {}
        if package is not None:
            for table in package.tables:
                taken[table.download.name] = f"tabel '{table.name}' paket data"
            for download in package.extra_downloads:
                taken[download.name] = "deskripsi paket data"
        for key, download in downloads:
            if download.name in taken:
                self.fail(
                    "duplicate-file-name",
                    f"{key}.path",
                    f"nama berkas '{download.name}' sudah dipakai "
                    f"{taken[download.name]} di entri ini; setiap unduhan entri "
                    "harus bernama berbeda",
                )
            taken.setdefault(download.name, f"berkas {key}.path")

    def package(self, value):
        if value is None:
            return None
        target = self.resolve("data_package", value)
        if target is None:
            return None
        info, findings = datapackage.load(target, self.root)
        self.findings.extend(findings)
        return info

    def exemption(self, value, category):
        if category != vocab.DIKECUALIKAN:
            if value is not None:
                self.fail(
                    "exemption-not-exempt",
                    "exemption",
                    "alasan pengecualian hanya untuk kategori dikecualikan",
                )
            return None
        if not isinstance(value, dict):
            self.fail(
                "missing-field",
                "exemption",
                "informasi dikecualikan wajib mencatat alasan pengecualian (exemption)",
            )
            return None
        labels = {
            "document": "Dokumen yang dikecualikan",
            "exempt_part": "Bagian yang dikecualikan",
            "ground": "Dasar hukum (Pasal 17 huruf a-j)",
            "consequence_test": "Ringkasan uji konsekuensi",
            "duration": "Jangka waktu pengecualian",
        }
        record = {
            key: self.text(value, f"exemption.{key}", labels[key])
            for key in EXEMPTION_KEYS
        }
        ground = record["ground"].lower()
        if ground and ground not in vocab.PASAL_17:
            self.fail(
                "unknown-ground",
                "exemption.ground",
                f"'{record['ground']}' bukan huruf Pasal 17 (a sampai j)",
            )
        record["ground"] = ground
        return record


def _time_problem(value):
    """Why produced.time is none of the forms the format allows, or None."""
    year = r"[0-9]{4}"
    month, _, month_year = value.partition(" ")
    if re.fullmatch(year, value) or (
        month.casefold() in MONTHS and re.fullmatch(year, month_year)
    ):
        return None
    if re.fullmatch(rf"{year}-[0-9]{{2}}-[0-9]{{2}}", value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"tanggal '{value}' tidak ada di kalender"
        return None
    return (
        f"waktu pembuatan '{value}' tidak dikenali; tulis tahun (\"2026\"), "
        'bulan dan tahun ("Desember 2026") atau tanggal ("2026-12-04")'
    )
