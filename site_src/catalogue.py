"""Read DIP entries from the catalogue folder and check them.

An entry is one YAML file in ``entries/``; the files it offers for download
live under the catalogue folder and are named by path in the entry. Loading
collects every finding before it gives up, so staff fix a catalogue in one go.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import datapackage, vocab
from .files import describe_download, display_path
from .findings import CatalogueError, Finding

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

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

    for path in sorted(entries_dir.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
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


def _dip_order(entry):
    categories = list(vocab.CATEGORIES)
    return (categories.index(entry.category), entry.title.casefold())


def load_entry(path, root):
    """Read and check one entry file; return (entry or None, findings)."""
    shown = display_path(path, root)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [
            Finding(
                "not-utf8",
                shown,
                "berkas bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8",
                line=line,
            )
        ]

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [
            Finding(
                "yaml-syntax",
                shown,
                f"YAML tidak dapat dibaca ({exc.problem}); periksa titik dua, "
                "indentasi dan tanda petik di baris ini. Nilai yang memuat ': ' "
                "harus diapit tanda petik.",
                line=line,
            )
        ]

    if not isinstance(data, dict):
        return None, [
            Finding(
                "not-a-mapping",
                shown,
                "isi berkas harus berupa pasangan kunci: nilai",
                line=1,
            )
        ]

    lines = _key_lines(node)
    checker = _EntryChecker(shown, lines, path, root)
    entry = checker.check(data)
    return (entry if not checker.findings else None), checker.findings


def _key_lines(node, prefix=""):
    """Map dotted keys ("produced.time", "files[0].path") to their line."""
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            lines[key] = key_node.start_mark.line + 1
            lines.update(_key_lines(value_node, f"{key}."))
    elif isinstance(node, yaml.SequenceNode):
        base = prefix.rstrip(".")
        for index, item in enumerate(node.value):
            key = f"{base}[{index}]"
            lines[key] = item.start_mark.line + 1
            lines.update(_key_lines(item, f"{key}."))
    return lines


class _EntryChecker:
    """Collects the findings of one entry while building it."""

    def __init__(self, shown, lines, path, root):
        self.shown = shown
        self.lines = lines
        self.path = path
        self.root = Path(root)
        self.findings = []

    def fail(self, code, field_name, message):
        line = self.lines.get(field_name)
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
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
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

        forms = self.forms(data.get("forms"))
        keywords = self.keywords(data.get("keywords"))
        licence = data.get("licence")
        if licence is not None and not isinstance(licence, str):
            self.fail("not-text", "licence", "Lisensi harus berupa teks")
            licence = None

        downloads = self.downloads(data.get("files"), slug)
        package = self.package(data.get("data_package"))
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
            downloads=downloads,
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
        for index, item in enumerate(value):
            if item not in vocab.FORMS:
                self.fail(
                    "unknown-form",
                    f"forms[{index}]",
                    f"bentuk '{item}' tidak dikenal; pilih softcopy atau hardcopy",
                )
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
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root.resolve()):
            self.fail("path-outside", key, "berkas harus berada di dalam katalog")
            return None
        if not target.is_file():
            self.fail("file-missing", key, f"berkas '{relative}' tidak ditemukan")
            return None
        return target

    def downloads(self, value, slug):
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
                result.append(describe_download(target, title))
        return result

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
