"""Synthetic archives for tests and benchmarks, sampled from the shipped sample corpus.

Each copy changes one metadata line so every file has different bytes (a
different content hash) while its extraction stays the same."""
from __future__ import annotations

import random
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "corpora" / "sample"


def build_archive(folder: str | Path, copies: int, *, bad: bool = True, seed: int = 0) -> Path:
    folder = Path(folder)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))]
    rng = random.Random(seed)
    for i in range(copies):
        text = seeds[i % len(seeds)] if seed == 0 else rng.choice(seeds)
        text = text.replace("Valsts pārvaldes uzdevums\t", f"Valsts pārvaldes uzdevums\tKopija {i}: ", 1)
        sub = folder / f"batch{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"report_{i:05d}.txt").write_text(text, encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
        (folder / "truncated.html").write_text("<html><body><p>Notika 5 semināri</p><p class=\"x", encoding="utf-8")
        (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
        (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder
