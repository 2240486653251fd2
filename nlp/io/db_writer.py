"""SQL stores: DuckDB (the embedded default) and SQLite, with tables `reports`,
`indicators` and `errors`.

Each document's rows are written in one transaction keyed by the content hash of
its bytes (`doc_id`), so a run killed at any moment and started again ends with
exactly the rows of an uninterrupted run.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ..reader import Report
from ..records import Indicator
from .rows import ARROW_SCHEMAS, COLUMNS, document_rows

TABLES = tuple(COLUMNS)
SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    doc_id VARCHAR PRIMARY KEY, doc VARCHAR, format VARCHAR, encoding VARCHAR,
    title VARCHAR, task VARCHAR, performer VARCHAR, period_start DATE, period_end DATE,
    goals VARCHAR, budget VARCHAR, irregular_spending VARCHAR, unrecovered_amount VARCHAR,
    other_info VARCHAR, extra_fields VARCHAR, warnings VARCHAR, text VARCHAR, n_indicators INTEGER
);
CREATE TABLE IF NOT EXISTS indicators (
    doc_id VARCHAR, doc VARCHAR, id VARCHAR PRIMARY KEY, value DOUBLE, value_max DOUBLE,
    qualifier VARCHAR, unit VARCHAR, unit_text VARCHAR, kind VARCHAR, currency VARCHAR,
    indicator VARCHAR, parent VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
    sentence VARCHAR, section VARCHAR, entities VARCHAR
);
CREATE TABLE IF NOT EXISTS entities (id VARCHAR PRIMARY KEY, label VARCHAR, canonical VARCHAR);
CREATE TABLE IF NOT EXISTS indicator_entities (
    indicator_id VARCHAR, entity_id VARCHAR, label VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
    source VARCHAR, date_start VARCHAR, date_end VARCHAR
);
CREATE TABLE IF NOT EXISTS errors (doc VARCHAR PRIMARY KEY, problem VARCHAR);
"""


class SQLStore:
    """Shared logic of the SQL backends; subclasses open the connection."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.con = self._connect()
        for statement in SCHEMA.split(";"):
            if statement.strip():
                self.con.execute(statement)

    def _connect(self):
        raise NotImplementedError

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stored_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT doc_id FROM reports").fetchall()}

    def write(self, report: Report, records: list[Indicator]) -> None:
        """Store one document and its records atomically (all or nothing)."""
        self._transaction(report.doc, document_rows(report, records))

    def write_error(self, doc: str, problem: str) -> None:
        self._transaction(doc, {"errors": [{"doc": doc, "problem": problem}]})

    def _transaction(self, doc: str, rows: dict[str, list[dict]]) -> None:
        """Insert rows and replace the document's earlier error, in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM errors WHERE doc = ?", [doc])
            for table, table_rows in rows.items():
                if table_rows:
                    self._insert(table, table_rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, rows: list[dict]) -> None:
        columns = COLUMNS[table]
        names = ", ".join(f'"{c}"' for c in columns)
        # Entities are shared across documents: the first document to name one stores it.
        verb = "INSERT OR IGNORE" if table == "entities" else "INSERT"
        self.con.executemany(f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})",
                             [[row[c] for c in columns] for row in rows])

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: pd.read_sql_query(f"SELECT * FROM {name}", self.con) if isinstance(self.con, sqlite3.Connection)
                else self.con.execute(f"SELECT * FROM {name}").df() for name in TABLES}


class DuckDBStore(SQLStore):
    def _connect(self):
        return duckdb.connect(self.path)

    def _insert(self, table: str, rows: list[dict]) -> None:
        # DuckDB's executemany costs ~0.1 s per document; an Arrow scan is near free.
        self.con.register("incoming_rows", pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS[table]))
        try:
            verb = "INSERT OR IGNORE" if table == "entities" else "INSERT"
            self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM incoming_rows")
        finally:
            self.con.unregister("incoming_rows")


class SQLiteStore(SQLStore):
    def _connect(self):
        # isolation_level=None: transactions are explicit, one per document.
        return sqlite3.connect(self.path, isolation_level=None)
