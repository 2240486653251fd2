"""SQL stores: DuckDB (the embedded default) and SQLite, with tables `reports`,
`indicators`, `entities`, `indicator_entities`, `errors` and the derived `entity_links`.

Rows are keyed by the content hash of each document's bytes (`doc_id`) and
committed with whole documents only (up to BATCH_DOCS per transaction), so a run
killed at any moment and started again ends with exactly the rows of an
uninterrupted run.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ..reader import Report
from ..records import Indicator
from .rows import ARROW_SCHEMAS, COLUMNS, TABLE_COLUMNS, document_rows

# Documents per transaction. Each commit costs milliseconds (DuckDB: ~60 ms per document
# when every document was its own transaction, most of the mining time).
BATCH_DOCS = 32
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
CREATE TABLE IF NOT EXISTS entity_links (
    entity_id VARCHAR PRIMARY KEY, label VARCHAR, canonical VARCHAR, linked_id VARCHAR, linked_name VARCHAR
);
"""


class SQLStore:
    """Shared logic of the SQL backends; subclasses open the connection."""

    def __init__(self, path: str | Path, batch_docs: int = BATCH_DOCS):
        self.path = str(path)
        self.batch_docs = batch_docs
        self.pending: dict[str, list[dict]] = {table: [] for table in COLUMNS}
        self.pending_docs: list[str] = []
        try:
            self.con = self._connect()
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.con.execute(statement)
        except (duckdb.Error, sqlite3.DatabaseError) as err:
            raise ValueError(f"{self.path}: cannot be opened as a {self.kind} store ({err})") from None

    def _connect(self):
        raise NotImplementedError

    def close(self) -> None:
        self.flush()
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stored_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT doc_id FROM reports").fetchall()}

    def write(self, report: Report, records: list[Indicator]) -> None:
        """Queue one document's rows; they are committed with whole documents only."""
        self._queue(report.doc, document_rows(report, records))

    def write_error(self, doc: str, problem: str) -> None:
        self._queue(doc, {"errors": [{"doc": doc, "problem": problem}]})

    def _queue(self, doc: str, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            self.pending[table].extend(table_rows)
        self.pending_docs.append(doc)
        if len(self.pending_docs) >= self.batch_docs:
            self.flush()

    def flush(self) -> None:
        """Commit the queued documents in one transaction: a run killed before it ends
        loses whole documents only, which the next run processes again."""
        if not self.pending_docs:
            return
        with self._transaction():
            marks = ", ".join("?" * len(self.pending_docs))
            self.con.execute(f"DELETE FROM errors WHERE doc IN ({marks})", self.pending_docs)
            for table, rows in self.pending.items():
                if table == "entities":
                    rows = list({row["id"]: row for row in rows}.values())
                if rows:
                    self._insert(table, rows)
        self.pending = {table: [] for table in COLUMNS}
        self.pending_docs = []

    def replace_derived(self, table: str, rows: list[dict]) -> None:
        """Replace a derived table (see rows.DERIVED_COLUMNS) in one transaction."""
        self.flush()
        with self._transaction():
            self.con.execute(f"DELETE FROM {table}")
            if rows:
                self._insert(table, rows)

    @contextmanager
    def _transaction(self):
        """Everything in the block commits together or not at all."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _insert(self, table: str, rows: list[dict]) -> None:
        columns = TABLE_COLUMNS[table]
        names = ", ".join(f'"{c}"' for c in columns)
        # Entities are shared across documents: the first document to name one stores it.
        verb = "INSERT OR IGNORE" if table == "entities" else "INSERT"
        self.con.executemany(f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})",
                             [[row[c] for c in columns] for row in rows])

    def table(self, name: str) -> pd.DataFrame:
        self.flush()
        if isinstance(self.con, sqlite3.Connection):
            return pd.read_sql_query(f"SELECT * FROM {name}", self.con)
        return self.con.execute(f"SELECT * FROM {name}").df()

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.table(name) for name in TABLE_COLUMNS}


class DuckDBStore(SQLStore):
    kind = "DuckDB"

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
    kind = "SQLite"

    def _connect(self):
        # isolation_level=None: transactions are explicit, one per document.
        return sqlite3.connect(self.path, isolation_level=None)
