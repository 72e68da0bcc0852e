"""Identity documents from the form: checked, re-encoded, kept private.

Only images are accepted for now. Each is decoded and written again as PNG,
which keeps the pixels and drops everything else (EXIF, GPS, appended bytes).
Files get generated names in the instance folder, outside anything served.
"""

import io
import os
import secrets
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG"}


class UploadRejected(ValueError):
    """The file is not an image we can accept; the message is for the user."""


def upload_dir(instance_dir):
    path = Path(instance_dir) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_image(storage, instance_dir, max_bytes):
    """Re-encode an uploaded JPEG/PNG and store it; return the stored name."""
    data = storage.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRejected(
            f"Berkas terlalu besar; paling besar {_size_text(max_bytes)}."
        )
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise UploadRejected("Unggah gambar JPG atau PNG.")
            image.load()
            clean = image.convert("RGB")
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
    ) as exc:
        raise UploadRejected(
            "Berkas tidak dapat dibaca sebagai gambar JPG atau PNG."
        ) from exc

    name = f"{secrets.token_hex(16)}.png"
    target = upload_dir(instance_dir) / name
    partial = target.with_suffix(".part")
    with open(partial, "wb") as handle:
        clean.save(handle, format="PNG")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return name


def _size_text(size):
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB".replace(".", ",")
    return f"{size / 1000:g} kB".replace(".", ",")


def stored_path(instance_dir, name):
    """Path of a stored upload; refuses names that are not ours."""
    if not name or "/" in name or name.startswith("."):
        return None
    path = upload_dir(instance_dir) / name
    return path if path.is_file() else None
