"""Latvian date and period normaliser (pure functions, no model).

    >>> normalize_date("2019. gada 12. augustā")
    DateValue(start=datetime.date(2019, 8, 12), end=datetime.date(2019, 8, 12), granularity='day', fuzzy=False)
    >>> normalize_date("2021. gada sākumā").end
    datetime.date(2021, 4, 30)
    >>> normalize_date("19.12", period=(date(2020, 6, 1), date(2021, 5, 31))).start
    datetime.date(2020, 12, 19)

Forms understood (any case of a month name, abbreviations "janv.", "okt." ...):

* numeric: "20.10.2020.", "10.01.21." (two-digit year = 20xx), "2020-10-20", "20/10/2020";
* day and month without a year: "19.12", "19.12.", "12. augustā";
* textual: "2019. gada 12. augustā", "2020. gada oktobrī", "oktobrī", "2020. gadā", "2020. g.";
* parts of a year (fuzzy thirds): "2021. gada sākumā" (Jan-Apr), "2021. gada vidū" (May-Aug),
  "2020. beigās" / "2020. gada beigās" (Sep-Dec); halves and quarters
  ("2020. gada otrajā pusgadā", "2020. gada 1. ceturksnī", exact, not fuzzy);
  parts of a month: "oktobra sākumā" (1-10), "vidū" (11-20), "beigās" (21-end),
  granularity ``"part_of_month"``;
* decades: "1990. gados" (1990-1999, granularity "year"), "1990. gadu sākumā" (1990-1993, fuzzy);
* centuries: "21. gadsimtā" (2001-2100), "XIX gadsimta beigās" (1871-1900, fuzzy; granularity "year");
* seasons (fuzzy): "2020. gada pavasarī" (Mar-May), "vasarā" (Jun-Aug), "rudenī" (Sep-Nov),
  "ziemā" (1 Dec of the previous year .. end of Feb: the winter that ends in that year);
* ranges: "20.10.2020. – 20.01.2021.", "19.-23.12.20.", "no 19. līdz 23. decembrim",
  "19.–23. decembrī", "no oktobra līdz decembrim", "2020.–2021. gadā",
  "no 2020. gada 1. oktobra līdz 2021. gada 31. martam"; missing parts of one end are
  taken from the other ("19." takes the month and year of "23. decembrim"), and a range
  whose start would fall after its end crosses the new year ("20.12 – 05.01");
* a clock time after a day belongs to its span ("5. decembrī plkst. 14.00", "6.12.2020.
  plkst. 10:30–12:00", "15. aprīlī ap 6.30"); the value stays the day;
* open periods: a single date after "kopš" / "sākot ar" / "sākot no" has no end ("kopš
  2019. gada" -> 2019-01-01 .. None), after "līdz" / "līdz pat" no start ("līdz
  31.03.2021." -> None .. 2021-03-31); the span includes those words;
* lists of days, months and years: "06. un 19.12", "6., 12. un 19. decembrī", "2023. gada
  maijā un jūnijā", "2020. un 2021. gadā".  ``normalize_date`` returns ONE value spanning
  all of them (first .. last day, month or year); use ``normalize_dates`` to get each
  separately.

A date without a year takes it from ``period`` (a (start, end) pair of dates: the year that
puts the date inside the period, else the one that overlaps it), else from ``default_year``.
``find_dates`` also uses the last explicit year written before it in the same text
(after ``period`` and before ``default_year``).  With no year available, a yearless
expression gives ``None`` (``normalize_date``) or is skipped (``find_dates``).

Word lists (month names in every case, part-of-year and season words, connectors) live in
``date_words.json`` next to this module.
"""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

__all__ = ["DateValue", "normalize_date", "normalize_dates", "find_dates", "find_undated_times", "GRANULARITIES"]

WORDS_PATH = Path(__file__).with_name("date_words.json")
GRANULARITIES = ("day", "part_of_month", "month", "season", "part_of_year", "year")
Period = Optional[Sequence[date]]


@dataclass(frozen=True)
class DateValue:
    """A normalised date or period: inclusive ``start`` .. ``end``; None is an open end
    ("kopš 2019. gada": no end; "līdz 31.03.2021.": no start)."""

    start: Optional[date]
    end: Optional[date]
    granularity: str  # one of GRANULARITIES: that of the end that is given, for an open period
    fuzzy: bool = False

    def bounds(self) -> tuple[Optional[str], Optional[str]]:
        """ISO start and end dates, None for an open end."""
        return tuple(d.isoformat() if d else None for d in (self.start, self.end))

    def iso(self) -> str:
        """ISO 8601: a day, or start/end with ".." for an open end."""
        if self.start == self.end:
            return self.start.isoformat()
        return "/".join(d.isoformat() if d else ".." for d in (self.start, self.end))


# --------------------------------------------------------------------------- word data

@dataclass(frozen=True)
class _Words:
    month_of: dict  # lower-cased form -> month number
    part_of: dict  # lower-cased normalised phrase -> part key
    parts: dict  # key -> {"months": [a, b], "fuzzy": bool}
    parts_of_month: dict  # "start"/"middle"/"end" -> [d1, d2]
    season_of: dict  # lower-cased form -> season key
    seasons: dict
    season_locatives: frozenset
    patterns: dict
    decade_parts: dict
    school_year_months: tuple  # (first month, last month of the next year)


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, spaces -> \\s+, "1. " -> "1\\.\\s*"."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        parts = [re.escape(p) for p in w.split(" ")]
        out.append(r"\s+".join(parts).replace(r"\.\s+", r"\.\s*"))
    return "|".join(out)


def _norm_phrase(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower()).replace(". ", ".").replace(".", ". ").strip()


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(WORDS_PATH.read_text(encoding="utf-8"))
    month_of = {f.lower(): int(m) for m, forms in data["months"].items() for f in forms}
    parts = {k: v for k, v in data["parts_of_year"].items() if not k.startswith("_")}
    part_of = {_norm_phrase(w): k for k, v in parts.items() for w in v["words"]}
    seasons = {k: v for k, v in data["seasons"].items() if not k.startswith("_")}
    season_of = {w.lower(): k for k, v in seasons.items() for w in v["words"]}
    locs = frozenset(v["words"][-1].lower() for v in seasons.values())  # the locative is listed last
    pom = {k: v for k, v in data["parts_of_month"].items() if not k.startswith("_")}
    month_part_words = [w for k in pom for w in parts[k]["words"]]

    Y4 = r"(?:1[5-9]|20)\d\d"
    D = r"(?:0?[1-9]|[12]\d|3[01])"
    MM = r"(?:0?[1-9]|1[0-2])"
    YW = "(?:" + "|".join(
        re.escape(w) + ("" if w.endswith(".") else r"(?!\w)")
        for w in sorted(data["year_words"], key=len, reverse=True)
    ) + ")"
    MON = "(?:" + "|".join(
        re.escape(f) + ("" if f.endswith(".") else r"(?!\w)")
        for f in sorted(month_of, key=len, reverse=True)
    ) + ")"
    PARTY = f"(?:{_alt(part_of)})(?!\\w)"
    PARTM = f"(?:{_alt(month_part_words)})(?!\\w)"
    SEASON = f"(?:{_alt(season_of)})(?!\\w)"
    FROM = "(?:(?:" + _alt(data["range_from"]) + r")\s+)"
    TO = r"\s*(?:" + _alt(data["range_to"]) + r")\s*"
    AND = r"\s*(?:" + _alt(data["list_and"]) + r")\s*"
    fl = re.IGNORECASE
    atoms = [
        # 19.-23.12.20.  /  19.–23.12.
        ("numrange", rf"(?P<d1>{D})\.?\s?[-–—]\s?(?P<d>{D})\.\s?(?P<m>{MM})\.(?:\s?(?P<y>\d{{4}}|\d{{2}})(?!\d)\.?)?"),
        # 20.10.2020.  10.01.21.  20.10.2020. g.
        ("numeric", rf"(?P<d>{D})\.\s?(?P<m>{MM})\.\s?(?P<y>\d{{4}}|\d{{2}})(?!\d)\.?(?:\s?g\.)?"),
        ("iso", r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
        ("slash", rf"(?P<d>{D})/(?P<m>{MM})/(?P<y>\d{{4}})(?!\d)"),
        # 19.12  19.12.  6.1.
        ("daymonth", rf"(?P<d>{D})\.(?P<m>0[1-9]|1[0-2])(?![\d,])\.?"),
        ("daymonth1", rf"(?P<d>{D})\.(?P<m>[1-9])\.(?!\d)"),
        # 2019. gada 12. augustā / 12. augustā / oktobrī / 2020. gada oktobra beigās / oktobris 2020
        ("text", rf"(?:(?P<y>{Y4})\.?\s*{YW}\s*)?(?:(?P<d>{D})\.\s*)?(?P<mon>{MON})"
                 rf"(?:\s*,?\s*(?P<y2>{Y4})(?!\d)\.?(?:\s*{YW})?)?(?:\s+(?P<mpart>{PARTM}))?"),
        # 2021. gada sākumā / 2020. beigās / 2020. gada rudenī / 2020. gada 1. ceturksnī
        # 1990. gados / 1990. gadu sākumā (decades)
        ("decade", rf"(?P<y>(?:1[5-9]|20)\d0)\.?\s*(?:(?:{_alt(data['decade_words']['plain'])})(?!\w)"
                   rf"|(?:{_alt(data['decade_words']['before_part'])})\s+(?P<part>{PARTM}))"),
        # 21. gadsimtā / XIX gadsimta beigās (centuries)
        ("century", rf"(?P<c>[12]?\d\.|[IVX]+)\s*(?:{_alt(data['century_words']['stems'])})[a-zāēīū]*"
                    rf"(?:\s+(?P<part>{PARTM}))?"),
        # 2022./2023. mācību gadā / 2022/2023 m.g. (a school year: 1 September to 31 August)
        ("schoolyear", rf"(?P<y>{Y4})\.?\s*/\s*(?P<y2>{Y4}|\d\d)\.?\s*(?:{_alt(data['school_year']['words'])})(?!\w)"),
        ("yearpart", rf"(?P<y>{Y4})\.?\s*(?:{YW}\s*)?(?:(?P<part>{PARTY})|(?P<season>{SEASON}))"),
        ("year", rf"(?P<y>{Y4})\.?\s*{YW}"),
        ("yearbare", rf"(?P<y>{Y4})(?!\d)\.?"),  # normalize_date only
        ("partalone", rf"{YW}\s+(?P<part>{PARTY})"),  # "gada beigās": needs a default year
        ("season", rf"(?P<season>{SEASON})"),
    ]
    patterns = {name: re.compile(rx, fl) for name, rx in atoms}
    # Any atom at all (group names dropped): most word starts fail this one match (_scan).
    patterns["_any_atom"] = re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", rx) for _, rx in atoms), fl)
    NB = r"(?<![\w.,])"
    DASH = r"\s*(?:" + _alt(data["range_to_dash"]) + r")\s*"
    # "19.–23. decembrī" / "no 19. līdz 23. decembrim" ("24. Līdz 2015. gada ..." is no range)
    patterns["_left_day_after_year"] = re.compile(rf"^\s+(?P<d>{D})\.?{TO}$", fl)
    patterns["_left_day"] = re.compile(
        rf"(?:(?:(?<!\w){FROM})?{NB}(?P<d>{D})\.?{DASH}|(?<!\w){FROM}{NB}(?P<d2>{D})\.?{TO})$", fl)
    patterns["_left_year"] = re.compile(rf"(?:(?<!\w){FROM})?{NB}(?P<y>{Y4})\.?{TO}$", fl)
    patterns["_left_days"] = re.compile(rf"{NB}(?P<days>(?:{D}\.{AND})+)$", fl)
    patterns["_left_years"] = re.compile(rf"{NB}(?P<years>(?:{Y4}\.{AND})+)$", fl)
    # a season's or budget's two years: "2011./2012. gada" (FullStack train: 3 of 3 one span)
    patterns["_left_year_slash"] = re.compile(rf"{NB}(?P<y>{Y4})\.\s*/\s*$", fl)
    # centuries before a century: "18. un 19. gs.", "20., 21. gadsimta", "17.-18. gs.", "XVIII–XIX"
    C = r"(?:[12]?\d\.|[IVX]+)"
    patterns["_left_centuries"] = re.compile(rf"{NB}(?P<cs>(?:{C}(?:{AND}|{DASH}))+)$", fl)
    patterns["_to"] = re.compile(rf"^{TO}$", fl)
    patterns["_and"] = re.compile(rf"^{AND}$", fl)
    patterns["_from"] = re.compile(rf"(?<!\w){FROM}$", fl)
    patterns["_since"] = re.compile(rf"(?<!\w)(?:{_alt(data['open_since'])})\s+$", fl)
    patterns["_until"] = re.compile(rf"(?<!\w)(?:{_alt(data['open_until'])})\s+$", fl)
    patterns["_this_year"] = re.compile(rf"(?<!\w)(?:{_alt(data['this_year']['words'])})\s*$", fl)
    patterns["_weekday"] = re.compile(rf"(?<!\w)(?:{_alt(data['weekdays']['words'])})(?!\w)", fl)
    CLOCK = r"\d{1,2}[.:]\d{2}(?!\d)"
    patterns["_after_clock_word"] = re.compile(rf"(?<!\w)(?:{_alt(data['clock_words'])})\s*$", fl)
    after_day = [*data["clock_words"], *data["clock_words_after_day"]["words"]]
    CURRENCY_AFTER = r"(?!\s*(?:[€$%]|(?-i:EUR|USD|LVL|Ls)\b|eiro|euro|lat(?:s|i|u|iem)\b))"
    # (a bare one is a real time of day that no date's dot and digits continue: "01.02.2021.
    # 31.12.2021." is two dates)
    BARE = rf"(?:[01]?\d|2[0-4])[.:][0-5]\d(?!\d|[.,:]\d|\.\s*\d){CURRENCY_AFTER}"
    patterns["_clock"] = re.compile(rf"(?:,?\s*(?:{_alt(after_day)})\s*|\s+(?={BARE}))"
                                    rf"{CLOCK}(?:\s*[-–—]\s*{CLOCK})?", fl)
    patterns["_day_part"] = re.compile(rf"\s+(?:{_alt(data['day_parts']['words'])})(?!\w)", fl)
    # a clock time on its own: after a clock word the hour alone will do ("no plkst. 11 līdz
    # 15"); without one, "H:MM", or "no H.MM līdz H.MM" (a bare "12.30" may be a number)
    END = r"(?!\d|[.,:]\d)"
    HOUR = rf"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?{END}"
    HM = rf"(?:[01]?\d|2[0-4])[.:][0-5]\d{END}"
    WORD = rf"(?:{_alt(data['clock_words'])})\s*"
    UNTIL = r"\s*(?:[-–—]|līdz)\s*"
    # an hour on the dot, "12.00" (FullStack train: 14 of 14 such bare tokens are times),
    # unless an amount's currency, a percent sign or a lower-case word follows ("12.00 eiro")
    NOT_AMOUNT = r"(?!\s*(?:[€$%]|(?-i:EUR|USD|LVL|Ls)\b|(?-i:[a-zāčēģīķļņšūž])))"
    patterns["_clock_alone"] = re.compile(
        rf"(?<![\w.,:])(?:(?:no\s+)?{WORD}{HOUR}(?:{UNTIL}(?:{WORD})?{HOUR})?"
        rf"|no\s+{HM}{UNTIL}{HM}"
        rf"|(?:[01]?\d|2[0-4]):[0-5]\d(?:{UNTIL}(?:[01]?\d|2[0-4]):[0-5]\d)?{END}"
        rf"|(?:[01]?\d|2[0-4])\.00(?:{UNTIL}{HM})?{END}{NOT_AMOUNT})", fl)
    patterns["_day"] = re.compile(r"\d{1,2}")
    nb = data.get("not_dates_before", {}).get("prefixes", [])
    patterns["_not_before"] = re.compile(r"\s*(?:" + "|".join(map(re.escape, nb)) + ")", fl) if nb else None
    blk = data.get("year_part_blockers", {}).get("words", [])
    patterns["_part_blocker"] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, blk)) + r")\s+$", fl) if blk else None
    rel = data["relative_year_stems"]["stems"]
    patterns["_relative"] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, rel)) + r")\w*\s+$", fl)
    return _Words(month_of, part_of, parts, pom, season_of, seasons, locs, patterns,
                  {k: tuple(v) for k, v in data["decade_words"]["parts"].items()},
                  tuple(data["school_year"]["months"]))


# --------------------------------------------------------------------------- specs

@dataclass(frozen=True)
class _Spec:
    kind: str  # day | part_of_month | month | season | part_of_year | year
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    part: Optional[str] = None  # key of parts_of_year / parts_of_month / seasons


@dataclass
class _Item:
    start: int
    end: int
    kind: str  # single | range | list
    specs: tuple
    year_explicit: bool = False
    open: Optional[str] = None  # "end" after "kopš", "start" after "līdz" (single dates only)


def _year(s: Optional[str]) -> Optional[int]:
    if not s:
        return None
    y = int(s)
    return 2000 + y if y < 100 else y


def _spec_from_match(name: str, m: re.Match, w: _Words) -> Optional[_Spec]:
    g = m.groupdict()
    if name in ("numrange", "numeric", "iso", "slash", "daymonth", "daymonth1"):
        return _Spec("day", _year(g.get("y")), int(g["m"]), int(g["d"]))
    if name == "text":
        mon = w.month_of[re.sub(r"\s+", "", g["mon"]).lower()]
        y = _year(g.get("y") or g.get("y2"))
        if g.get("d"):
            return _Spec("day", y, mon, int(g["d"]))
        if g.get("mpart"):
            return _Spec("part_of_month", y, mon, None, w.part_of[_norm_phrase(g["mpart"])])
        return _Spec("month", y, mon)
    if name in ("yearpart", "partalone", "season"):
        y = _year(g.get("y"))
        if g.get("part"):
            return _Spec("part_of_year", y, None, None, w.part_of[_norm_phrase(g["part"])])
        return _Spec("season", y, None, None, w.season_of[g["season"].lower()])
    if name == "decade":
        part = w.part_of[_norm_phrase(g["part"])] if g.get("part") else None
        return _Spec("decade", int(g["y"]), None, None, part)
    if name == "century":
        first_year = _century_start(g["c"])
        if first_year is None:
            return None
        part = w.part_of[_norm_phrase(g["part"])] if g.get("part") else None
        return _Spec("century", first_year, None, None, part)
    if name == "schoolyear":
        first, second = int(g["y"]), int(g["y2"])
        if second % 100 != (first + 1) % 100:
            return None  # "2021./2023.": no school year
        return _Spec("school_year", first)
    if name in ("year", "yearbare"):
        return _Spec("year", _year(g["y"]))
    raise AssertionError(name)


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _interval(s: _Spec, y: int, w: _Words):
    """(start, end, fuzzy) of a spec in year ``y``; None if impossible (31.02)."""
    try:
        if s.kind == "day":
            d = date(y, s.m, s.d)
            return d, d, False
        if s.kind == "month":
            return date(y, s.m, 1), date(y, s.m, _last_day(y, s.m)), False
        if s.kind == "part_of_month":
            a, b = w.parts_of_month[s.part]
            return date(y, s.m, a), date(y, s.m, min(b, _last_day(y, s.m))), True
        if s.kind == "year":
            return date(y, 1, 1), date(y, 12, 31), False
        if s.kind == "decade":
            a, b = w.decade_parts[s.part] if s.part else (0, 9)
            return date(y + a, 1, 1), date(y + b, 12, 31), bool(s.part)
        if s.kind == "century":  # its decades' parts, ten years each
            a, b = w.decade_parts[s.part] if s.part else (0, 9)
            return date(y + 10 * a, 1, 1), date(y + 10 * b + 9, 12, 31), bool(s.part)
        if s.kind == "school_year":
            a, b = w.school_year_months
            return date(y, a, 1), date(y + 1, b, _last_day(y + 1, b)), False
        if s.kind == "part_of_year":
            p = w.parts[s.part]
            a, b = p["months"]
            return date(y, a, 1), date(y, b, _last_day(y, b)), bool(p["fuzzy"])
        if s.kind == "season":
            p = w.seasons[s.part]
            a, b = p["months"]
            y0 = y + int(p.get("year_offset", 0))
            return date(y0, a, 1), date(y, b, _last_day(y, b)), True
    except ValueError:
        return None
    raise AssertionError(s.kind)


_ORDER = {g: i for i, g in enumerate(GRANULARITIES)}
_ORDER["decade"] = len(_ORDER)
_ORDER["century"] = len(_ORDER)
_ORDER["school_year"] = _ORDER["year"]


def _gran(kind: str) -> str:
    return "year" if kind in ("decade", "century", "school_year") else kind  # reported as a span of years


def _century_start(numeral: str) -> Optional[int]:
    """The first year of the century written "16." or "XVI" (None outside 1-21)."""
    number = _roman(numeral) if numeral[0] in "IVX" else int(numeral.rstrip("."))
    return (number - 1) * 100 + 1 if 1 <= number <= 21 else None


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total


def _finer(a: str, b: str) -> str:
    return a if _ORDER[a] <= _ORDER[b] else b


def _resolve_item(item: _Item, year: Optional[int], w: _Words) -> Optional[list]:
    """Resolve an item with ``year`` for its unknown years -> list of DateValue, or None."""
    if item.kind == "single":
        s = item.specs[0]
        y = s.y if s.y is not None else year
        if y is None:
            return None
        iv = _interval(s, y, w)
        return None if iv is None else [DateValue(iv[0], iv[1], _gran(s.kind), iv[2])]
    if item.kind == "list":
        out = []
        for s in item.specs:
            y = s.y if s.y is not None else year
            if y is None:
                return None
            iv = _interval(s, y, w)
            if iv is None:
                return None
            out.append(DateValue(iv[0], iv[1], _gran(s.kind), iv[2]))
        return out
    left, right = item.specs
    if left.y is None and right.y is None:
        if year is None:
            return None
        ly = ry = year
    elif left.y is None:
        ly = ry = right.y
    elif right.y is None:
        ly = ry = left.y
    else:
        ly, ry = left.y, right.y
    a, b = _interval(left, ly, w), _interval(right, ry, w)
    if a is None or b is None:
        return None
    if a[0] > b[1]:
        if left.y is None:  # "20.12 – 05.01": the start is in the previous year
            a = _interval(left, ly - 1, w)
        elif right.y is None:
            b = _interval(right, ry + 1, w)
        if a is None or b is None or a[0] > b[1]:
            return None
    return [DateValue(a[0], b[1], _gran(_finer(left.kind, right.kind)), a[2] or b[2])]


def _needs_year(item: _Item) -> bool:
    return all(s.y is None for s in item.specs)


def _span(vals: list) -> tuple:
    return min(v.start for v in vals), max(v.end for v in vals)


def _values(item: _Item, w: _Words, period: Period, years: Sequence[int]) -> Optional[list]:
    """The DateValues of ``item`` (see ``_choose``), with its open end, if any, left open."""
    vals = _choose(item, w, period, years)
    if vals and item.open:
        return [replace(v, **{item.open: None}) for v in vals]
    return vals


def _choose(item: _Item, w: _Words, period: Period, years: Sequence[int]) -> Optional[list]:
    """Resolve ``item``; a yearless one takes the year that fits ``period``, else ``years[0]``."""
    if not _needs_year(item):
        return _resolve_item(item, None, w)
    if period:
        p0, p1 = period[0], period[1]
        best = None
        for y in range(p0.year - 1, p1.year + 2):
            vals = _resolve_item(item, y, w)
            if not vals:
                continue
            a, b = _span(vals)
            if a >= p0 and b <= p1:
                key = (0, 0)
            elif a <= p1 and b >= p0:
                key = (1, -((min(b, p1) - max(a, p0)).days))
            else:
                key = (2, min(abs((a - p1).days), abs((p0 - b).days)))
            if best is None or key < best[0]:
                best = (key, vals)
        if best is not None and (best[0][0] < 2 or not years):
            return best[1]
    for y in years:
        if y is not None:
            return _resolve_item(item, y, w)
    return None


# --------------------------------------------------------------------------- scanning

# Where a date may start: an alphanumeric character after a non-alphanumeric one, not
# inside a number ("12.03" is not a date starting at "03").
WORD_START = re.compile(r"(?<![^\W_])(?<!\d[.,/-])[^\W_]")


def _scan(text: str, w: _Words, strict: bool) -> list:
    """Find atomic date expressions: [(start, end, spec, year_explicit, first_day_of_numrange)]."""
    pats = w.patterns
    names = [n for n in ("numrange", "numeric", "iso", "slash", "daymonth", "daymonth1",
                         "text", "decade", "century", "schoolyear", "yearpart", "year", "yearbare", "partalone", "season")
             if strict or n != "yearbare"]
    out, n, resume = [], len(text), 0
    for start in WORD_START.finditer(text):
        i = start.start()
        if i < resume or not pats["_any_atom"].match(text, i):
            continue
        best = None
        for name in names:
            m = pats[name].match(text, i)
            if not m:
                continue
            e = m.end()
            while e > i and text[e - 1].isspace():
                e -= 1
            if e < n and text[e].isalnum() and text[e - 1] != ".":
                continue
            if e < n and text[e].isdigit():
                continue
            if best is None or e > best[1]:
                best = (name, e, m)
        if best is None:
            continue
        name, e, m = best
        spec = _spec_from_match(name, m, w)
        ok = spec is not None
        consume = False  # skip the whole match even when it is rejected
        g = m.groupdict()
        if ok and name == "text" and spec.y is None and not g.get("d"):
            # a bare month name must be lower case ("Maija", "Augusts" are names); bare
            # abbreviations ("okt.") only when the whole text is a date (normalize_date)
            ok = g["mon"][0].islower() and (strict or not g["mon"].endswith("."))
        if ok and name == "season":
            ok = g["season"][0].islower() and (strict or g["season"].lower() in w.season_locatives)
        if ok and name == "partalone":  # "pagājušā gada beigās" is relative: not handled
            before = text[max(0, i - 40):i]
            ok = not pats["_relative"].search(before) and not (
                pats["_part_blocker"] and pats["_part_blocker"].search(before))
            # "80. gadu beigās" is the end of a decade, not of some year
            ok = ok and not re.search(r"\d\.?\s*$", before)
        if ok and name in ("daymonth", "daymonth1") and pats["_after_clock_word"].search(text, max(0, i - 12), i):
            ok = False  # "plkst. 10.10" is ten past ten
        if ok and not strict and name in ("daymonth", "daymonth1") and not (
                len(g["d"]) == 2 or text[e - 1] == "."):
            ok = False  # running text: "3.12" may be a room or a paragraph; "03.12" / "3.12." are dates
        if ok and not strict and spec.kind == "day" and pats["_not_before"] is not None \
                and pats["_not_before"].match(text, e):
            ok, consume = False, True  # "11. novembra krastmala" is a street
        if ok:
            d1 = int(g["d1"]) if name == "numrange" else None
            out.append((i, e, spec, spec.y is not None, d1))
        if ok or consume:
            resume = e
    return out


def _centuries(mm: re.Match, offset: int, end: int, spec: "_Spec") -> Optional["_Item"]:
    """The centuries written before a century and its word: a range after a dash ("17.-18.
    gs.", from the first), else a list ("18. un 19. gs.", "20., 21. gadsimta")."""
    first_years = [_century_start(c) for c in re.findall(r"[12]?\d\.|[IVX]+", mm["cs"])]
    if None in first_years:
        return None
    lefts = tuple(_Spec("century", y) for y in first_years)
    if re.search(r"[-–—]", mm["cs"]):
        return _Item(offset + mm.start(), end, "range", (lefts[0], spec), True)
    return _Item(offset + mm.start(), end, "list", (*lefts, spec), True)


def _worded(text: str, item: "_Item") -> bool:
    """The item writes its own month or year word ("20. aprīlī", "1999. gadu"): another date
    after "un" or a comma is a date of its own, not the rest of a list ("1., 2. un 3. augustā";
    FullStack train: 6 such dates tagged apart, none joined)."""
    return any(char.isalpha() for char in text[item.start:item.end])


def _range_from_before(pats: dict, text: str, start: int) -> Optional[re.Match]:
    """The "no" / "sākot no" ending right at `start`, if any. Searched in a window before
    it: searching from the text's beginning made long reports quadratic."""
    m = pats["_from"].search(text, max(0, start - 100), start)
    return m if m and m.end() == start else None


def _items(text: str, w: _Words, strict: bool) -> list:
    pats = w.patterns
    items: list = []
    for (s, e, spec, yexp, d1) in _scan(text, w, strict):
        prev_end = items[-1].end if items else 0
        if s < prev_end:
            continue  # inside the clock time a date took in ("plkst. 10.10")
        gap = text[prev_end:s]
        new = None
        last = items[-1] if items else None
        if d1 is not None:  # "19.-23.12.20."
            new = _Item(s, e, "range", (replace(spec, d=d1), spec), yexp)
        elif last is not None and last.kind == "single" and pats["_to"].match(gap) and _compatible(last.specs[0], spec):
            fm = _range_from_before(pats, text, last.start)
            start = fm.start() if fm else last.start
            items.pop()
            new = _Item(start, e, "range", (last.specs[0], spec), last.year_explicit or yexp)
        elif (spec.kind == "day" and last is not None and last.kind in ("single", "list")
              and all(x.kind == "day" for x in last.specs) and pats["_and"].match(gap)
              and spec.y is None and _needs_year(last)  # dates with their own years stay apart,
              and not _worded(text, last)):  # and so do dates with their own month's name
            items.pop()  # "3.12. un 04.12": full dates joined into a list
            new = _Item(last.start, e, "list", last.specs + (spec,), last.year_explicit or yexp)
        elif spec.kind == "day" and ((mm := pats["_left_day"].search(gap)) or (
                last is not None and last.kind == "single" and last.specs[0].kind == "year"
                and (mm := pats["_left_day_after_year"].search(gap)))):
            left = _Spec("day", spec.y, spec.m, int(mm.group("d") or mm.group("d2")))
            new = _Item(prev_end + mm.start(), e, "range", (left, spec), yexp)
        elif spec.kind in ("year", "decade") and (mm := pats["_left_year"].search(gap)):
            ly = _year(mm.group("y"))  # "2019.–2021. gadā", "1980.–1990. gados"
            left = _Spec("decade" if spec.kind == "decade" and ly % 10 == 0 else "year", ly)
            new = _Item(prev_end + mm.start(), e, "range", (left, spec), True)
        elif (spec.kind == "month" and spec.y is None and last is not None and last.kind in ("single", "list")
              and all(x.kind == "month" for x in last.specs) and pats["_and"].match(gap)
              and spec.m > last.specs[-1].m):  # "decembrī un janvārī" would run backwards
            items.pop()  # "2023. gada maijā un jūnijā": months joined into a list, in the first one's year
            new = _Item(last.start, e, "list", last.specs + (replace(spec, y=last.specs[-1].y),), last.year_explicit)
        elif (spec.kind == "year" and last is not None and last.kind in ("single", "list")
              and all(x.kind == "year" for x in last.specs) and pats["_and"].match(gap)
              and not _worded(text, last)):  # "1953. gadā, 1982. gadā": years of their own
            items.pop()  # "2020. un 2021. gadā" when "2020." was read as a year on its own
            new = _Item(last.start, e, "list", last.specs + (spec,), True)
        elif spec.kind == "year" and (mm := pats["_left_year_slash"].search(gap)) and _year(mm["y"]) + 1 == spec.y:
            new = _Item(prev_end + mm.start(), e, "range", (_Spec("year", _year(mm["y"])), spec), True)
        elif spec.kind == "century" and spec.part is None and (mm := pats["_left_centuries"].search(gap)):
            new = _centuries(mm, prev_end, e, spec)
        elif spec.kind == "year" and (mm := pats["_left_years"].search(gap)):
            years = [_year(y) for y in re.findall(r"\d{4}", mm.group("years"))]  # "2020. un 2021. gadā"
            new = _Item(prev_end + mm.start(), e, "list", tuple(_Spec("year", y) for y in years) + (spec,), True)
        elif spec.kind == "day" and (mm := pats["_left_days"].search(gap)):
            days = [int(x) for x in pats["_day"].findall(mm.group("days"))]
            specs = tuple(_Spec("day", spec.y, spec.m, d) for d in days) + (spec,)
            new = _Item(prev_end + mm.start(), e, "list", specs, yexp)
        else:
            new = _Item(s, e, "single", (spec,), yexp)
        # a bare year just before ("2020. gada 6. un 19. decembrī") gives its year
        last = items[-1] if items else None
        if (last is not None and last.kind == "single" and last.specs[0].kind == "year"
                and _needs_year(new) and not text[last.end:new.start].strip()):
            y = last.specs[0].y
            start = last.start
            fm = _range_from_before(pats, text, start)
            if new.kind == "range" and fm:  # "no 2020. gada 19. līdz ..."
                start = fm.start()
            new = _Item(start, new.end, new.kind, tuple(replace(x, y=y) for x in new.specs), True)
            items.pop()
        if _needs_year(new) and (this_year := pats["_this_year"].search(text, max(0, new.start - 12), new.start)):
            new = replace(new, start=this_year.start())  # "šā gada 2. jūlijā": the words belong to the date
        if new.specs[-1].kind == "day" and (part := pats["_day_part"].match(text, new.end)):
            new = replace(new, end=part.end())  # "27. februāra vakarā": the day
        if new.specs[-1].kind == "day" and (clock := pats["_clock"].match(text, new.end)):
            new = replace(new, end=clock.end())  # "5. decembrī plkst. 14.00": the day, at that time
        if new.kind == "single":  # "kopš 2019. gada": the words belong to the period, as "no" to a range
            window = max(0, new.start - 20)
            if since := pats["_since"].search(text, window, new.start):
                new = replace(new, start=since.start(), open="end")
            elif until := pats["_until"].search(text, window, new.start):
                new = replace(new, start=until.start(), open="start")
        items.append(new)
    return items


def _compatible(left: _Spec, right: _Spec) -> bool:
    """Can ``left`` – ``right`` be a range? (same kind of thing on both ends)"""
    if left.kind in ("year", "decade") or right.kind in ("year", "decade"):
        return left.kind in ("year", "decade") and right.kind in ("year", "decade")
    if left.kind == "day" and left.m is None:
        return right.kind == "day"
    return True


# --------------------------------------------------------------------------- public API

def _years(default_year: Optional[int], context: Optional[int] = None) -> list:
    return [y for y in (context, default_year) if y is not None]


def normalize_dates(text: str, *, default_year: Optional[int] = None,
                    period: Period = None) -> list:
    """All dates of the FIRST date expression in ``text``, one DateValue per listed day
    ("06. un 19.12" -> two values); a range or a single date gives one value."""
    w = _words()
    for item in _items(text, w, strict=True):
        vals = _values(item, w, period, _years(default_year))
        if vals:
            return vals
    return []


def normalize_date(text: str, *, default_year: Optional[int] = None,
                   period: Period = None) -> Optional[DateValue]:
    """Normalise the first date expression in ``text`` (see the module doc).

    A list of days ("06. un 19.12") gives one value from the first to the last day
    (granularity "day"); ``normalize_dates`` returns the days separately.
    A bare year ("2020") is accepted here, though not by ``find_dates``.
    """
    vals = normalize_dates(text, default_year=default_year, period=period)
    if not vals:
        return None
    if len(vals) == 1:
        return vals[0]
    a, b = _span(vals)
    g = vals[0].granularity
    for v in vals[1:]:
        g = _finer(g, v.granularity)
    return DateValue(a, b, g, any(v.fuzzy for v in vals))


def find_dates(text: str, *, default_year: Optional[int] = None,
               period: Period = None, keep_unresolved: bool = False) -> list:
    """Date expressions in running text: [(start_char, end_char, DateValue)].

    Ranges ("no 19. līdz 23. decembrim") and lists ("06. un 19.12") are one span each
    (a list spans its first..last day).  Yearless expressions take the year from
    ``period``, else the last explicit year earlier in the text, else ``default_year``;
    without any they are skipped, or, with ``keep_unresolved``, given with value None
    (a tagger still wants the span of "4.septembrī" in a text with no year).
    Bare numbers ("2020") are not taken for years here.
    """
    w = _words()
    out, context = [], None
    for item in _items(text, w, strict=False):
        vals = _values(item, w, period, _years(default_year, context))
        if item.year_explicit:
            ys = [s.y for s in item.specs if s.y is not None]
            if ys:
                context = ys[-1]
        if not vals:
            if keep_unresolved:
                out.append((item.start, item.end, None))
            continue
        if len(vals) == 1:
            v = vals[0]
        else:  # a list of days or of years spans its first .. last
            a, b = _span(vals)
            v = DateValue(a, b, vals[0].granularity if len({x.granularity for x in vals}) == 1 else "day",
                          any(x.fuzzy for x in vals))
        out.append((item.start, item.end, v))
    return out


def find_undated_times(text: str) -> list:
    """Clock times and days of the week standing alone: [(start_char, end_char)] of "plkst.
    14.00", "pulksten 11", "no plkst. 11 līdz 15", "no 9.00 līdz 12.30", "12:35", "piektdien"
    (FullStack train marks clock times as time expressions: 37 of 39 tokens; weekdays 43 of
    56). A clock time after a day is part of the day's span (`find_dates`), a weekday before
    one is not ("sestdien, 21. novembrī": FullStack dev, two of three); these have no date
    to normalise to."""
    patterns = _words().patterns
    return sorted(m.span() for name in ("_clock_alone", "_weekday") for m in patterns[name].finditer(text))


if __name__ == "__main__":  # pragma: no cover
    import sys

    for line in (sys.argv[1:] or sys.stdin):
        line = line.strip()
        print(line, "->", [(line[s:e], v.iso(), v.granularity, v.fuzzy) for s, e, v in find_dates(line)])
