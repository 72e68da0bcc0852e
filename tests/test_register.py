"""Registering requests: numbers stay unique and a failed write leaves nothing."""

import sqlite3
import threading

import pytest

from relay import register

FIELDS = {"full_name": "Siti Aminah", "information": "Data kecamatan di Paser."}


def count(app, table):
    with sqlite3.connect(app.config["DATABASE"]) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_failed_insert_rolls_back_number_request_and_event(app):
    with app.app_context():
        with pytest.raises(sqlite3.IntegrityError):
            register.create_request({"full_name": None, "information": "x" * 20})
        record = register.create_request(FIELDS)

    assert record["reg_number"] == "PI-2026-00001"
    assert count(app, "requests") == 1 and count(app, "events") == 1


def test_concurrent_requests_get_distinct_consecutive_numbers(app):
    numbers, errors = [], []

    def file_requests():
        try:
            with app.app_context():
                for _ in range(10):
                    numbers.append(register.create_request(FIELDS)["reg_number"])
        except Exception as error:  # reported below, not swallowed
            errors.append(error)

    threads = [threading.Thread(target=file_requests) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(numbers) == [f"PI-2026-{n:05d}" for n in range(1, 41)]


def test_schema_creation_is_idempotent(make_app):
    first = make_app()
    second = make_app()

    assert first.config["DATABASE"] == second.config["DATABASE"]
    assert count(second, "requests") == 0
