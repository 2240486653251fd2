"""Build test archives from the seed reports: distinct documents (different bytes) plus bad files."""
from pathlib import Path

from conftest import SAMPLE, SEED_IDS


def build_archive(folder: Path, copies: int, bad: bool = True) -> Path:
    seeds = [(SAMPLE / f"{s}.txt").read_text(encoding="utf-8") for s in SEED_IDS]
    for i in range(copies):
        text = seeds[i % len(seeds)]
        # A different task line per copy: distinct content hashes, same extraction.
        text = text.replace("Valsts pārvaldes uzdevums\t", f"Valsts pārvaldes uzdevums\tKopija {i}: ", 1)
        sub = folder / f"batch{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"report_{i:04d}.txt").write_text(text, encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
        (folder / "truncated.html").write_text("<html><body><p>Notika 5 semināri</p><p class=\"x", encoding="utf-8")
        (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
        (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder
