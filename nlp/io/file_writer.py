"""File stores: JSONL, CSV (one file per table) and a Parquet folder.

They keep the SQL stores' promise with a ledger: a document counts as stored only
once its rows are on disk and the ledger says so. On open, rows written after
the last ledger entry (a run killed mid-document) are cut off, so a resumed run
ends with exactly the rows of an uninterrupted one.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..reader import Report
from ..records import Indicator
from .rows import ARROW_SCHEMAS, COLUMNS, DERIVED_COLUMNS, TABLE_COLUMNS, document_rows


def write_parquet(rows: list[dict], table: str, path: Path) -> None:
    """Write rows atomically (temporary file, then rename) with the table's schema."""
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS[table]), tmp)
    os.replace(tmp, path)


def read_parquet_folder(folder: Path, table: str, names: list[str] | None = None) -> pd.DataFrame:
    files = sorted((folder / table).glob("*.parquet")) if names is None else [folder / table / f"{n}.parquet" for n in names]
    if not files:
        return ARROW_SCHEMAS[table].empty_table().to_pandas()
    return pd.concat([pq.read_table(f, schema=ARROW_SCHEMAS[table]).to_pandas() for f in files], ignore_index=True)


class LineFileStore:
    """`out.jsonl` / `out.csv` holds the indicators; `out.reports.*`, `out.errors.*` and the
    other tables beside it."""

    def __init__(self, path: str | Path, fmt: str):
        self.fmt = fmt
        path = Path(path)
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        self.paths = {name: path if name == "indicators" else path.with_name(f"{stem}.{name}.{fmt}")
                      for name in COLUMNS}
        self.derived_paths = {name: path.with_name(f"{stem}.{name}.{fmt}") for name in DERIVED_COLUMNS}
        self.ledger_path = path.with_name(f"{path.name}.ledger")
        self.done: set[str] = set()
        self.errored: set[str] = set()
        offsets = {name: 0 for name in self.paths}
        if self.ledger_path.exists():
            for line in self.ledger_path.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                (self.errored if entry["kind"] == "error" else self.done).add(entry["key"])
                offsets.update(entry["offsets"])
        for name, file_path in self.paths.items():
            if file_path.exists() and file_path.stat().st_size > offsets[name]:
                with open(file_path, "r+b") as handle:
                    handle.truncate(offsets[name])  # rows of a document the ledger never confirmed
        self.handles = {name: open(p, "a", encoding="utf-8", newline="") for name, p in self.paths.items()}
        entities = self.paths["entities"]
        self.entity_ids = set(_read_lines(entities, fmt, COLUMNS["entities"])["id"]) if entities.exists() else set()
        self.ledger = open(self.ledger_path, "a", encoding="utf-8")

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for handle in [*self.handles.values(), self.ledger]:
            handle.close()

    def stored_ids(self) -> set[str]:
        return set(self.done)

    def write(self, report: Report, records: list[Indicator]) -> None:
        for table, rows in _new_entities_only(document_rows(report, records), self.entity_ids).items():
            if rows:
                self._append(table, rows)
        self._commit("report", report.doc_id)
        self.done.add(report.doc_id)

    def write_error(self, doc: str, problem: str) -> None:
        if doc in self.errored:
            return  # already recorded by an earlier run
        self._append("errors", [{"doc": doc, "problem": problem}])
        self._commit("error", doc)
        self.errored.add(doc)

    def _append(self, table: str, rows: list[dict]) -> None:
        handle = self.handles[table]
        handle.write(self._format(table, rows, header=handle.tell() == 0))

    def _format(self, table: str, rows: list[dict], header: bool) -> str:
        if self.fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS[table])
        if header:
            writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()

    def replace_derived(self, table: str, rows: list[dict]) -> None:
        """Replace a derived table's file atomically (temporary file, then rename)."""
        path = self.derived_paths[table]
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(self._format(table, rows, header=True), encoding="utf-8")
        os.replace(tmp, path)

    def _commit(self, kind: str, key: str) -> None:
        for handle in self.handles.values():
            handle.flush()
            os.fsync(handle.fileno())
        offsets = {name: handle.tell() for name, handle in self.handles.items()}
        self.ledger.write(json.dumps({"kind": kind, "key": key, "offsets": offsets}) + "\n")
        self.ledger.flush()
        os.fsync(self.ledger.fileno())

    def table(self, name: str) -> pd.DataFrame:
        if name in self.handles:
            self.handles[name].flush()
        path = self.paths.get(name) or self.derived_paths[name]
        return _read_lines(path, self.fmt, TABLE_COLUMNS[name])

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.table(name) for name in TABLE_COLUMNS}


def _read_lines(path: Path, fmt: str, columns: list[str]) -> pd.DataFrame:
    if not path.exists() or path.stat().st_size == 0:
        return pd.DataFrame(columns=columns)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


class ParquetStore:
    """A folder with `reports/`, `indicators/`, `errors/`, each of Parquet part files,
    written every `flush_docs` documents; `parts.ledger` lists the complete parts."""

    def __init__(self, folder: str | Path, flush_docs: int = 200):
        self.folder = Path(folder)
        self.flush_docs = flush_docs
        for name in COLUMNS:
            (self.folder / name).mkdir(parents=True, exist_ok=True)
        self.ledger_path = self.folder / "parts.ledger"
        self.parts = self.ledger_path.read_text().split() if self.ledger_path.exists() else []
        for name in COLUMNS:
            for part in (self.folder / name).glob("*.parquet"):
                if part.stem not in self.parts:
                    part.unlink()  # written by a run killed before its ledger entry
        self.buffer: dict[str, list[dict]] = {name: [] for name in COLUMNS}
        self.buffered_docs = 0
        self.done = set(self.table("reports")["doc_id"])
        self.errored = set(self.table("errors")["doc"])
        self.entity_ids = set(self.table("entities")["id"])

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.flush()

    def stored_ids(self) -> set[str]:
        return set(self.done)

    def write(self, report: Report, records: list[Indicator]) -> None:
        for table, rows in _new_entities_only(document_rows(report, records), self.entity_ids).items():
            self.buffer[table].extend(rows)
        self.done.add(report.doc_id)
        self._count()

    def write_error(self, doc: str, problem: str) -> None:
        if doc not in self.errored:
            self.buffer["errors"].append({"doc": doc, "problem": problem})
            self.errored.add(doc)
            self._count()

    def _count(self) -> None:
        self.buffered_docs += 1
        if self.buffered_docs >= self.flush_docs:
            self.flush()

    def flush(self) -> None:
        if not self.buffered_docs:
            return
        part = f"part-{len(self.parts):05d}"
        for name, rows in self.buffer.items():
            write_parquet(rows, name, self.folder / name / f"{part}.parquet")
        self.parts.append(part)
        with open(self.ledger_path, "a") as ledger:
            ledger.write(part + "\n")
            ledger.flush()
            os.fsync(ledger.fileno())
        self.buffer = {name: [] for name in COLUMNS}
        self.buffered_docs = 0

    def replace_derived(self, table: str, rows: list[dict]) -> None:
        """A derived table is one Parquet file, replaced atomically."""
        self.flush()
        (self.folder / table).mkdir(exist_ok=True)
        write_parquet(rows, table, self.folder / table / "all.parquet")

    def table(self, name: str) -> pd.DataFrame:
        self.flush()
        if name in DERIVED_COLUMNS:
            return read_parquet_folder(self.folder, name)
        return read_parquet_folder(self.folder, name, self.parts)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.table(name) for name in TABLE_COLUMNS}


def _new_entities_only(rows: dict[str, list[dict]], known: set[str]) -> dict[str, list[dict]]:
    """Drop entity rows an earlier document already stored; remember the new ones."""
    rows["entities"] = [e for e in rows["entities"] if e["id"] not in known]
    known.update(e["id"] for e in rows["entities"])
    return rows
