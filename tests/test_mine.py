"""Mining an archive into the DuckDB store: idempotent, with every skipped document recorded."""
import shutil

import nlp

from conftest import SAMPLE, SEED_IDS


def make_archive(tmp_path):
    archive = tmp_path / "archive"
    (archive / "2020").mkdir(parents=True)
    for seed_id in SEED_IDS:
        shutil.copy(SAMPLE / f"{seed_id}.txt", archive / "2020" / f"{seed_id}.txt")
    (archive / "empty.txt").write_bytes(b"")
    (archive / "broken.html").write_bytes(b"\x00\x01PK\x03\x04" * 100)
    (archive / "notes.md").write_text("ignored: not a report suffix", encoding="utf-8")
    return archive


def test_mine_store_and_rerun(tmp_path):
    archive, store = make_archive(tmp_path), tmp_path / "out.duckdb"
    first = nlp.mine([archive], store)
    assert (first.read, first.stored, first.already_stored) == (4, 2, 0)
    reasons = dict((path.rsplit("/", 1)[-1], reason) for path, reason in first.skipped)
    assert reasons["empty.txt"] == "file is empty"
    assert reasons["broken.html"].startswith("looks like binary data, not text")
    tables = nlp.read_store(store)
    assert len(tables["reports"]) == 2 and len(tables["errors"]) == 2
    assert len(tables["indicators"]) == first.records == 61
    assert set(tables["indicators"]["doc_id"]) == set(tables["reports"]["doc_id"])

    again = nlp.mine([archive], store)
    assert (again.stored, again.already_stored, again.records) == (0, 2, 0)
    tables = nlp.read_store(store)
    assert len(tables["indicators"]) == 61 and len(tables["errors"]) == 2  # nothing duplicated


def test_mine_dataframe_lists_skipped(tmp_path):
    frame = nlp.mine_dataframe([make_archive(tmp_path)])
    assert len(frame) == 61
    assert len(frame.attrs["skipped"]) == 2
