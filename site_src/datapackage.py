"""Frictionless data packages behind DIP entries: check, describe, preview.

Every table must declare its Table Schema: inferred types are wrong for
Indonesian data (area codes such as 64.10 would become numbers), so a package
without explicit schemas is refused instead of guessed. The build never fetches
anything: every table is a local file and every schema and dialect is inline.
"""

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import UNSAFE_NAME_CHARS, describe_download, display_path, unsafe_name
from .findings import Finding

PREVIEW_ROWS = 10

# What catalogue/README.md requires of every column of a Table Schema.
FIELD_KEYS = {
    "name": "nama (name)",
    "type": "tipe (type)",
    "title": "judul (title)",
    "description": "uraian (description)",
}

# Profiles frictionless knows by name; any other value is a file or URL that it
# would open or fetch to validate against.
PACKAGE_PROFILES = ("data-package", "tabular-data-package")
RESOURCE_PROFILES = ("data-resource", "tabular-data-resource")


@dataclass
class TableInfo:
    """One tabular resource: its download, schema and first rows."""

    name: str
    title: str
    description: str
    download: object
    fields: list  # (name, type, description)
    headers: list
    preview: list
    row_count: int


@dataclass
class PackageInfo:
    """A checked data package and the downloads it offers."""

    source: Path
    name: str
    title: str
    licences: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    extra_downloads: list = field(default_factory=list)


def load(descriptor_path, catalogue_root):
    """Check a package descriptor and its tables; return (info or None, findings)."""
    shown = display_path(descriptor_path, catalogue_root)
    findings = []

    def fail(code, message, field_name=None, line=None, path=shown):
        findings.append(Finding(code, path, message, field=field_name, line=line))

    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        fail("bad-descriptor", f"datapackage.json tidak dapat dibaca: {exc}", line=line)
        return None, findings

    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if (
        not isinstance(resources, list)
        or not resources
        or not all(isinstance(r, dict) for r in resources)
    ):
        fail(
            "no-resources",
            "paket data harus memiliki daftar resources, masing-masing dengan "
            "name, path dan schema",
            "resources",
        )
        return None, findings

    for part, message in _fetched_parts(descriptor, "paket data", PACKAGE_PROFILES):
        fail("external-reference", message, part)

    base = descriptor_path.parent
    tables = []
    for index, resource in enumerate(resources):
        table = _check_table(
            resource, f"resources[{index}]", base, catalogue_root, fail
        )
        if table is not None:
            tables.append(table)

    if findings:
        return None, findings

    findings.extend(_frictionless_findings(descriptor_path, catalogue_root))
    if findings:
        return None, findings

    info = PackageInfo(
        source=descriptor_path,
        name=descriptor.get("name", base.name),
        title=descriptor.get("title", descriptor.get("name", base.name)),
        licences=descriptor.get("licenses", []),
        sources=descriptor.get("sources", []),
        tables=tables,
        extra_downloads=[
            describe_download(descriptor_path, "Deskripsi paket data (Frictionless)")
        ],
    )
    return info, []


def _check_table(resource, key, base, catalogue_root, fail):
    """Check one table resource; return its TableInfo, or None after ``fail``."""
    name = resource.get("name") or key
    fetched = list(_fetched_parts(resource, f"tabel '{name}'", RESOURCE_PROFILES))
    for part, message in fetched:
        fail("external-reference", message, f"{key}.{part}")
    if fetched:
        return None
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not fields:
        fail(
            "no-schema",
            f"tabel '{name}' wajib menyatakan Table Schema (fields) secara eksplisit",
            f"{key}.schema",
        )
        return None
    field_problems = list(_field_problems(fields, name))
    for part, message in field_problems:
        fail("incomplete-field", message, f"{key}.schema.{part}")
    if field_problems:
        return None
    relative = resource.get("path")
    if not isinstance(relative, str) or unsafe_name(relative):
        fail(
            "bad-resource-path",
            f"path tabel '{name}' tidak sah (tanpa {UNSAFE_NAME_CHARS})",
            f"{key}.path",
        )
        return None
    source = (base / relative).resolve()
    if not source.is_relative_to(base.resolve()):
        # Usually a symlink; frictionless only reads below the descriptor.
        where = (
            "folder paket data"
            if source.is_relative_to(Path(catalogue_root).resolve())
            else "katalog"
        )
        fail(
            "path-outside",
            f"berkas '{relative}' berada di luar {where} (misalnya lewat "
            "symlink); simpan tabelnya di samping datapackage.json",
            f"{key}.path",
        )
        return None
    if not source.is_file():
        fail(
            "file-missing",
            f"berkas '{relative}' tidak ditemukan di samping datapackage.json",
            f"{key}.path",
        )
        return None
    table_shown = display_path(source, catalogue_root)
    bad_line = _first_non_utf8_line(source)
    if bad_line is not None:
        fail(
            "not-utf8",
            "berkas bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8",
            line=bad_line,
            path=table_shown,
        )
        return None
    try:
        headers, preview, row_count = _preview(source, _delimiter(resource))
    except csv.Error as exc:
        fail("bad-csv", f"berkas CSV tidak dapat dibaca: {exc}", path=table_shown)
        return None
    if len(headers) == 1 and ";" in headers[0]:
        # Frictionless may sniff ";" itself, but the preview and anyone
        # opening the download expect commas; one finding beats hundreds.
        fail(
            "semicolon-csv",
            "berkas memakai titik koma (;) sebagai pemisah kolom; simpan ulang "
            "dengan koma (,) sebagai pemisah, atau nyatakan di resource tabel "
            'ini: "dialect": {"delimiter": ";"}',
            line=1,
            path=table_shown,
        )
        return None
    return TableInfo(
        name=name,
        title=resource.get("title") or name,
        description=resource.get("description", ""),
        download=describe_download(source, resource.get("title") or name),
        fields=[(f["name"], f["type"], f["description"]) for f in fields],
        headers=headers,
        preview=preview,
        row_count=row_count,
    )


def _fetched_parts(record, owner, profiles):
    """(key, message) for each part of ``record`` frictionless would fetch."""
    path = record.get("path")
    if isinstance(path, list):
        yield "path", f"{owner} harus satu berkas; path berupa daftar tidak didukung"
    elif isinstance(path, str) and "://" in path:
        yield (
            "path",
            f"{owner} harus berkas di samping datapackage.json, bukan alamat web "
            f"'{path}': pembuatan situs tidak mengunduh apa pun",
        )
    for part in ("dialect", "schema"):
        if isinstance(record.get(part), str):
            yield (
                part,
                f"{part} {owner} harus ditulis langsung di datapackage.json, "
                f"bukan dirujuk ke '{record[part]}'",
            )
    if record.get("profile", profiles[0]) not in profiles:
        yield (
            "profile",
            f"profile {owner} harus salah satu dari: {', '.join(profiles)} "
            "(pembuatan situs tidak mengunduh profil dari luar)",
        )
    # Frictionless turns these into a path or a profile it would then fetch.
    for part in ("url", "extrapaths", "profiles"):
        if part in record:
            yield part, f"kunci '{part}' tidak dipakai di katalog ini; hapus kunci ini"


def _field_problems(fields, table):
    """(key, message) for each column lacking what catalogue/README.md asks."""
    for index, item in enumerate(fields):
        key = f"fields[{index}]"
        if not isinstance(item, dict):
            yield key, f"setiap kolom tabel '{table}' harus berupa objek"
            continue
        column = item.get("name") or f"ke-{index + 1}"
        for part, label in FIELD_KEYS.items():
            value = item.get(part)
            if not isinstance(value, str) or not value.strip():
                yield (
                    f"{key}.{part}",
                    f"kolom '{column}' tabel '{table}' wajib punya {label}",
                )


def _delimiter(resource):
    """The column separator declared inline in the resource, else a comma."""
    dialect = resource.get("dialect")
    delimiter = dialect.get("delimiter") if isinstance(dialect, dict) else None
    # A bad delimiter is frictionless's finding; the preview falls back to ",".
    return delimiter if isinstance(delimiter, str) and len(delimiter) == 1 else ","


def _first_non_utf8_line(path):
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    return None


def _preview(path, delimiter=","):
    # utf-8-sig: a byte order mark (saved by Excel) is not part of the header.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        headers = next(reader, [])
        preview = []
        count = 0
        for row in reader:
            if count < PREVIEW_ROWS:
                preview.append(row)
            count += 1
    return headers, preview, count


def _frictionless_findings(descriptor_path, catalogue_root):
    """Validate every table against its schema, keys included."""
    # Imported here: frictionless takes about a second to import.
    from frictionless import FrictionlessException, Package

    shown = display_path(descriptor_path, catalogue_root)
    try:
        report = Package(str(descriptor_path)).validate()
    except FrictionlessException as exc:
        # A descriptor frictionless cannot even open, e.g. a "pattern" on a
        # number column; its own reasons are the most precise message.
        reasons = "; ".join(r.message for r in exc.reasons) or exc.error.message
        message = f"paket data ditolak Frictionless: {reasons}"
        return [Finding(exc.error.type, shown, message)]
    findings = [
        Finding(error.type, shown, f"paket data ditolak Frictionless: {error.message}")
        for error in report.errors
    ]
    for task in report.tasks:
        table_path = display_path(descriptor_path.parent / task.place, catalogue_root)
        for error in task.errors:
            field_name = getattr(error, "field_name", None)
            if not field_name and getattr(error, "field_names", None):
                field_name = ", ".join(error.field_names)
            line = getattr(error, "row_number", None)
            if error.type in _LABEL_ERRORS:
                # The header is line 1; name the column, from the file if the
                # schema has none (an extra column).
                line = 1
                field_name = field_name or getattr(error, "label", None)
            findings.append(
                Finding(
                    code=error.type,
                    path=table_path,
                    field=field_name,
                    line=line,
                    message=_indonesian(error),
                )
            )
    return findings


_MESSAGES = {
    "type-error": "nilai tidak sesuai tipe kolom",
    "constraint-error": "nilai melanggar batasan kolom",
    "primary-key": "kunci utama ganda",
    "unique-error": "nilai harus unik",
    "missing-cell": "baris kurang kolom",
    "extra-cell": "baris memiliki kolom berlebih",
    "blank-row": "baris kosong",
    "incorrect-label": "judul kolom tidak sesuai skema",
    "missing-label": "kolom skema tidak ada di berkas",
    "extra-label": "kolom berkas tidak ada di skema",
    "duplicate-label": "judul kolom ganda",
}

_LABEL_ERRORS = {"incorrect-label", "missing-label", "extra-label", "duplicate-label"}

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')


def _indonesian(error):
    """Frictionless's finding in Indonesian, with the offending value."""
    if error.type == "foreign-key":
        values = ", ".join(f"'{c}'" for c in getattr(error, "field_cells", []))
        parent = getattr(error, "reference_name", "") or "induk"
        return f"nilai {values} tidak ditemukan di tabel induk '{parent}'"
    summary = _MESSAGES.get(error.type, f"tabel tidak sesuai skema ({error.note})")
    # The offending value: a cell, or the header as written in the file.
    cell = getattr(error, "cell", None) or getattr(error, "label", None)
    if cell not in (None, ""):
        summary = f"{summary}: '{cell}'"
    constraint = _CONSTRAINT.search(error.note or "")
    if constraint:
        summary = f"{summary} (batasan {constraint[1]}: {constraint[2]})"
    elif error.type == "type-error":
        summary = f"{summary} ({error.note})"
    return summary
