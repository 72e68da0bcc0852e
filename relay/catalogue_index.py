"""The catalogue as the relay sees it: the JSON index the site build writes.

The relay never imports the build code; it reads ``katalog.json`` from the
published site and reloads it when the site is rebuilt.
"""

import json
from pathlib import Path

from flask import current_app

INDEX_NAME = "katalog.json"

_cache = {}


def entries():
    """Entries of the published catalogue by slug; empty if none is built."""
    path = Path(current_app.config["SITE_DIR"]) / INDEX_NAME
    try:
        real = path.resolve(strict=True)
        stamp = real.stat().st_mtime_ns
    except OSError:
        return {}
    key = (str(real), stamp)
    if key not in _cache:
        with open(real, encoding="utf-8") as handle:
            index = json.load(handle)
        _cache.clear()
        _cache[key] = {item["slug"]: item for item in index.get("entries", [])}
    return _cache[key]


def find(slug):
    return entries().get(slug) if slug else None
