"""Mining archives: every store, parallel workers, Dask, kill-and-resume, bad documents."""
import signal
import subprocess
import sys
import time

import pytest

import nlp
import nlp.io
from nlp.mine import mine_dask

from nlp.sample_archive import build_archive
from conftest import ROOT, SAMPLE, SEED_IDS

BAD = {"empty.txt": "file is empty", "binary.txt": "looks like binary data", "truncated.html": "truncated HTML",
       "corrupt.pdf": "PDF", "corrupt.docx": "DOCX"}


def indicator_rows(tables):
    """Comparable rows: each store types values its own way (CSV holds text, None may read back as NaN)."""
    frame = tables["indicators"]
    cols = ["id", "doc_id", "value", "value_max", "unit", "qualifier", "kind", "parent", "start", "end", "text", "section"]

    def norm(column, value):
        if value is None or value == "" or (isinstance(value, float) and value != value):
            return None
        return float(value) if column in ("value", "value_max", "start", "end") else str(value)

    return sorted(tuple(norm(c, v) for c, v in zip(cols, row)) for row in frame[cols].itertuples(index=False))


def entity_links(tables):
    return sorted(tables["entity_links"][["entity_id", "linked_id", "linked_name"]].itertuples(index=False, name=None))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("archive"), copies=12)


@pytest.fixture(scope="module")
def reference(archive, tmp_path_factory):
    store = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    summary = nlp.mine_to_store([archive], store, workers=1)
    return summary, nlp.read_store(store)


def test_reference_run(reference):
    summary, tables = reference
    assert (summary.read, summary.stored, len(summary.skipped)) == (17, 12, 5)
    reasons = {path.rsplit("/", 1)[-1]: reason for path, reason in summary.skipped}
    for name, expected in BAD.items():
        assert expected in reasons[name], (name, reasons[name])
    assert len(tables["errors"]) == 5 and len(tables["reports"]) == 12
    assert len(tables["indicators"]) == summary.records == 6 * 37 + 6 * 24
    # "How many participants did each organisation report?" is one join away.
    links = tables["indicator_entities"].merge(tables["entities"], left_on="entity_id", right_on="id")
    per_org = (tables["indicators"].merge(links[links.label_x == "ORG"], left_on="id", right_on="indicator_id")
               .query("indicator == 'participants'").groupby("canonical")["value"].sum())
    assert per_org["Biedrība \"Kurzemes NVO centrs\""] > 0
    assert tables["entities"]["id"].is_unique


@pytest.mark.parametrize("target", ["out.sqlite", "out.jsonl", "out.csv", "parquet_out"])
def test_every_store_holds_the_same_records(archive, reference, tmp_path, target):
    summary = nlp.mine_to_store([archive], tmp_path / target, workers=1)
    tables = nlp.read_store(tmp_path / target)
    assert summary.records == reference[0].records
    assert indicator_rows(tables) == indicator_rows(reference[1])
    assert len(tables["errors"]) == 5
    assert sorted(tables["entities"]["id"]) == sorted(reference[1]["entities"]["id"])
    assert len(tables["indicator_entities"]) == len(reference[1]["indicator_entities"])
    assert entity_links(tables) == entity_links(reference[1])
    again = nlp.mine_to_store([archive], tmp_path / target, workers=1)  # idempotent
    assert (again.stored, again.already_stored) == (0, 12)
    assert indicator_rows(nlp.read_store(tmp_path / target)) == indicator_rows(reference[1])
    assert len(nlp.read_store(tmp_path / target)["errors"]) == 5


def test_two_workers_give_the_same_records(archive, reference, tmp_path):
    nlp.mine_to_store([archive], tmp_path / "par.duckdb", workers=2)
    assert indicator_rows(nlp.read_store(tmp_path / "par.duckdb")) == indicator_rows(reference[1])


def test_dask_distributed_cluster_gives_the_same_records(archive, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = mine_dask([archive], tmp_path / "dask", scheduler=cluster.scheduler_address, partitions=4)
    tables = {t: __import__("pandas").read_parquet(tmp_path / "dask" / t) for t in ("indicators", "errors", "entity_links")}
    assert summary.records == reference[0].records and len(tables["errors"]) == 5
    assert indicator_rows(tables) == indicator_rows(reference[1])
    assert entity_links(tables) == entity_links(reference[1])


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    archive = build_archive(folder / "archive", copies=150, bad=False)
    nlp.mine_to_store([archive], folder / "uninterrupted.duckdb", workers=2)
    return archive, nlp.read_store(folder / "uninterrupted.duckdb")


@pytest.mark.parametrize("target", ["killed.duckdb", "killed.jsonl"])
def test_killed_run_resumes_to_the_same_records(tmp_path, big_archive, target):
    archive, uninterrupted = big_archive
    store = tmp_path / target
    command = [sys.executable, "-m", "nlp.cli", "mine", str(archive), "--out", str(store), "--workers", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it part-way. DuckDB locks its file while writing, so that store is watched through
    # its write-ahead log, which grows by ~1 MB with each committed batch of documents. The
    # kill waits until the log has stopped growing: killed while the first commit is still
    # being written, the run would have stored nothing, which is also correct but tests less.
    deadline = time.time() + 120
    wal_sizes = [0]
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.1)
        wal_sizes.append(_wal_bytes(store))
        if _ledger_count(store) >= 20 or (wal_sizes[-1] > 200_000 and len(set(wal_sizes[-3:])) == 1):
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    with nlp.io.open_store(store) as partial_store:
        partial = len(partial_store.stored_ids())
    assert 0 < partial < 150, partial
    resumed = nlp.mine_to_store([archive], store, workers=1)
    assert resumed.already_stored == partial and resumed.stored == 150 - partial
    assert indicator_rows(nlp.read_store(store)) == indicator_rows(uninterrupted)


def _wal_bytes(store):
    wal = store.with_name(store.name + ".wal")
    return wal.stat().st_size if wal.exists() else 0


def _ledger_count(store):
    ledger = store.with_name(store.name + ".ledger")
    return len(ledger.read_text().splitlines()) if ledger.exists() else 0


def test_size_limit_is_a_recorded_error(tmp_path, monkeypatch):
    import nlp.reader as reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    archive = build_archive(tmp_path / "a", copies=2, bad=False)
    summary = nlp.mine_to_store([archive], tmp_path / "s.duckdb")
    assert summary.stored == 0 and all("over the" in reason for _, reason in summary.skipped)


def test_mine_to_dataframe_with_its_tables(archive, reference):
    frame = nlp.mine([archive])
    assert len(frame) == 6 * 37 + 6 * 24 and len(frame.attrs["skipped"]) == 5
    assert len(frame.attrs["reports"]) == 12
    assert sorted(frame.attrs["entities"]["id"]) == sorted(reference[1]["entities"]["id"])
    assert indicator_rows({"indicators": frame}) == indicator_rows(reference[1])


def test_a_document_that_breaks_its_batch_costs_only_its_own_result(archive, reference, monkeypatch):
    # Workers annotate documents in batches; a failure inside the batch must not take the
    # other documents of the batch with it.
    import nlp.pipeline

    reports = reference[1]["reports"]
    victim = sorted(reports["doc"])[3]
    make_report_doc = nlp.pipeline.make_report_doc

    def breaking(pipeline, report):
        if report.doc == victim:
            raise RuntimeError("broken on purpose")
        return make_report_doc(pipeline, report)

    monkeypatch.setattr(nlp.pipeline, "make_report_doc", breaking)
    frame = nlp.mine([archive])
    skipped = dict(frame.attrs["skipped"])
    assert len(skipped) == 6 and skipped[victim] == "unexpected failure (RuntimeError: broken on purpose)"
    victim_id = reports.loc[reports["doc"] == victim, "doc_id"].item()
    others = reference[1]["indicators"].query("doc_id != @victim_id")
    assert 0 < len(others) < len(reference[1]["indicators"])
    assert indicator_rows({"indicators": frame}) == indicator_rows({"indicators": others})


def test_a_report_over_a_million_characters_is_mined_like_its_parts(tmp_path):
    # spaCy refuses texts over nlp.max_length (1,000,000 characters); mining runs nothing
    # neural over whole documents, so it takes every text the reader accepts, and nothing in
    # it may slow down with the length of the report (a scan per mention once did).
    seed = nlp.read_report(SAMPLE / f"{SEED_IDS[0]}.txt").text + "\n"
    copies = 1_000_000 // len(seed) + 1
    (tmp_path / "long.txt").write_text(seed * copies, encoding="utf-8")
    (tmp_path / "one.txt").write_text(seed, encoding="utf-8")
    frame = nlp.mine([tmp_path])
    assert frame.attrs["skipped"] == []
    reports = frame.attrs["reports"].set_index("doc")["doc_id"]
    values = {name: list(frame.loc[frame.doc_id == reports[str(tmp_path / name)], "value"]) for name in ("long.txt", "one.txt")}
    assert len(values["one.txt"]) > 30 and values["long.txt"] == values["one.txt"] * copies


def test_mine_to_dataframe_rejects_a_bad_backend_before_starting_workers(archive):
    with pytest.raises(ValueError, match="unknown backend 'udpipe'"):
        nlp.mine([archive], workers=2, backend="udpipe")


def test_cli_mine_summary(tmp_path, archive):
    result = subprocess.run([sys.executable, "-m", "nlp.cli", "mine", str(archive), "--out", str(tmp_path / "c.duckdb")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "read 17 document(s): stored 12, already stored 0, skipped 5" in result.stdout
    assert result.stderr.count("skipped: ") == 5 and "Traceback" not in result.stderr


# The same organisation spelt two ways in two reports (a lost diacritic, as in web copies).
SPELLINGS = {
    "a.txt": "Biedrība „Latgales Reģionālais attīstības centrs” 2021. gadā Rēzeknē organizēja 5 seminārus, "
             "kuros piedalījās 120 dalībnieki.\n",
    "b.txt": "Biedrība „Latgales Regionālais attīstības centrs” Daugavpilī noorganizēja 3 apmācības 45 dalībniekiem.\n",
    "c.txt": "Biedrība „Latgales Reģionālais attīstibas centrs” Krāslavā vadīja 2 darbnīcas.\n",
}


def _write(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(SPELLINGS[name], encoding="utf-8")
    return folder


def _org_links(store):
    links = nlp.read_store(store)["entity_links"]
    return dict(links[links.label == "ORG"][["canonical", "linked_id"]].itertuples(index=False, name=None))


def test_entities_are_linked_across_the_archive(tmp_path):
    archive = _write(tmp_path / "archive", ["a.txt", "b.txt"])
    summary = nlp.mine_to_store([archive], tmp_path / "s.duckdb", ner=False)
    orgs = _org_links(tmp_path / "s.duckdb")
    assert len(orgs) == 2 and len(set(orgs.values())) == 1  # two spellings, one entity
    assert summary.linked_entities == len(set(nlp.read_store(tmp_path / "s.duckdb")["entity_links"]["linked_id"]))
    # A later run over a grown archive keeps the ids it gave and links the new spelling to them.
    _write(archive, ["c.txt"])
    nlp.mine_to_store([archive], tmp_path / "s.duckdb", ner=False)
    grown = _org_links(tmp_path / "s.duckdb")
    assert len(grown) == 3 and set(grown.values()) == set(orgs.values())


def test_registry_file_links_separate_stores(tmp_path):
    registry = tmp_path / "registry.json"
    nlp.mine_to_store([_write(tmp_path / "one", ["b.txt"])], tmp_path / "one.sqlite", ner=False, registry=registry)
    nlp.mine_to_store([_write(tmp_path / "two", ["a.txt"])], tmp_path / "two.jsonl", ner=False, registry=registry)
    first, second = _org_links(tmp_path / "one.sqlite"), _org_links(tmp_path / "two.jsonl")
    assert set(first.values()) == set(second.values()) and set(first) != set(second)
    assert "Latgales Regionālais" in registry.read_text(encoding="utf-8")
