"""Registering requests: numbers, due dates and the event trail.

Due dates are derived from the date received and the working-day calendar,
never stored, so a corrected holiday table corrects every open request.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import current_app

from . import states
from .db import get_db, transaction
from .workdays import WorkCalendar, local_date

log = logging.getLogger(__name__)

REQUEST_SERIES = "PI"  # Permohonan Informasi


@dataclass(frozen=True)
class Deadlines:
    received: object
    service_due: object
    legal_due: object


def calendar():
    """The app's working-day calendar, made once (holiday tables are costly)."""
    extensions = current_app.extensions
    if "terbuka_calendar" not in extensions:
        config = current_app.config
        extensions["terbuka_calendar"] = WorkCalendar(
            cuti_bersama_is_holiday=config["CUTI_BERSAMA_IS_HOLIDAY"],
            count_receipt_day=config["COUNT_RECEIPT_DAY"],
        )
    return extensions["terbuka_calendar"]


def deadlines(received_at):
    """Both clocks of a request received at ``received_at`` (ISO or datetime)."""
    if isinstance(received_at, str):
        received_at = datetime.fromisoformat(received_at)
    received = local_date(received_at)
    work = calendar()
    return Deadlines(
        received=received,
        service_due=work.add_working_days(received, current_app.config["SERVICE_DAYS"]),
        legal_due=work.add_working_days(received, current_app.config["LEGAL_DAYS"]),
    )


def now():
    """The current moment, UTC; tests freeze it through the CLOCK setting."""
    return current_app.config["CLOCK"]()


def create_request(fields, channel=states.CHANNEL_WEB):
    """Store a complete request with its number and first event; return it."""
    received_at = now()
    year = local_date(received_at).year
    db = get_db()
    with transaction(db):
        sequence = db.execute(
            "INSERT INTO counters (series, year, last) VALUES (?, ?, 1) "
            "ON CONFLICT (series, year) DO UPDATE SET last = last + 1 "
            "RETURNING last",
            [REQUEST_SERIES, year],
        ).fetchone()[0]
        record = dict(
            fields,
            reg_number=f"{REQUEST_SERIES}-{year}-{sequence:05d}",
            receipt_token=secrets.token_urlsafe(18),
            channel=channel,
            received_at=received_at.isoformat(),
            status=states.RECEIVED,
        )
        columns = ", ".join(record)
        marks = ", ".join("?" for _ in record)
        cursor = db.execute(
            f"INSERT INTO requests ({columns}) VALUES ({marks})", list(record.values())
        )
        record["id"] = cursor.lastrowid
        add_event(
            db, record["id"], states.EVENT_RECEIVED, actor="pemohon", at=received_at
        )
    log.info("request %s registered (id %s)", record["reg_number"], record["id"])
    return record


def add_event(db, request_id, kind, actor, at, note=None):
    """Append one event; call inside the transaction that made the change."""
    db.execute(
        "INSERT INTO events (request_id, at, kind, actor, note) VALUES (?, ?, ?, ?, ?)",
        [request_id, at.isoformat(), kind, actor, note],
    )


def stored_uploads():
    """Names of every upload a request refers to."""
    rows = get_db().query("SELECT id_scan, proxy_letter FROM requests")
    return {name for row in rows for name in row.values() if name}


def find_by_token(token):
    rows = list(
        get_db().query("SELECT * FROM requests WHERE receipt_token = ?", [token])
    )
    return rows[0] if rows else None


def find_by_id(request_id):
    rows = list(get_db().query("SELECT * FROM requests WHERE id = ?", [request_id]))
    return rows[0] if rows else None


def events_of(request_id):
    return list(
        get_db().query(
            "SELECT * FROM events WHERE request_id = ? ORDER BY id", [request_id]
        )
    )


def count():
    return get_db().execute("SELECT count(*) FROM requests").fetchone()[0]


def queue(limit, offset=0):
    """One page of the staff queue, oldest first (the most urgent on top)."""
    rows = list(
        get_db().query(
            "SELECT id, reg_number, received_at, status, full_name, information, "
            "entry_slug FROM requests ORDER BY received_at, id LIMIT ? OFFSET ?",
            [limit, offset],
        )
    )
    today = local_date(now())
    for row in rows:
        clock = deadlines(row["received_at"])
        row["deadlines"] = clock
        row["overdue_service"] = today > clock.service_due
        row["overdue_legal"] = today > clock.legal_due
    return rows
