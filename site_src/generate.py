"""Turn checked DIP entries into plain Markdown pages and data files.

Nothing here knows about MkDocs. The output is two folders: ``pages/``,
Markdown with front matter for a renderer, and ``files/``, copied into the
site as they are (the downloads and ``katalog.json``), so another renderer can
take over later. Pages are published at ``<path>/`` (an entry at
``entri/<slug>/``); links to files are plain HTML relative to that, because a
renderer must neither rewrite nor render a download (a Markdown download is a
file, not a page).
"""

import html
import json
import shutil
from pathlib import Path
from urllib.parse import quote, urlsplit

from . import vocab

INDEX_NAME = "katalog.json"
INDEX_VERSION = 1


def write_tree(entries, pages_src, out_dir, relay_url):
    """Write ``pages/`` and ``files/`` for ``entries`` into ``out_dir``."""
    pages = Path(out_dir) / "pages"
    files = Path(out_dir) / "files"
    shutil.copytree(pages_src, pages, dirs_exist_ok=True)
    files.mkdir(parents=True, exist_ok=True)

    for entry in entries:
        _write(pages / "entri" / f"{entry.slug}.md", entry_page(entry, relay_url))
        for download in all_downloads(entry):
            target = files / download_path(entry, download)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(download.source, target)

    _write(pages / "dip.md", dip_page(entries))
    for category, label in vocab.CATEGORIES.items():
        chosen = [e for e in entries if e.category == category]
        _write(pages / "kategori" / f"{category}.md", category_page(label, chosen))
    _write(
        files / INDEX_NAME,
        json.dumps(catalogue_index(entries, relay_url), ensure_ascii=False, indent=1),
    )
    return pages, files


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def all_downloads(entry):
    """Every file an entry offers: its own files, then its tables."""
    downloads = list(entry.downloads)
    if entry.package is not None:
        downloads += [table.download for table in entry.package.tables]
        downloads += entry.package.extra_downloads
    return downloads


def download_path(entry, download):
    """Where a download sits in the site, relative to the site root."""
    return f"unduh/{entry.slug}/{download.name}"


def request_link(relay_url, slug):
    return f"{relay_url}?entri={slug}"


# Markdown helpers --------------------------------------------------------------

_MD_SPECIAL = "\\`*_{}[]()#+!|<>~"


def text(value):
    """Escape free text so Markdown shows it literally, on one line."""
    value = " ".join(str(value).split())
    value = html.escape(value, quote=False)
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in value)


def paragraphs(value):
    """Escape multi-paragraph text, keeping blank-line paragraph breaks."""
    blocks = [b for b in str(value).split("\n\n") if b.strip()]
    return "\n\n".join(text(b) for b in blocks)


def code(value):
    """Inline code as HTML: Markdown escapes do not work inside backticks."""
    return f"<code>{html.escape(str(value))}</code>"


def file_link(href, label, download=None):
    """A raw HTML link to a file, which no renderer rewrites or renders.

    It often sits in a Markdown table, where a literal "|" would end the cell.
    """
    attribute = f' download="{_attribute(download)}"' if download else ""
    label = html.escape(label).replace("|", "&#124;")
    return f'<a href="{_attribute(quote(href))}"{attribute}>{label}</a>'


def _attribute(value):
    return html.escape(value).replace("|", "&#124;")


def web_link(url, label):
    """A Markdown link to an http(s) address; anything else shows as text."""
    if urlsplit(str(url)).scheme in ("http", "https"):
        return f"[{label}](<{quote(str(url), safe=':/?#&=%+@~;,')}>)"
    return label


def table(headers, rows):
    lines = [
        "| " + " | ".join(text(h) for h in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for row in rows:
        cells = list(row) + [""] * (len(headers) - len(row))
        lines.append("| " + " | ".join(cells[: len(headers)]) + " |")
    return "\n".join(lines)


def front_matter(title, description):
    """Front matter as a JSON flow mapping, which every YAML reader accepts.

    Themes print the title and description into HTML without escaping, so
    they are escaped here: an entry title is text, never markup.
    """
    meta = {
        "title": html.escape(" ".join(title.split())),
        "description": html.escape(" ".join(description.split())[:300]),
    }
    return "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"


def human_size(size):
    """File size in Indonesian notation: decimal comma, 1 kB = 1,000 bytes."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            break
        size /= 1000
    number = f"{size:.0f}" if unit == "B" else f"{size:.1f}".replace(".", ",")
    return f"{number} {unit}"


# Pages -------------------------------------------------------------------------


def dip_elements(entry):
    """The DIP elements of an entry as (label, Markdown value) rows."""
    rows = [
        ("Pejabat/unit yang menguasai informasi", text(entry.holding_unit)),
        ("Penanggung jawab pembuatan/penerbitan", text(entry.responsible)),
        (
            "Waktu dan tempat pembuatan",
            f"{text(entry.produced_time)}, {text(entry.produced_place)}",
        ),
        (
            "Bentuk informasi yang tersedia",
            ", ".join(vocab.FORMS[f] for f in entry.forms),
        ),
        ("Jangka waktu penyimpanan", text(entry.retention)),
        ("Kategori", text(entry.category_label)),
    ]
    if entry.keywords:
        rows.append(("Kata kunci", ", ".join(text(k) for k in entry.keywords)))
    if entry.licence:
        rows.append(("Lisensi", text(entry.licence)))
    return rows


def entry_page(entry, relay_url):
    parts = [
        front_matter(entry.title, entry.summary),
        f"# {text(entry.title)}\n",
        f'<span class="terbuka-kategori">{html.escape(entry.category_label)}</span>\n',
        "**Ringkasan isi informasi**\n",
        paragraphs(entry.summary) + "\n",
        f"[Ajukan permohonan informasi ini]"
        f"({request_link(relay_url, entry.slug)})"
        "{ .md-button .md-button--primary .terbuka-minta }\n",
        "## Unsur DIP\n",
        table(
            ["Unsur", "Keterangan"],
            [(label, value) for label, value in dip_elements(entry)],
        )
        + "\n",
    ]

    if entry.is_exempt:
        parts.append(_exemption_section(entry))
    else:
        parts.append(_downloads_section(entry))
        if entry.package is not None:
            parts.append(_package_section(entry))
    return "\n".join(parts)


def _exemption_section(entry):
    record = entry.exemption
    rows = [
        ("Dokumen", text(record["document"])),
        ("Bagian yang dikecualikan", text(record["exempt_part"])),
        ("Dasar hukum", text(vocab.pasal_17_label(record["ground"]))),
        ("Ringkasan uji konsekuensi", text(record["consequence_test"])),
        ("Jangka waktu pengecualian", text(record["duration"])),
    ]
    return (
        '!!! warning "Informasi dikecualikan"\n\n'
        "    Informasi ini dikecualikan berdasarkan UU 14/2008 Pasal 17 dan "
        "tidak tersedia untuk diunduh. Anda tetap dapat mengajukan permohonan; "
        "PPID akan menjawab secara tertulis beserta alasannya.\n\n"
        "## Alasan pengecualian\n\n" + table(["Unsur", "Keterangan"], rows) + "\n"
    )


def _downloads_section(entry):
    downloads = all_downloads(entry)
    if not downloads:
        return (
            "## Unduhan\n\nBelum ada berkas unduhan untuk entri ini. Ajukan "
            "permohonan untuk memperolehnya.\n"
        )
    rows = [
        (
            file_link(f"../../{download_path(entry, d)}", d.title, d.name),
            d.format,
            human_size(d.size),
            f"`{d.sha256}`",
        )
        for d in downloads
    ]
    return (
        "## Unduhan\n\n"
        + table(["Berkas", "Format", "Ukuran", "SHA-256"], rows)
        + "\n\nPeriksa keutuhan berkas dengan `sha256sum nama-berkas`.\n"
    )


def _package_section(entry):
    package = entry.package
    parts = ["## Data\n"]
    for licence in package.licences:
        title = licence.get("title") or licence.get("name", "")
        if licence.get("path"):
            parts.append(f"Lisensi: {web_link(licence['path'], text(title))}\n")
        else:
            parts.append(f"Lisensi: {text(title)}\n")
    for source in package.sources:
        name = text(source.get("title", ""))
        if source.get("path"):
            name = web_link(source["path"], name)
        parts.append(f"Sumber: {name}\n")

    for table_info in package.tables:
        parts.append(f"### {text(table_info.title)}\n")
        if table_info.description:
            parts.append(paragraphs(table_info.description) + "\n")
        rows = f"{table_info.row_count:,}".replace(",", ".")  # 1.038 baris
        parts.append(f"Berkas {code(table_info.download.name)}, {rows} baris.\n")
        parts.append("**Skema**\n")
        parts.append(
            table(
                ["Kolom", "Tipe", "Keterangan"],
                [(code(n), text(t), text(d)) for n, t, d in table_info.fields],
            )
            + "\n"
        )
        shown = len(table_info.preview)
        parts.append(f"**Pratinjau {shown} baris pertama**\n")
        parts.append(
            table(
                table_info.headers,
                [[text(c) for c in row] for row in table_info.preview],
            )
            + "\n"
        )
    return "\n".join(parts)


def _entry_rows(entries, numbered):
    rows = []
    for number, entry in enumerate(entries, start=1):
        link = f"[{text(entry.title)}](entri/{entry.slug}.md)"
        row = [str(number)] if numbered else []
        row += [
            link,
            text(entry.summary),
            text(entry.holding_unit),
            text(entry.responsible),
            f"{text(entry.produced_time)}, {text(entry.produced_place)}",
            ", ".join(vocab.FORMS[f] for f in entry.forms),
            text(entry.retention),
            text(entry.category_label),
        ]
        rows.append(row)
    return rows


DIP_COLUMNS = [
    "Judul informasi",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai",
    "Penanggung jawab",
    "Waktu dan tempat pembuatan",
    "Bentuk informasi",
    "Jangka waktu penyimpanan",
    "Kategori",
]


def dip_page(entries):
    return (
        front_matter(
            "Daftar Informasi Publik (DIP)",
            "Daftar resmi informasi publik yang dikuasai PPID.",
        )
        + "# Daftar Informasi Publik (DIP)\n\n"
        "Daftar Informasi Publik (DIP) adalah catatan resmi seluruh informasi "
        "publik yang dikuasai PPID Dinas Komunikasi dan Informatika Provinsi "
        "Kalimantan Timur, sesuai UU 14/2008. Versi mesin: "
        + file_link(f"../{INDEX_NAME}", INDEX_NAME)
        + ".\n\n"
        f"Jumlah entri: {len(entries)}.\n\n"
        + table(["No."] + DIP_COLUMNS, _entry_rows(entries, numbered=True))
        + "\n"
    )


def category_page(label, entries):
    body = (
        table(DIP_COLUMNS, [r for r in _entry_rows(entries, numbered=False)])
        if entries
        else "Belum ada entri dalam kategori ini."
    )
    # Category pages sit one folder down; their links climb back first.
    body = body.replace("](entri/", "](../entri/")
    return (
        front_matter(label, f"{label} di DIP PPID.")
        + f"# {text(label)}\n\n"
        + body
        + "\n"
    )


# Machine-readable index --------------------------------------------------------


def catalogue_index(entries, relay_url):
    """The catalogue as JSON for harvesters and for the relay."""
    items = []
    for number, entry in enumerate(entries, start=1):
        item = {
            "number": number,
            "slug": entry.slug,
            "title": entry.title,
            "summary": entry.summary,
            "category": entry.category,
            "category_label": entry.category_label,
            "holding_unit": entry.holding_unit,
            "responsible": entry.responsible,
            "produced": {"time": entry.produced_time, "place": entry.produced_place},
            "forms": entry.forms,
            "retention": entry.retention,
            "keywords": entry.keywords,
            "licence": entry.licence,
            "page": f"entri/{entry.slug}/",
            "request": request_link(relay_url, entry.slug),
            "downloads": []
            if entry.is_exempt
            else [
                {
                    "title": d.title,
                    "name": d.name,
                    "format": d.format,
                    "size": d.size,
                    "sha256": d.sha256,
                    "url": download_path(entry, d),
                }
                for d in all_downloads(entry)
            ],
        }
        if entry.is_exempt:
            item["exemption"] = dict(
                entry.exemption,
                ground_label=vocab.pasal_17_label(entry.exemption["ground"]),
            )
        items.append(item)
    return {"version": INDEX_VERSION, "entries": items}
