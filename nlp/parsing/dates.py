"""Numeric Latvian dates: "20.10.2020.", "10.01.21." (two-digit year), "2020-10-20"."""
from __future__ import annotations

import re
from datetime import date

DATE_RE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def _year(text: str) -> int:
    year = int(text)
    # Two-digit years in these reports are always this century ("10.01.21.").
    return 2000 + year if len(text) == 2 else year


def parse_date(text: str) -> date:
    """The single date written in `text`; ValueError if there is none or it is invalid."""
    dates = find_dates(text)
    if len(dates) != 1:
        raise ValueError(f"expected one date in {text!r}, found {len(dates)}")
    return dates[0]


def find_dates(text: str) -> list[date]:
    """Every valid day.month.year / ISO date in `text`, in order."""
    out = []
    for match in DATE_RE.finditer(text):
        if match[1]:
            day, month, year = int(match[1]), int(match[2]), _year(match[3])
        else:
            year, month, day = int(match[4]), int(match[5]), int(match[6])
        try:
            out.append(date(year, month, day))
        except ValueError:
            continue
    return out


def parse_period(text: str) -> tuple[date, date] | None:
    """(start, end) of a period such as "20.10.2020. – 20.01.2021."; None if it holds no date."""
    dates = find_dates(text)
    if not dates:
        return None
    return dates[0], dates[-1]
