"""Mine an archive: every readable report under the given files and folders, into a store."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd

from .api import to_dataframe
from .errors import LvmineError
from .io.db_writer import DuckDBStore
from .io.doc_consumer import indicators_from_doc
from .pipeline import load
from .reader import content_id, read_bytes, read_report, report_from_bytes
from .records import Indicator

SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class MineSummary:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    records: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and every report file under folders (recursively, sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def mine(paths: Iterable[str | Path], out: str | Path, *, progress: Callable[[], None] | None = None) -> MineSummary:
    """Read, extract and store every document; documents already in the store are skipped,
    unreadable ones are recorded in its `errors` table and the summary."""
    nlp = load()
    summary = MineSummary()
    with DuckDBStore(out) as store:
        stored = store.stored_ids()
        for path in iter_documents(paths):
            summary.read += 1
            try:
                data = read_bytes(path)
                if content_id(data) in stored:
                    summary.already_stored += 1
                    continue
                report = report_from_bytes(data, str(path), strict=False)
                records = indicators_from_doc(nlp(report.text), report)
            except LvmineError as exc:
                problem = getattr(exc, "problem", str(exc))
                summary.skipped.append((str(path), problem))
                store.write_error(str(path), problem)
                continue
            finally:
                if progress:
                    progress()
            store.write(report, records)
            stored.add(report.doc_id)
            summary.stored += 1
            summary.records += len(records)
    return summary


def mine_dataframe(paths: Iterable[str | Path]) -> pd.DataFrame:
    """Indicator records of every readable document under `paths`, without a store.
    Unreadable documents are listed in `frame.attrs["skipped"]` as (path, reason)."""
    nlp = load()
    records: list[Indicator] = []
    skipped: list[tuple[str, str]] = []
    for path in iter_documents(paths):
        try:
            report = read_report(path, strict=False)
        except LvmineError as exc:
            skipped.append((str(path), getattr(exc, "problem", str(exc))))
            continue
        records.extend(indicators_from_doc(nlp(report.text), report))
    frame = to_dataframe(records)
    frame.attrs["skipped"] = skipped
    return frame
