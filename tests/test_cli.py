"""The `lvmine` command: outputs, and one clear line per bad input, never a traceback."""
import csv
import io
import json
import re
import subprocess
import sys

import pytest

from conftest import GOLD, ROOT, SAMPLE, SEED_IDS

FULLSTACK = ROOT.parent / "shared" / "data" / "fullstack-ner"


def lvmine(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "nlp.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_extract_jsonl_and_csv(tmp_path):
    seed = SAMPLE / f"{SEED_IDS[1]}.txt"
    result = lvmine("extract", seed)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 24 and rows[0]["doc"] == str(seed)
    assert {"doc", "id", "value", "value_max", "qualifier", "unit", "unit_text", "kind", "currency", "indicator",
            "parent", "start", "end", "text", "sentence", "section"} <= set(rows[0])
    out = tmp_path / "out.csv"
    assert lvmine("extract", seed, "--format", "csv", "--output", out).returncode == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 24


def test_extract_table():
    result = lvmine("extract", SAMPLE / f"{SEED_IDS[0]}.txt", "--format", "table")
    assert result.returncode == 0 and "dalībnieks" in result.stdout and "pasākums" in result.stdout


def test_report_command():
    result = lvmine("report", SAMPLE / f"{SEED_IDS[0]}.txt")
    data = json.loads(result.stdout)
    assert data["period_start"] == "2020-10-20" and data["budget"][0]["amount"] == 19999.36


@pytest.mark.parametrize("content, problem", [
    (None, "file not found"),
    (b"", "file is empty"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
    ("Valsts pārvaldes uzdevums\tX\nCita informācija\tNav\n".encode(), "missing field"),
])
def test_bad_input_one_line_no_traceback(tmp_path, content, problem):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    good = SAMPLE / f"{SEED_IDS[1]}.txt"
    result = lvmine("extract", path, good)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and str(path) in error_lines[0] and problem in error_lines[0]
    assert len(result.stdout.splitlines()) == 24  # the good file is still processed


def test_no_records_is_reported_not_silent(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Biedrība turpināja darbu.", encoding="utf-8")
    result = lvmine("extract", path)
    assert result.returncode == 0 and "no quantified outcomes" in result.stderr


def test_evaluate_prints_scores():
    result = lvmine("evaluate", GOLD / "dev")
    assert result.returncode == 0
    assert "strict (value+unit)" in result.stdout and "qualifier accuracy" in result.stdout


def test_evaluation_finds_gold_mentions_as_whole_words(tmp_path):
    # "5 eiro" is the second mention, not the end of "15 eiro": both records match
    text = "Dalības maksa – 15 eiro, pensionāriem – 5 eiro."
    mentions = [{"text": t, "value": v, "value_max": None, "qualifier": "exact", "unit": "eiro", "kind": "money",
                 "parent": None} for t, v in (("15 eiro", 15), ("5 eiro", 5))]
    (tmp_path / "sentences.jsonl").write_text(json.dumps({"text": text, "mentions": mentions}, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    result = lvmine("evaluate", tmp_path)
    strict = next(line for line in result.stdout.splitlines() if "strict" in line)
    assert result.returncode == 0 and strict.count("1.000") == 3, result.stdout


@pytest.mark.parametrize("command", ["evaluate", "evaluate-entities"])
@pytest.mark.parametrize("folder, problem", [
    ("missing", "gold directory not found"),
    ("empty", "no gold"),
    ("other-json", "not a gold"),
])
def test_evaluation_gold_problems_are_one_error_line(tmp_path, command, folder, problem):
    gold = tmp_path / folder
    if folder != "missing":
        gold.mkdir()
    if folder == "other-json":
        (gold / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    result = lvmine(command, gold)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert problem in result.stderr and folder in result.stderr


@pytest.mark.parametrize("store, registry, problem", [
    ("broken.duckdb", None, "cannot be opened as a DuckDB store"),
    ("broken.sqlite", None, "cannot be opened as a SQLite store"),
    ("good.duckdb", "registry.json", "not an entity registry"),
])
def test_unreadable_store_or_registry_is_one_error_line_before_mining(tmp_path, store, registry, problem):
    (tmp_path / "broken.duckdb").write_text("not a database", encoding="utf-8")
    (tmp_path / "broken.sqlite").write_text("not a database", encoding="utf-8")
    (tmp_path / "registry.json").write_text("{bad json", encoding="utf-8")
    args = ["--registry", tmp_path / registry] if registry else []
    result = lvmine("mine", SAMPLE, "--out", tmp_path / store, "--no-ner", "--workers", "1", *args)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    error = next(line for line in result.stderr.splitlines() if line.startswith("error:"))
    assert problem in error and str(tmp_path / (registry or store)) in error
    assert "stored" not in result.stdout  # nothing was mined


def test_records_validate_against_the_published_json_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(lvmine("schema").stdout)
    rows = [json.loads(line) for line in lvmine("extract", *[SAMPLE / f"{s}.txt" for s in SEED_IDS]).stdout.splitlines()]
    assert len(rows) == 61
    for row in rows:
        jsonschema.validate(row, schema)


def test_mine_with_stanza_backend_and_a_bad_backend(tmp_path):
    pytest.importorskip("stanza")
    seed = SAMPLE / f"{SEED_IDS[1]}.txt"
    result = lvmine("mine", seed, "--out", tmp_path / "s.duckdb", "--backend", "stanza", "--no-ner", "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "stored 1" in result.stdout and "distinct entities after linking" in result.stdout
    bad = lvmine("mine", seed, "--out", tmp_path / "b.duckdb", "--backend", "udpipe")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and "udpipe" in bad.stderr


def test_missing_stanza_models_are_one_error_line(tmp_path):
    pytest.importorskip("stanza")
    import os

    env = {**os.environ, "LVMINE_STANZA_DIR": str(tmp_path / "nowhere")}
    result = subprocess.run([sys.executable, "-m", "nlp.cli", "mine", str(SAMPLE), "--out", str(tmp_path / "s.duckdb"),
                             "--backend", "stanza"], capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "nowhere" in result.stderr and "resources.json" in result.stderr


@pytest.mark.skipif(not (FULLSTACK / "split.tsv").exists(), reason="the FullStack NER corpus is not beside the repo")
def test_evaluate_ner_scores_the_model_and_the_pipeline():
    scores = {}
    for mode in ([], ["--pipeline"]):
        result = lvmine("evaluate-ner", "--data", FULLSTACK, "--split", "dev", "--limit", "60", *mode)
        assert result.returncode == 0, result.stderr
        micro = next(line for line in result.stdout.splitlines() if line.startswith("micro(core)"))
        scores[bool(mode)] = float(micro.split()[3])
        assert "dev: 60 paragraphs" in result.stdout
    # a trained model and its rules find most PER/ORG/LOC/DATE entities of news text
    assert scores[False] > 45 and scores[True] > 45


LVTB = ROOT.parent / "shared" / "data" / "lvtb"


@pytest.mark.skipif(not LVTB.exists(), reason="LVTB is not beside the repo")
def test_evaluate_model_scores_any_conllu_file(tmp_path):
    # the first 20 sentences of the newer test release (a secondary check the README reports)
    blocks = (LVTB / "lv_lvtb-ud-test.r2.12.conllu").read_text(encoding="utf-8").split("\n\n")[:20]
    sample = tmp_path / "sample.conllu"
    sample.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    result = lvmine("evaluate-model", "--conllu", sample)
    assert result.returncode == 0, result.stderr
    assert "sample.conllu" in result.stdout
    upos = next(line for line in result.stdout.splitlines() if "gold UPOS" in line)
    # every backend tags most words of treebank text right
    scores = [float(x) for x in re.findall(r"\d+\.\d+", upos)]
    assert len(scores) >= 2 and min(scores) > 80
    assert "published" not in result.stdout  # the published columns are v2.5 test figures
    missing = lvmine("evaluate-model", "--conllu", tmp_path / "nowhere.conllu")
    assert missing.returncode == 1 and "nowhere.conllu: file not found" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_gold_mention_is_not_located_inside_the_one_before_it():
    from nlp.evaluate import GoldDoc, _locate

    text = "Nodibinājums „Kurzemes dabas skola” strādā ar Kurzemes skolām."
    gold = GoldDoc("x", text, None, [{"text": "Nodibinājums „Kurzemes dabas skola”"}, {"text": "Kurzemes"}])
    assert _locate(gold, text) == [(0, 35), (text.rindex("Kurzemes"), text.rindex("Kurzemes") + 8)]
