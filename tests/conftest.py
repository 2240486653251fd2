from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "sample"
GOLD = ROOT / "corpora" / "gold"
SEED_IDS = ["000_ff4e21f18d3948dd", "003_78b562eaa2de4dc5"]


@pytest.fixture(scope="session")
def nlp_pipeline():
    import nlp

    return nlp.load()
