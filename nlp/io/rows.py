"""Rows for the tables every store has: reports, indicators, entities, indicator_entities
(the link: which organisation, place and date each indicator belongs to) and errors."""
from __future__ import annotations

import json

import pyarrow as pa

from ..reader import Report
from ..records import Indicator

REPORT_COLUMNS = ["doc_id", "doc", "format", "encoding", "title", "task", "performer", "period_start",
                  "period_end", "goals", "budget", "irregular_spending", "unrecovered_amount", "other_info",
                  "extra_fields", "warnings", "text", "n_indicators"]
# Nested values are stored as JSON strings so that every backend holds the same row.
JSON_COLUMNS = {"goals", "budget", "extra_fields", "warnings"}
INDICATOR_COLUMNS = ["doc_id", *Indicator.field_names()]
ERROR_COLUMNS = ["doc", "problem"]
ENTITY_COLUMNS = ["id", "label", "canonical"]
LINK_COLUMNS = ["indicator_id", "entity_id", "label", "text", "start", "end", "source", "date_start", "date_end"]


def report_row(report: Report, n_indicators: int) -> dict:
    meta = report.metadata()
    meta["text"] = report.text
    meta["n_indicators"] = n_indicators
    return {c: json.dumps(meta[c], ensure_ascii=False) if c in JSON_COLUMNS else meta[c] for c in REPORT_COLUMNS}


def document_rows(report: Report, records: list[Indicator]) -> dict[str, list[dict]]:
    """Every row one document adds, by table (entities once per document)."""
    entities: dict[str, dict] = {}
    links = []
    for record in records:
        for entity in record.entities:
            entities.setdefault(entity["id"], {c: entity[c] for c in ("id", "label", "canonical")})
            links.append({"indicator_id": record.id, "entity_id": entity["id"],
                          **{c: entity.get(c) for c in LINK_COLUMNS[2:]}})
    return {"reports": [report_row(report, len(records))], "indicators": indicator_rows(report, records),
            "entities": list(entities.values()), "indicator_entities": links}


def indicator_rows(report: Report, records: list[Indicator]) -> list[dict]:
    rows = []
    for record in records:
        row = {"doc_id": report.doc_id, **record.to_dict()}
        row["entities"] = json.dumps(row["entities"], ensure_ascii=False)
        rows.append(row)
    return rows
# Tables filled document by document (each document's rows are committed together).
COLUMNS = {"indicators": INDICATOR_COLUMNS, "reports": REPORT_COLUMNS, "entities": ENTITY_COLUMNS,
           "indicator_entities": LINK_COLUMNS, "errors": ERROR_COLUMNS}
# Tables derived from the whole store at the end of a run and replaced as a whole:
# `entity_links` maps every entity to the archive-wide entity it was linked to.
DERIVED_COLUMNS = {"entity_links": ["entity_id", "label", "canonical", "linked_id", "linked_name"]}
TABLE_COLUMNS = {**COLUMNS, **DERIVED_COLUMNS}
_TYPES = {"value": pa.float64(), "value_max": pa.float64(), "start": pa.int64(), "end": pa.int64(),
          "n_indicators": pa.int64()}
# One Arrow schema per table, so every backend and every part file has the same columns and types.
ARROW_SCHEMAS = {table: pa.schema([(c, _TYPES.get(c, pa.string())) for c in columns])
                 for table, columns in TABLE_COLUMNS.items()}
