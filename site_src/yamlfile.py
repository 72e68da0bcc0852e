"""Entry files as YAML: strict reading, with the line of every key.

Entries need only plain keys, text and lists, so anything more (anchors,
aliases, tags, deep nesting, control characters) is refused with a finding
before PyYAML builds anything from it.
"""

import yaml

from .findings import Finding

# An entry nests three levels at most (files[0].path); PyYAML composes nested
# nodes recursively, so a deeper file could exhaust Python's stack.
MAX_DEPTH = 20


class EntryLoader(yaml.SafeLoader):
    """SafeLoader that reads dates as text, as the entry format says they are.

    Without the implicit timestamp resolver an unquoted ``2026-02-30`` stays the
    text it was written as, instead of failing inside PyYAML as a bad date.
    """


EntryLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path, shown):
    """Read an entry file; return (data or None, key lines, findings).

    ``data`` is None when the file cannot be read as YAML; the findings then
    say why. Duplicate keys are findings too, but the data is still returned.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        message = f"berkas tidak dapat dibaca ({exc.strerror})"
        return None, {}, [Finding("unreadable", shown, message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "berkas bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8"
        return None, {}, [Finding("not-utf8", shown, message, line=line)]

    try:
        refused = _refused_yaml(text)
        if refused is not None:
            code, message, line = refused
            return None, {}, [Finding(code, shown, message, line=line)]
        node, data = _read_yaml(text)
    except yaml.YAMLError as exc:
        return None, {}, [_yaml_finding(exc, text, shown)]

    if not isinstance(data, dict):
        message = "isi berkas harus berupa pasangan kunci: nilai"
        return None, {}, [Finding("not-a-mapping", shown, message, line=1)]

    duplicates = []
    lines = _key_lines(node, duplicates=duplicates)
    findings = [
        Finding(
            "duplicate-key",
            shown,
            f"kunci ganda: '{key.rsplit('.', 1)[-1]}' sudah ditulis di baris "
            f"{first}; hapus salah satu",
            field=key,
            line=line,
        )
        for key, line, first in duplicates
    ]
    return data, lines, findings


def _refused_yaml(text):
    """The first anchor, alias, tag or deep nesting in ``text``, or None.

    Returned as (code, message, line).
    """
    # Entries need none of these. Aliases let a few lines expand into billions
    # of nodes, and explicit tags (!!timestamp, !!int) reach constructors that
    # fail with plain Python errors; so refuse them before composing anything.
    depth = 0
    for event in yaml.parse(text, Loader=EntryLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth > MAX_DEPTH:
            return (
                "yaml-too-deep",
                f"isi berkas bersarang lebih dari {MAX_DEPTH} tingkat; entri "
                "hanya memakai beberapa tingkat kunci dan daftar",
                line,
            )
        if isinstance(event, yaml.AliasEvent):
            what = f"alias YAML '*{event.anchor}'"
        elif getattr(event, "anchor", None):
            what = f"jangkar YAML '&{event.anchor}'"
        else:
            what = None
        if what:
            return (
                "yaml-anchor",
                f"{what} tidak diizinkan di berkas entri; tulis setiap nilai "
                "secara langsung, tanpa & dan *",
                line,
            )
        if getattr(event, "tag", None):
            # Shown as written: !!timestamp rather than tag:yaml.org,2002:...
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            return (
                "yaml-tag",
                f"tag YAML '{tag}' tidak diizinkan di berkas entri; tulis "
                "nilainya sebagai teks biasa (apit dengan tanda petik bila perlu)",
                line,
            )
    return None


def _read_yaml(text):
    """Compose ``text`` once; return its node (for lines) and its data."""
    loader = EntryLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _yaml_finding(exc, text, shown):
    """A finding for a YAML error, at its line where PyYAML knows it."""
    if isinstance(exc, yaml.reader.ReaderError):
        # Raised before parsing, with a character offset instead of a mark.
        return Finding(
            "bad-character",
            shown,
            f"berkas memuat karakter kendali U+{exc.character:04X} yang tidak "
            "diizinkan (tidak terlihat di layar, sering terbawa dari salinan "
            "dokumen); simpan ulang berkas sebagai teks biasa (plain text)",
            line=text[: exc.position].count("\n") + 1,
        )
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return Finding(
            "yaml-syntax",
            shown,
            f"YAML tidak dapat dibaca ({exc.problem}); periksa titik dua, "
            "indentasi dan tanda petik di baris ini. Nilai yang memuat ': ' "
            "harus diapit tanda petik.",
            line=mark.line + 1 if mark else None,
        )
    return Finding("yaml-syntax", shown, f"YAML tidak dapat dibaca ({exc})")


def _key_lines(node, prefix="", duplicates=None):
    """Map dotted keys ("produced.time", "files[0].path") to their line.

    A key written twice in one mapping goes to ``duplicates`` as (dotted key,
    line of the repeat, line of its first use); the map keeps the last, as the
    loaded data does.
    """
    lines = {}
    if isinstance(node, yaml.MappingNode):
        first_lines = {}
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            line = key_node.start_mark.line + 1
            if key in first_lines and duplicates is not None:
                duplicates.append((key, line, first_lines[key]))
            first_lines.setdefault(key, line)
            lines[key] = line
            lines.update(_key_lines(value_node, f"{key}.", duplicates))
    elif isinstance(node, yaml.SequenceNode):
        base = prefix.rstrip(".")
        for index, item in enumerate(node.value):
            key = f"{base}[{index}]"
            lines[key] = item.start_mark.line + 1
            lines.update(_key_lines(item, f"{key}.", duplicates))
    return lines
