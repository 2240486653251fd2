"""Mine an archive: every readable report under the given files and folders, into a store.

One function, `process_documents`, turns a batch of paths into rows; it runs in
this process, in a pool of worker processes (each loads the models once), or on a
Dask cluster. Only the main process writes to the store, committing whole
documents only (SQL transactions of up to 32 documents, or a ledger entry per
document), so a killed run resumes without loss or duplicates.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd
from spacy.util import minibatch

from .entities.linking import LINKED_LABELS, EntityRegistry, link_entities
from .errors import LvmineError
from .io import open_store
from .io.rows import DERIVED_COLUMNS
from .io.doc_consumer import indicators_from_doc
from .reader import Report, content_id, read_bytes, report_from_bytes
from .records import Indicator

SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
# Documents a worker annotates together (`process_documents`): enough for the NER's batch
# decoding to pay, few enough that a killed run loses little and memory stays flat.
BATCH_DOCUMENTS = 16


@dataclass
class MineSummary:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    records: int = 0
    linked_entities: int = 0  # distinct ORG/LOC/PER/... entities after archive-wide linking
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


@dataclass
class DocResult:
    doc: str
    report: Report | None = None
    records: list[Indicator] = field(default_factory=list)
    error: str | None = None
    already_stored: bool = False


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and every report file under folders (recursively, sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


_skip_ids: frozenset[str] = frozenset()
_load_options: dict = {}  # pipeline.load arguments of this worker


def _init_worker(skip_ids: frozenset[str], ner: bool = True, backend: str = "lexicon",
                 side_by_side: bool = False) -> None:
    global _skip_ids, _load_options
    if side_by_side:
        # Worker processes already share the cores: a second OpenBLAS thread in each of
        # them (the models' matrix products, see pipeline.load) would only compete.
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
    # Mining stores only the entities attached to indicators: the NER runs only where they come from.
    # Nothing mining stores reads a dependency parse: the parser (most of stanza's time) stays out.
    _skip_ids, _load_options = skip_ids, {"backend": backend, "ner": ner, "entity_scope": "indicators",
                                          "parse": False}
    from .pipeline import load

    load(**_load_options)  # once per worker process
    if side_by_side:
        # The pool's own process, which keeps its models to the end: frozen, their ~276,000
        # objects (torch's and pandas' functions most) drop out of every full collection of
        # the cyclic garbage collector (LVTB test, lexicon backend, cold: 0.20 -> 0.10 s in
        # collections per 26k words).
        gc.collect()
        gc.freeze()


def process_documents(paths: list[str | Path]) -> list[DocResult]:
    """Read and extract a few documents (those not in this worker's `_skip_ids`), annotated
    as one batch: the NER decodes a batch of documents in one pass, at about half its cost
    one by one. Errors become results, never exceptions: when the batch fails, its
    documents are retried one by one, so one bad document costs only its own result."""
    from .pipeline import annotate, annotate_many, load

    results = [_read_document(path, _skip_ids) for path in paths]
    pending = [result for result in results if result.report is not None]
    nlp = load(**_load_options)
    try:
        docs = list(annotate_many(nlp, [result.report for result in pending], batch_size=len(pending) or 1))
    except Exception:
        docs = None
    for i, result in enumerate(pending):
        try:
            doc = docs[i] if docs is not None else annotate(nlp, result.report)
            result.records = indicators_from_doc(doc, result.report)
        except Exception as exc:  # one bad document must not stop an archive
            result.report, result.error = None, _problem(exc)
    return results


def _read_document(path: str | Path, skip_ids: frozenset[str]) -> DocResult:
    doc = str(path)
    try:
        data = read_bytes(path)
        if content_id(data) in skip_ids:
            return DocResult(doc, already_stored=True)
        return DocResult(doc, report_from_bytes(data, doc, strict=False))
    except Exception as exc:
        return DocResult(doc, error=_problem(exc))


def _problem(exc: Exception) -> str:
    """The reason a document is skipped."""
    if isinstance(exc, LvmineError):
        return getattr(exc, "problem", str(exc))
    return f"unexpected failure ({type(exc).__name__}: {exc})"


def archive_registry(links: pd.DataFrame | None, registry_path: str | Path | None = None) -> EntityRegistry:
    """The entity registry a run links against: the JSON file `registry_path` when it
    exists (shared by several stores or runs), else the links a store already holds, so
    that entities keep their linked ids from run to run. New entities get the id of
    their first canonical name (`annotate.attach.entity_id`), the same in every store."""
    from .annotate.attach import entity_id

    if registry_path is not None and Path(registry_path).exists():
        try:
            return EntityRegistry.load(registry_path, make_id=entity_id)
        except (ValueError, KeyError, TypeError) as err:
            raise ValueError(f"{registry_path}: not an entity registry ({type(err).__name__}: {err})") from None
    entities = {}
    for row in links.itertuples() if links is not None else ():
        if row.label in LINKED_LABELS:
            entity = entities.setdefault(row.linked_id, {"id": row.linked_id, "name": row.linked_name,
                                                         "label": row.label, "aliases": [], "count": 0})
            if row.canonical != row.linked_name:
                entity["aliases"].append(row.canonical)
    return EntityRegistry.from_dict({"entities": list(entities.values())}, make_id=entity_id)


def archive_links(entities: pd.DataFrame, links: pd.DataFrame | None = None, registry_path: str | Path | None = None) -> list[dict]:
    """The `entity_links` rows for an archive's `entities` table (fuzzy linking over
    canonical names, against `archive_registry`); saves the registry to `registry_path`
    if given."""
    registry = archive_registry(links, registry_path)
    rows = link_entities(entities.drop_duplicates("id").to_dict("records"), registry)
    if registry_path is not None:
        registry.save(registry_path)
    return rows


def check_registry(registry_path: str | Path | None) -> None:
    """Fail before mining, not after it, when the registry file cannot be read."""
    if registry_path is not None and Path(registry_path).exists():
        archive_registry(None, registry_path)


def link_archive(store, registry_path: str | Path | None = None) -> int:
    """Link the store's entities archive-wide into its `entity_links` table. Returns the
    number of distinct linked entities."""
    rows = archive_links(store.table("entities"), store.table("entity_links"), registry_path)
    store.replace_derived("entity_links", rows)
    return len({row["linked_id"] for row in rows})


def mine_to_store(paths: Iterable[str | Path], out: str | Path, *, fmt: str | None = None, workers: int = 1,
         ner: bool = True, backend: str = "lexicon", progress: Callable[[DocResult], None] | None = None,
         registry: str | Path | None = None) -> MineSummary:
    """Mine `paths` into the store `out` (DuckDB by default) with `workers` processes.
    Documents already in the store are skipped; unreadable ones go to its errors table.
    At the end, the store's entities are linked archive-wide (`link_archive`), against
    the registry file `registry` when given."""
    from .pipeline import check_backend

    check_backend(backend)  # here, not in each worker's initializer, where it would not stop the pool
    check_registry(registry)
    summary = MineSummary()
    with open_store(out, fmt) as store:
        skip = frozenset(store.stored_ids())
        for result in _results(iter_documents(paths), skip, workers, ner, backend):
            summary.read += 1
            if result.already_stored:
                summary.already_stored += 1
            elif result.error is not None:
                summary.skipped.append((result.doc, result.error))
                store.write_error(result.doc, result.error)
            elif result.report.doc_id in skip:
                summary.already_stored += 1  # the same bytes twice in one archive
            else:
                store.write(result.report, result.records)
                skip = skip | {result.report.doc_id}
                summary.stored += 1
                summary.records += len(result.records)
            if progress:
                progress(result)
        summary.linked_entities = link_archive(store, registry)
    return summary


def _results(documents: Iterator[Path], skip: frozenset[str], workers: int, ner: bool = True,
             backend: str = "lexicon") -> Iterator[DocResult]:
    if workers <= 1:
        _init_worker(skip, ner, backend)
        yield from _process_in_batches(documents)
        return
    # imap streams the archive: only a few batches per worker are in flight.
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(skip, ner, backend, True)) as pool:
        for results in pool.imap(process_documents, _batches(documents)):
            yield from results


def _batches(paths: Iterable[str | Path]) -> Iterator[list[str | Path]]:
    return (list(batch) for batch in minibatch(paths, BATCH_DOCUMENTS))


def _process_in_batches(paths: Iterable[str | Path]) -> Iterator[DocResult]:
    """`process_documents` over `paths`, BATCH_DOCUMENTS at a time, in this process."""
    for batch in _batches(paths):
        yield from process_documents(batch)


def mine(paths: Iterable[str | Path], *, workers: int = 1, ner: bool = True, backend: str = "lexicon") -> pd.DataFrame:
    """Indicator records of every readable document under `paths`, as a DataFrame, without
    a store. `frame.attrs` holds the other tables ("reports", "entities",
    "indicator_entities", "entity_links" DataFrames) and "skipped": [(path, reason)] for
    unreadable files."""
    from .io.rows import COLUMNS, document_rows
    from .pipeline import check_backend

    check_backend(backend)  # before the pool, as in mine_to_store
    tables: dict[str, list[dict]] = {table: [] for table in COLUMNS}
    skipped: list[tuple[str, str]] = []
    for result in _results(iter_documents(paths), frozenset(), workers, ner, backend):
        if result.error is not None:
            skipped.append((result.doc, result.error))
            continue
        for table, rows in document_rows(result.report, result.records).items():
            tables[table].extend(rows)
    frame = pd.DataFrame(tables["indicators"], columns=COLUMNS["indicators"])
    for table in ("reports", "entities", "indicator_entities"):
        rows = tables[table] if table != "entities" else list({r["id"]: r for r in tables[table]}.values())
        frame.attrs[table] = pd.DataFrame(rows, columns=COLUMNS[table])
    links = archive_links(frame.attrs["entities"])
    frame.attrs["entity_links"] = pd.DataFrame(links, columns=DERIVED_COLUMNS["entity_links"])
    frame.attrs["skipped"] = skipped
    return frame


def mine_dask(paths: Iterable[str | Path], out_folder: str | Path, *, scheduler: str | None = None,
              partitions: int | None = None, registry: str | Path | None = None, ner: bool = True,
              backend: str = "lexicon") -> MineSummary:
    """Map `process_document` over a dask.bag of paths; each partition writes its own Parquet
    part files under `out_folder` (indicators/, reports/, errors/, ...). With `scheduler`
    (an address such as "tcp://host:8786") the work runs on that distributed cluster, else
    on local processes. The entities are then linked archive-wide into entity_links/, as
    in `mine_to_store`."""
    import dask.bag as db

    from .io.file_writer import read_parquet_folder, write_parquet
    from .io.rows import COLUMNS
    from .pipeline import check_backend

    check_backend(backend)
    check_registry(registry)

    documents = [str(p) for p in iter_documents(paths)]
    out_folder = Path(out_folder)
    for table in COLUMNS:
        (out_folder / table).mkdir(parents=True, exist_ok=True)
    if documents:
        bag = db.from_sequence(documents, npartitions=partitions or min(len(documents), 64))
        written = bag.map_partitions(_write_partition, str(out_folder), ner, backend)
        if scheduler is None:
            written.compute(scheduler="processes")
        else:
            from distributed import Client

            with Client(scheduler) as client:
                client.compute(written, sync=True)
    tables = {t: read_parquet_folder(out_folder, t) for t in ("reports", "indicators", "errors", "entities")}
    (out_folder / "entity_links").mkdir(exist_ok=True)
    links = archive_links(tables["entities"], read_parquet_folder(out_folder, "entity_links"), registry)
    write_parquet(links, "entity_links", out_folder / "entity_links" / "all.parquet")
    return MineSummary(read=len(documents), stored=len(tables["reports"]), records=len(tables["indicators"]),
                       linked_entities=len({row["linked_id"] for row in links}),
                       skipped=list(zip(tables["errors"]["doc"], tables["errors"]["problem"])))


def _write_partition(paths: list[str], out_folder: str, ner: bool = True, backend: str = "lexicon") -> list[int]:
    """Process one Dask partition and write it as one part file per table (named by its
    content, so a re-run overwrites rather than duplicates)."""
    import hashlib

    from .io.file_writer import write_parquet
    from .io.rows import COLUMNS, document_rows

    _init_worker(frozenset(), ner, backend, side_by_side=True)  # the pipeline is cached per worker process
    tables: dict[str, list[dict]] = {table: [] for table in COLUMNS}
    for result in _process_in_batches(paths):
        if result.error is not None:
            tables["errors"].append({"doc": result.doc, "problem": result.error})
        else:
            for table, rows in document_rows(result.report, result.records).items():
                tables[table].extend(rows)
    name = "part-" + hashlib.sha1("\n".join(paths).encode()).hexdigest()[:16]
    for table, rows in tables.items():
        write_parquet(rows, table, Path(out_folder) / table / f"{name}.parquet")
    return [len(paths)]
