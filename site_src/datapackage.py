"""Frictionless data packages behind DIP entries: check, describe, preview.

Every table must declare its Table Schema: inferred types are wrong for
Indonesian data (area codes such as 64.10 would become numbers), so a package
without explicit schemas is refused instead of guessed.
"""

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import describe_download, display_path
from .findings import Finding

PREVIEW_ROWS = 10


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
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
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

    base = descriptor_path.parent
    tables = []
    for index, resource in enumerate(resources):
        key = f"resources[{index}]"
        name = resource.get("name") or key
        schema = resource.get("schema")
        if not isinstance(schema, dict) or not schema.get("fields"):
            fail(
                "no-schema",
                f"tabel '{name}' wajib menyatakan Table Schema "
                "(fields) secara eksplisit",
                f"{key}.schema",
            )
            continue
        relative = resource.get("path")
        if not isinstance(relative, str) or any(c in relative for c in "?*[#"):
            fail(
                "bad-resource-path",
                f"path tabel '{name}' tidak sah (tanpa ? * [ #)",
                f"{key}.path",
            )
            continue
        source = (base / relative).resolve()
        if not source.is_relative_to(base.resolve()) or not source.is_file():
            fail(
                "file-missing",
                f"berkas '{relative}' tidak ditemukan di samping datapackage.json",
                f"{key}.path",
            )
            continue
        table_shown = display_path(source, catalogue_root)
        bad_line = _first_non_utf8_line(source)
        if bad_line is not None:
            fail(
                "not-utf8",
                "berkas bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8",
                line=bad_line,
                path=table_shown,
            )
            continue
        headers, preview, row_count = _preview(source)
        tables.append(
            TableInfo(
                name=name,
                title=resource.get("title") or name,
                description=resource.get("description", ""),
                download=describe_download(source, resource.get("title") or name),
                fields=[
                    (f.get("name"), f.get("type", "string"), f.get("description", ""))
                    for f in schema["fields"]
                ],
                headers=headers,
                preview=preview,
                row_count=row_count,
            )
        )

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


def _first_non_utf8_line(path):
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    return None


def _preview(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
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
    from frictionless import Package

    package = Package(str(descriptor_path))
    report = package.validate()
    findings = []
    for task in report.tasks:
        table_path = display_path(descriptor_path.parent / task.place, catalogue_root)
        for error in task.errors:
            field_name = getattr(error, "field_name", None)
            if not field_name and getattr(error, "field_names", None):
                field_name = ", ".join(error.field_names)
            findings.append(
                Finding(
                    code=error.type,
                    path=table_path,
                    field=field_name,
                    line=getattr(error, "row_number", None),
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

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')


def _indonesian(error):
    """Frictionless's finding in Indonesian, with the offending value."""
    if error.type == "foreign-key":
        values = ", ".join(f"'{c}'" for c in getattr(error, "field_cells", []))
        parent = getattr(error, "reference_name", "") or "induk"
        return f"nilai {values} tidak ditemukan di tabel induk '{parent}'"
    summary = _MESSAGES.get(error.type, f"tabel tidak sesuai skema ({error.note})")
    cell = getattr(error, "cell", None)
    if cell not in (None, ""):
        summary = f"{summary}: '{cell}'"
    constraint = _CONSTRAINT.search(error.note or "")
    if constraint:
        summary = f"{summary} (batasan {constraint[1]}: {constraint[2]})"
    elif error.type == "type-error":
        summary = f"{summary} ({error.note})"
    return summary
