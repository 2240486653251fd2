"""The example notebook runs against the library as it is (its code cells, in order, from
notebooks/, where its relative paths point)."""
import json

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore_indicators.ipynb"


def test_notebook_code_cells_run(monkeypatch):
    cells = [c for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    monkeypatch.chdir(NOTEBOOK.parent)
    namespace: dict = {}
    for n, cell in enumerate(cells):
        exec(compile("".join(cell["source"]), f"{NOTEBOOK.name} cell {n + 1}", "exec"), namespace)
    frame, archive, orgs = namespace["frame"], namespace["archive"], namespace["orgs"]
    assert len(frame) == 24 and "participants" in set(frame.indicator)
    assert len(archive) == 61 and not orgs.empty
