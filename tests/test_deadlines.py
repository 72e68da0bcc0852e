"""Working-day clocks, with the clock frozen on Friday 13 March 2026.

That request falls across Nyepi (Thursday 19 March) and the Idul Fitri
holidays (21-22 March, with cuti bersama on 18, 20, 23 and 24 March).
"""

import re
from datetime import UTC, date, datetime

import pytest

from relay.workdays import WorkCalendar

from .conftest import FRIDAY_13_MARCH, submit

FRIDAY = date(2026, 3, 13)


@pytest.mark.parametrize(
    ("cuti_bersama_is_holiday", "count_receipt_day", "service_due", "legal_due"),
    [
        # Nyepi (19 Mar) skipped; Idul Fitri falls on the weekend.
        (False, False, date(2026, 3, 23), date(2026, 3, 30)),
        (False, True, date(2026, 3, 20), date(2026, 3, 27)),
        # Cuti bersama also skipped: 18, 20, 23, 24 Mar, and Good Friday 3 Apr.
        (True, False, date(2026, 3, 27), date(2026, 4, 6)),
        (True, True, date(2026, 3, 26), date(2026, 4, 2)),
    ],
)
def test_due_dates_skip_weekends_and_holidays(
    cuti_bersama_is_holiday, count_receipt_day, service_due, legal_due
):
    work = WorkCalendar(cuti_bersama_is_holiday, count_receipt_day)

    assert work.add_working_days(FRIDAY, 5) == service_due
    assert work.add_working_days(FRIDAY, 10) == legal_due


def test_nyepi_is_not_a_working_day_but_the_monday_before_is():
    work = WorkCalendar()

    assert not work.is_working_day(date(2026, 3, 19))
    assert work.is_working_day(date(2026, 3, 16))
    assert work.holiday_name(date(2026, 3, 19)) == "Hari Suci Nyepi"


def test_request_received_on_a_saturday_starts_counting_on_monday():
    work = WorkCalendar(count_receipt_day=True)

    assert work.add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)


def receipt_text(client):
    location = submit(client).headers["Location"]
    html = client.get(location).get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_receipt_states_both_due_dates_in_wita(client):
    text = receipt_text(client)

    assert "13 Maret 2026 pukul 10.00 WITA" in text
    assert "Senin, 23 Maret 2026" in text
    assert "Senin, 30 Maret 2026" in text
    assert "Kamis, 19 Maret 2026: Hari Suci Nyepi" in text
    assert "cuti bersama dihitung sebagai hari kerja" in text


def test_receipt_follows_the_cuti_bersama_setting(make_app):
    client = make_app(CUTI_BERSAMA_IS_HOLIDAY=True).test_client()

    text = receipt_text(client)

    assert "Jumat, 27 Maret 2026" in text
    assert "Senin, 6 April 2026" in text
    assert "cuti bersama tidak dihitung sebagai hari kerja" in text


def test_the_local_date_decides_when_the_clock_starts(make_app):
    # 16:30 UTC on Friday is 00:30 WITA on Saturday 14 March.
    late = datetime(2026, 3, 13, 16, 30, tzinfo=UTC)
    client = make_app(CLOCK=lambda: late).test_client()

    text = receipt_text(client)

    assert "14 Maret 2026 pukul 00.30 WITA" in text
    assert "Senin, 23 Maret 2026" in text  # Sat: day 1 is still Mon 16 March


def test_registration_year_is_the_local_year(make_app):
    # 31 Dec 2026 17:00 UTC is already 1 Jan 2027 in Samarinda.
    new_year = datetime(2026, 12, 31, 17, 0, tzinfo=UTC)
    client = make_app(CLOCK=lambda: new_year).test_client()

    assert "PI-2027-00001" in receipt_text(client)


def test_frozen_clock_is_the_one_the_app_uses(app):
    assert app.config["CLOCK"]() == FRIDAY_13_MARCH
