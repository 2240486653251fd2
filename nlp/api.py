"""The library API notebooks use: read, extract, tabulate."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from .io.doc_consumer import indicators_from_doc
from .pipeline import annotate, annotate_many, load
from .reader import Report, read_report, read_text
from .records import Indicator


def extract(source: str | Path | Report, *, nlp=None) -> list[Indicator]:
    """Indicator records of a report, a report file path, or a string of Latvian text.

    A `str` that names an existing file is read as that file; any other `str` is text."""
    report = _as_report(source)
    nlp = nlp or load()
    return indicators_from_doc(annotate(nlp, report), report)


def extract_many(sources: Iterable[str | Path | Report], *, nlp=None, batch_size: int = 16) -> list[Indicator]:
    nlp = nlp or load()
    reports = [_as_report(s) for s in sources]
    records: list[Indicator] = []
    for report, doc in zip(reports, annotate_many(nlp, reports, batch_size=batch_size)):
        records.extend(indicators_from_doc(doc, report))
    return records


def to_dataframe(records: Iterable[Indicator]) -> pd.DataFrame:
    """Records as a DataFrame with one column per `Indicator` field."""
    return pd.DataFrame([r.to_dict() for r in records], columns=Indicator.field_names())


def extract_dataframe(sources: Iterable[str | Path | Report] | str | Path | Report, *, nlp=None) -> pd.DataFrame:
    if isinstance(sources, (str, Path, Report)):
        sources = [sources]
    return to_dataframe(extract_many(sources, nlp=nlp))


def _as_report(source: str | Path | Report) -> Report:
    if isinstance(source, Report):
        return source
    if isinstance(source, Path) or _names_a_file(source):
        return read_report(source)
    return read_text(str(source))


def _names_a_file(text: str) -> bool:
    """Whether a string is a path to an existing file (a long sentence is not, even if
    the OS refuses to look it up: "File name too long")."""
    if "\n" in text:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False
