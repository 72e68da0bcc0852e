"""Every setting of the relay, its environment variable and its default.

Settings come from environment variables named ``TERBUKA_<NAME>``; tests and
embedders pass a mapping to ``create_app`` instead. README.md lists the same
table, and a test keeps the two in step.
"""

import os
from dataclasses import dataclass
from pathlib import Path


def _bool(value):
    return str(value).strip().lower() in ("1", "true", "ya", "yes", "on")


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    parse: object
    help: str


SETTINGS = (
    Setting(
        "INSTANCE_DIR",
        "instance",
        Path,
        "Folder for the database, uploads and the secret key; never served.",
    ),
    Setting(
        "DATABASE", None, Path, "SQLite file; default INSTANCE_DIR/terbuka.sqlite3."
    ),
    Setting(
        "SITE_DIR",
        "build/site",
        Path,
        "The built static site (the symlink that `terbuka build` swaps).",
    ),
    Setting(
        "SECRET_KEY",
        None,
        str,
        "Signs sessions and CSRF tokens; default a random key kept in "
        "INSTANCE_DIR/secret_key.",
    ),
    Setting(
        "SERVICE_DAYS", 5, int, "Service-standard completion time, in working days."
    ),
    Setting(
        "LEGAL_DAYS",
        10,
        int,
        "Legal limit for the written notice (UU 14/2008 Pasal 22), in working days.",
    ),
    Setting(
        "CUTI_BERSAMA_IS_HOLIDAY",
        False,
        _bool,
        "Whether cuti bersama (joint leave days) stop the clock.",
    ),
    Setting(
        "COUNT_RECEIPT_DAY",
        False,
        _bool,
        "Whether the day of receipt counts as the first working day.",
    ),
    Setting(
        "MAX_UPLOAD_BYTES",
        5_000_000,
        int,
        "Largest accepted upload (ID scan, power of attorney), in bytes.",
    ),
    Setting(
        "SECURE_COOKIES",
        False,
        _bool,
        "Send cookies over HTTPS only; turn on behind a TLS proxy.",
    ),
)


def from_environment(environ=None):
    """Read every setting from ``TERBUKA_*`` variables, with defaults."""
    environ = os.environ if environ is None else environ
    values = {}
    for setting in SETTINGS:
        raw = environ.get(f"TERBUKA_{setting.name}")
        if raw is None:
            values[setting.name] = (
                None if setting.default is None else setting.parse(setting.default)
            )
        else:
            values[setting.name] = setting.parse(raw)
    return values
