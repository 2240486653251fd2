"""Turning annotated Docs into rows (`doc_consumer`) and storing them (`open_store`)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMATS = ("duckdb", "sqlite", "parquet", "jsonl", "csv")
SUFFIX_FORMATS = {".duckdb": "duckdb", ".db": "duckdb", ".sqlite": "sqlite", ".sqlite3": "sqlite",
                  ".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def store_format(target: str | Path, fmt: str | None = None) -> str:
    """The store format named by `fmt`, else by the target's suffix; a folder means Parquet."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown store format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    target = Path(target)
    if target.suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[target.suffix.lower()]
    if target.is_dir() or not target.suffix:
        return "parquet"
    raise ValueError(f"{target}: cannot tell the store format from the suffix {target.suffix!r}; "
                     f"use .duckdb, .sqlite, .jsonl, .csv or a folder (Parquet)")


def open_store(target: str | Path, fmt: str | None = None):
    from .db_writer import DuckDBStore, SQLiteStore
    from .file_writer import LineFileStore, ParquetStore

    fmt = store_format(target, fmt)
    if fmt == "duckdb":
        return DuckDBStore(target)
    if fmt == "sqlite":
        return SQLiteStore(target)
    if fmt == "parquet":
        return ParquetStore(target)
    return LineFileStore(target, fmt)


def read_store(target: str | Path, fmt: str | None = None) -> dict[str, pd.DataFrame]:
    """The store's tables as DataFrames: {"reports", "indicators", "errors"}."""
    if not Path(target).exists():
        raise FileNotFoundError(f"{target}: no such store")
    with open_store(target, fmt) as store:
        return store.tables()
