"""The relay's SQLite database: one connection per worker thread, one schema.

Writes that must stay together run in ``transaction()``, which takes the write
lock up front (BEGIN IMMEDIATE) so that concurrent writers wait for each other
instead of failing. sqlite-utils creates the schema and serves the reads.
"""

import sqlite3
import threading
from contextlib import contextmanager

import sqlite_utils
from flask import current_app

SCHEMA_VERSION = 1


def connect(path):
    """Open the database in WAL mode with durable commits."""
    conn = sqlite3.connect(
        str(path), isolation_level=None, timeout=30, check_same_thread=False
    )
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a request that was acknowledged survives a power cut.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return sqlite_utils.Database(conn)


def get_db():
    """The current thread's connection for the running app."""
    local = current_app.extensions["terbuka_db"]
    if getattr(local, "db", None) is None:
        local.db = connect(current_app.config["DATABASE"])
    return local.db


def init_app(app):
    app.extensions["terbuka_db"] = threading.local()
    db = connect(app.config["DATABASE"])
    try:
        create_schema(db)
    finally:
        db.conn.close()


@contextmanager
def transaction(db):
    """Run the block as one write transaction; roll back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


def create_schema(db):
    """Create the tables on first start; refuse a database from the future."""
    with transaction(db):
        # Read the version under the write lock: two workers may start at once.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"database schema {version} is newer than this code ({SCHEMA_VERSION})"
            )
        if version < SCHEMA_VERSION:
            _create_tables(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _create_tables(db):
    db["staff"].create(
        {
            "id": int,
            "username": str,
            "password_hash": str,
            "session_nonce": str,
            "created_at": str,
        },
        pk="id",
        not_null={"username", "password_hash", "session_nonce"},
    )
    db["staff"].create_index(["username"], unique=True)

    db["counters"].create(
        {"series": str, "year": int, "last": int}, pk=("series", "year")
    )

    db["requests"].create(
        {
            "id": int,
            "reg_number": str,
            "receipt_token": str,
            "channel": str,
            "received_at": str,  # UTC, ISO 8601
            "status": str,
            "entry_slug": str,
            "applicant_type": str,
            "full_name": str,
            "id_number": str,
            "address": str,
            "phone": str,
            "email": str,
            "occupation": str,
            "is_proxy": int,
            "id_scan": str,  # stored file name under the upload folder
            "proxy_letter": str,
            "information": str,
            "purpose": str,
            "obtain_method": str,
            "copy_form": str,
            "delivery": str,
        },
        pk="id",
        not_null={
            "reg_number",
            "receipt_token",
            "received_at",
            "status",
            "full_name",
            "information",
        },
    )
    db["requests"].create_index(["reg_number"], unique=True)
    db["requests"].create_index(["receipt_token"], unique=True)
    db["requests"].create_index(["status", "received_at"])

    db["events"].create(
        {
            "id": int,
            "request_id": int,
            "at": str,
            "kind": str,
            "actor": str,
            "note": str,
        },
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"request_id", "at", "kind"},
    )
    db["events"].create_index(["request_id"])
