"""Files of the catalogue: how they are named in messages and described."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

# "#" and "?" end the path part of a download link and whitespace breaks it;
# frictionless reads "*", "[" and "]" in a table path as a glob pattern.
UNSAFE_NAME_CHARS = "# ? * [ ] spasi"
_UNSAFE_NAME = re.compile(r"[#?*\[\]\s]")


@dataclass(frozen=True)
class Download:
    """A file offered on an entry page, with what a downloader checks."""

    source: Path
    name: str
    title: str
    format: str
    size: int
    sha256: str


def display_path(path, root):
    """Path as staff see it in messages: relative to the catalogue's parent."""
    try:
        return str(Path(path).relative_to(Path(root).parent))
    except ValueError:
        return str(path)


def unsafe_name(relative):
    """Whether a catalogue path holds a character that breaks its download."""
    return bool(_UNSAFE_NAME.search(relative))


def describe_download(path, title):
    """Name, format, size and SHA-256 of a file offered for download."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return Download(
        source=path,
        name=path.name,
        title=title,
        format=(path.suffix.lstrip(".") or "bin").upper(),
        size=path.stat().st_size,
        sha256=digest.hexdigest(),
    )
