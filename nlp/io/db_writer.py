"""The embedded default store: a DuckDB file with `reports`, `indicators` and `errors`.

Each document's rows are written in one transaction keyed by the content hash of
its bytes (`doc_id`), so a re-run skips what is stored and never duplicates it.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd

from ..reader import Report
from ..records import Indicator

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    doc_id VARCHAR PRIMARY KEY, doc VARCHAR, format VARCHAR, encoding VARCHAR,
    title VARCHAR, task VARCHAR, performer VARCHAR, period_start DATE, period_end DATE,
    goals JSON, budget JSON, irregular_spending VARCHAR, unrecovered_amount VARCHAR,
    other_info VARCHAR, extra_fields JSON, warnings JSON, text VARCHAR, n_indicators INTEGER,
    mined_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS indicators (
    doc_id VARCHAR, doc VARCHAR, id VARCHAR PRIMARY KEY, value DOUBLE, value_max DOUBLE,
    qualifier VARCHAR, unit VARCHAR, unit_text VARCHAR, kind VARCHAR, currency VARCHAR,
    indicator VARCHAR, parent VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
    sentence VARCHAR, section VARCHAR
);
CREATE TABLE IF NOT EXISTS errors (
    doc VARCHAR, problem VARCHAR, logged_at TIMESTAMP DEFAULT current_timestamp
);
"""
REPORT_COLUMNS = ["doc_id", "doc", "format", "encoding", "title", "task", "performer", "period_start",
                  "period_end", "goals", "budget", "irregular_spending", "unrecovered_amount", "other_info",
                  "extra_fields", "warnings", "text", "n_indicators"]
JSON_COLUMNS = {"goals", "budget", "extra_fields", "warnings"}


class DuckDBStore:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "DuckDBStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stored_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT doc_id FROM reports").fetchall()}

    def write(self, report: Report, records: list[Indicator]) -> None:
        """Store one document and its records atomically (all or nothing)."""
        meta = report.metadata()
        meta["text"] = report.text
        meta["n_indicators"] = len(records)
        row = [json.dumps(meta[c], ensure_ascii=False) if c in JSON_COLUMNS else meta[c] for c in REPORT_COLUMNS]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(f"INSERT INTO reports ({', '.join(REPORT_COLUMNS)}) VALUES ({', '.join('?' * len(row))})", row)
            if records:
                frame = pd.DataFrame([{"doc_id": report.doc_id, **r.to_dict()} for r in records])
                self.con.register("new_indicators", frame)
                self.con.execute("INSERT INTO indicators BY NAME SELECT * FROM new_indicators")
                self.con.unregister("new_indicators")
            self.con.execute("DELETE FROM errors WHERE doc = ?", [report.doc])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def write_error(self, doc: str, problem: str) -> None:
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM errors WHERE doc = ?", [doc])
        self.con.execute("INSERT INTO errors (doc, problem) VALUES (?, ?)", [doc, problem])
        self.con.execute("COMMIT")


def read_store(path: str | Path) -> dict[str, pd.DataFrame]:
    """The store's tables as DataFrames: {"reports", "indicators", "errors"}."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {name: con.execute(f"SELECT * FROM {name}").df() for name in ("reports", "indicators", "errors")}
    finally:
        con.close()
