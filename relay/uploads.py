"""Identity documents from the form: checked, re-encoded, kept private.

Only images are accepted for now. Each is decoded and written again as PNG,
which keeps the pixels and drops everything else (EXIF, GPS, appended bytes).
Every upload of a form is checked before any is stored, so a refused form
leaves no file behind. Files get generated names in the instance folder,
outside anything served.
"""

import io
import os
import secrets
import time
import warnings
from pathlib import Path

from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG"}


class UploadRejected(ValueError):
    """The file is not an image we can accept; the message is for the user."""


def upload_dir(instance_dir):
    path = Path(instance_dir) / "uploads"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def check_image(storage, max_bytes):
    """Decode an uploaded JPEG/PNG; return it upright, as plain RGB pixels."""
    data = storage.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRejected(
            f"Berkas terlalu besar; paling besar {_size_text(max_bytes)}."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise UploadRejected("Unggah gambar JPG atau PNG.")
                if image.width * image.height > MAX_PIXELS:
                    raise UploadRejected(_too_many_pixels())
                image.load()
                # Phone photos are often stored sideways with an EXIF hint;
                # apply it before the EXIF is dropped.
                return ImageOps.exif_transpose(image).convert("RGB")
    except UploadRejected:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise UploadRejected(_too_many_pixels()) from exc
    except Exception as exc:
        # Damaged files fail deep inside Pillow with many kinds of error
        # (struct.error from a broken EXIF block, for one): all mean the same.
        raise UploadRejected(
            "Berkas tidak dapat dibaca sebagai gambar JPG atau PNG."
        ) from exc


def store_image(image, instance_dir):
    """Write a checked image as PNG under a random name; return the name."""
    name = f"{secrets.token_hex(16)}.png"
    target = upload_dir(instance_dir) / name
    partial = target.with_suffix(".part")
    with open(partial, "wb") as handle:
        image.save(handle, format="PNG")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)
    _sync_folder(target.parent)
    return name


def _sync_folder(folder):
    """Make a rename durable: the folder entry is data too."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def sweep_orphans(instance_dir, referenced, older_than_seconds=3600):
    """Delete uploads no request refers to, left by a crash; return how many.

    A scan is written before its request is committed, so one may be in
    flight: only files older than ``older_than_seconds`` are touched.
    """
    cutoff = time.time() - older_than_seconds
    removed = 0
    for path in upload_dir(instance_dir).iterdir():
        if path.name in referenced or path.stat().st_mtime > cutoff:
            continue
        path.unlink()
        removed += 1
    return removed


def remove_stored(instance_dir, names):
    """Delete stored uploads again, e.g. when their request was not saved."""
    for name in names:
        path = stored_path(instance_dir, name)
        if path is not None:
            path.unlink()


def _too_many_pixels():
    return f"Gambar terlalu besar; paling banyak {MAX_PIXELS // 1_000_000} megapiksel."


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
