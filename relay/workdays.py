"""Working days in East Kalimantan: what the legal clocks count.

Saturdays, Sundays and national holidays are not working days. Whether cuti
bersama (joint leave days) also stop the clock, and whether the day a request
arrives counts as its first day, are settings: offices differ on both.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

WITA = ZoneInfo("Asia/Makassar")


class WorkCalendar:
    """Counts working days under one choice of the two settings."""

    def __init__(self, cuti_bersama_is_holiday=False, count_receipt_day=False):
        self.cuti_bersama_is_holiday = cuti_bersama_is_holiday
        self.count_receipt_day = count_receipt_day
        categories = (
            ("public", "government") if cuti_bersama_is_holiday else ("public",)
        )
        self._holidays = holidays.country_holidays(
            "ID", categories=categories, language="id"
        )

    def holiday_name(self, day):
        """The holiday's Indonesian name, or None on an ordinary day."""
        return self._holidays.get(day)

    def is_working_day(self, day):
        return day.weekday() < 5 and day not in self._holidays

    def add_working_days(self, received, count):
        """The date on which the ``count``-th working day after receipt ends."""
        day = received
        if self.count_receipt_day and self.is_working_day(day):
            count -= 1
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def holidays_between(self, start, end):
        """Holidays after ``start`` up to ``end`` that the count skipped."""
        day, found = start, []
        while day < end:
            day += timedelta(days=1)
            name = self.holiday_name(day)
            if name and day.weekday() < 5:
                found.append((day, name))
        return found

    def describe(self):
        """The rule in force, in Indonesian, for receipts and staff pages."""
        receipt = (
            "hari penerimaan dihitung sebagai hari pertama"
            if self.count_receipt_day
            else "hitungan dimulai hari kerja setelah hari penerimaan"
        )
        joint = (
            "cuti bersama tidak dihitung sebagai hari kerja"
            if self.cuti_bersama_is_holiday
            else "cuti bersama dihitung sebagai hari kerja"
        )
        return (
            f"Hari kerja tidak termasuk Sabtu, Minggu, dan hari libur nasional; "
            f"{joint}; {receipt}."
        )


def local_date(moment):
    """The date in WITA of an aware datetime."""
    return moment.astimezone(WITA).date()


def local_time(moment):
    """An aware datetime shown in WITA."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.astimezone(WITA)


def format_date(day):
    """A date the Indonesian way: 23 Maret 2026."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment):
    moment = local_time(moment)
    return f"{format_date(moment.date())} pukul {moment:%H.%M} WITA"


MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def format_day(day):
    """A date with its weekday: Senin, 23 Maret 2026."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{DAYS[day.weekday()]}, {format_date(day)}"
