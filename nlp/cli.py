"""`lvmine` command line: a thin layer over the library API."""
from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .errors import LvmineError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Mine outcome indicators from Latvian reports.")


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def _fail(exc: LvmineError) -> None:
    typer.echo(f"error: {exc}", err=True)


def _or_exit(function, *args):
    """Call `function`; an LvmineError becomes one error line and exit code 1."""
    try:
        return function(*args)
    except LvmineError as exc:
        _fail(exc)
        raise typer.Exit(1)


def _print_scores(table: Table, notes: list[str], errors: list[str], show_errors: bool) -> None:
    console = Console()
    console.print(table)
    for note in notes:
        console.print(note)
    if show_errors:
        for line in errors:
            console.print(line, highlight=False)


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Report files (.txt, .html)."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """Extract indicator records from report files."""
    from .api import extract as extract_records
    from .pipeline import load
    from .reader import read_report
    from .records import Indicator

    nlp = load()
    records, failed = [], 0
    for path in paths:
        try:
            found = extract_records(read_report(path), nlp=nlp)
        except LvmineError as exc:
            _fail(exc)
            failed += 1
            continue
        except Exception as exc:  # a bug must not hide the other files' results
            _fail(LvmineError(f"{path}: unexpected failure ({type(exc).__name__}: {exc})"))
            failed += 1
            continue
        if not found:
            typer.echo(f"note: {path}: no quantified outcomes found", err=True)
        records.extend(found)

    handle = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format is Format.jsonl:
            for record in records:
                handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        elif format is Format.csv:
            writer = csv.DictWriter(handle, fieldnames=Indicator.field_names())
            writer.writeheader()
            writer.writerows(r.to_dict() for r in records)
        else:
            table = Table("doc", "value", "qualifier", "unit", "kind", "indicator", "parent", "text", show_lines=False)
            for r in records:
                value = f"{r.value}–{r.value_max}" if r.value_max is not None else str(r.value)
                table.add_row(Path(r.doc).name, value, r.qualifier, r.unit or "", r.kind, r.indicator,
                              r.parent or "", r.text)
            # Full width when writing to a file or pipe, the terminal's width otherwise.
            Console(file=handle, width=None if handle.isatty() else 200).print(table)
    finally:
        if output:
            handle.close()
    if failed:
        typer.echo(f"{failed} of {len(paths)} file(s) could not be read", err=True)
        raise typer.Exit(1)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Backend(str, Enum):
    """The morphology backends of `pipeline.load`."""
    lexicon = "lexicon"
    core = "core"
    stanza = "stanza"


@app.command()
def mine(
    archive: List[Path] = typer.Argument(..., help="Report files and folders (searched recursively)."),
    out: Path = typer.Option(Path("lvmine.duckdb"), "--out", "-o",
                             help="Store: .duckdb (default), .sqlite, .jsonl, .csv, or a folder (Parquet)."),
    store_format: Optional[str] = typer.Option(None, "--format", help="Store format when the suffix does not say."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", help="Worker processes."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster (Parquet out)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="Run the statistical NER (slower) or entity rules only."),
    backend: Backend = typer.Option(Backend.lexicon, "--backend", help="Morphology backend."),
    registry: Optional[Path] = typer.Option(None, "--registry",
                                            help="Entity registry JSON to link against and update (shared by runs/stores)."),
) -> None:
    """Mine an archive into a store; re-running skips documents already stored. At the end,
    entities are linked archive-wide (table entity_links)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .mine import iter_documents, mine_dask, mine_to_store as mine_archive

    try:
        if engine is Engine.dask:
            summary = mine_dask(archive, out, scheduler=scheduler, registry=registry, ner=ner, backend=backend.value)
        else:
            total = sum(1 for _ in iter_documents(archive))
            columns = [TextColumn("mining"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn()]
            with Progress(*columns, console=Console(stderr=True)) as bar:
                task = bar.add_task("mine", total=total, rate="-")

                def advance(_result) -> None:
                    bar.advance(task)
                    state = bar.tasks[0]
                    bar.update(task, rate=f"{state.completed / state.elapsed:.1f}" if state.elapsed else "-")

                summary = mine_archive(archive, out, fmt=store_format, workers=workers, ner=ner, backend=backend.value,
                                       progress=advance,
                                       registry=registry)
    except (ValueError, OSError, ImportError) as exc:
        _fail(LvmineError(str(exc)))
        raise typer.Exit(1)
    typer.echo(f"read {summary.read} document(s): stored {summary.stored}, already stored {summary.already_stored}, "
               f"skipped {len(summary.skipped)}; wrote {summary.records} indicator record(s) to {out}; "
               f"{summary.linked_entities} distinct entities after linking")
    for path, reason in summary.skipped:
        typer.echo(f"skipped: {path}: {reason}", err=True)


@app.command()
def report(path: Path = typer.Argument(..., help="A report file.")) -> None:
    """Print a report's parsed metadata as JSON."""
    from .reader import read_report

    print(json.dumps(_or_exit(read_report, path).metadata(), ensure_ascii=False, indent=2))


@app.command()
def schema() -> None:
    """Print the JSON Schema of an indicator record."""
    from .records import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of gold annotations (corpora/gold/dev or .../test)."),
    show_errors: bool = typer.Option(False, "--errors", help="List every miss, spurious record and wrong unit."),
    backend: Backend = typer.Option(Backend.lexicon, "--backend", help="Morphology backend."),
) -> None:
    """Precision/recall/F1 of extraction against gold annotations."""
    from .evaluate import evaluate as run_evaluation

    scores = _or_exit(run_evaluation, gold_dir, backend.value)
    table = Table("matching", "precision", "recall", "F1", title=f"{gold_dir}: {scores.gold} gold, {scores.predicted} predicted")
    for name, p, r, f in scores.table():
        table.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")
    matched = max(scores.value_tp, 1)
    _print_scores(table, [f"qualifier accuracy (on value matches): {scores.qualifier_ok / matched:.3f}",
                          f"parent accuracy (on value matches):    {scores.parent_ok / matched:.3f}"],
                  scores.errors, show_errors)


@app.command("evaluate-entities")
def evaluate_entities(
    gold_dir: Path = typer.Argument(Path("corpora/gold/entities"), help="Folder of gold entity files."),
    show_errors: bool = typer.Option(False, "--errors", help="List every miss and spurious entity."),
) -> None:
    """Entity P/R/F1 (exact span and label) on annotated reports, plus name and date normalisation."""
    from .evaluate import evaluate_entities as run

    scores = _or_exit(run, gold_dir)
    table = Table("label", "precision", "recall", "F1", "gold", title=f"{gold_dir}")
    for label, p, r, f, gold in scores.rows():
        table.add_row(label, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(gold))
    _print_scores(table, [f"canonical name accuracy (matched ORG/LOC/PER): {scores.canonical_ok}/{scores.canonical_total}",
                          f"date normalisation accuracy (matched DATE):    {scores.date_ok}/{scores.date_total}"],
                  scores.errors, show_errors)


@app.command("evaluate-model")
def evaluate_model(
    data: Path = typer.Option(Path("../shared/data/lvtb"), "--data", help="Folder with the LVTB v2.5 CoNLL-U files."),
    split: str = typer.Option("test", "--split", help="dev or test"),
    conllu: Optional[Path] = typer.Option(
        None, "--conllu", help="Score this CoNLL-U file instead of --data/--split, e.g. the newer LVTB releases "
        "lv_lvtb-ud-test.r2.12.conllu / -dev.r2.17.conllu (secondary checks: their DET/PRON split and some "
        "relations differ from v2.5)."),
) -> None:
    """Tokenization, tagging, lemma and parse scores of each installed backend on LVTB."""
    from .model_eval import PUBLISHED, evaluate_backend, installed_backends

    conllu = conllu or data / f"lv_lvtb-ud-{split}.v2.5.conllu"
    if not conllu.exists():
        _fail(LvmineError(f"{conllu}: file not found"))
        raise typer.Exit(1)
    backends = installed_backends()
    results = {b: evaluate_backend(b, conllu) for b in backends}
    # the published figures are for the v2.5 test file: beside another file they would mislead
    reference = PUBLISHED if conllu.name == "lv_lvtb-ud-test.v2.5.conllu" else {}
    table = Table("metric", *backends, *(f"{p} (published)" for p in reference), title=conllu.name)
    published = {"raw UPOS": "upos", "raw lemma": "lemma", "raw LAS": "las"}
    for metric in results["lexicon"]:
        cells = [_cell(results[b][metric]) for b in backends]
        cells += [_cell(reference[p].get(published.get(metric, ""))) for p in reference]
        table.add_row(metric, *cells)
    Console().print(table)


@app.command("evaluate-ner")
def evaluate_ner(
    data: Path = typer.Option(Path("../shared/data/fullstack-ner"), "--data", help="The FullStack NER folder."),
    split: str = typer.Option("test", "--split", help="dev or test (never train on either)."),
    pipeline: bool = typer.Option(False, "--pipeline", help="Score what nlp.load() tags (model + domain rules), "
                                  "not the model alone."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N paragraphs (a quick check)."),
) -> None:
    """Per-label and micro P/R/F1 of the shipped NER model (models/lv_ner) on FullStack."""
    from .entities.evaluate_ner import evaluate_ner as run, format_table
    from .pipeline import NER_DIR, load

    if not (data / "split.tsv").exists():
        _fail(LvmineError(f"{data}: no split.tsv; point --data at the FullStack NER folder"))
        raise typer.Exit(1)
    if not (NER_DIR / "meta.json").exists():
        _fail(LvmineError(f"{NER_DIR}: the NER model is not installed"))
        raise typer.Exit(1)
    print(format_table(run(NER_DIR, data, split, nlp=load() if pipeline else None, limit=limit)))


def _cell(value) -> str:
    return "-" if value is None else f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


def main() -> None:
    app()


if __name__ == "__main__":
    main()
