"""Benchmark batch mining: words/second, documents/second and peak memory.

    python scripts/bench.py --docs 100 1000 10000 --workers 1 2

For each N it writes an archive of N documents sampled from corpora/sample to a
temporary folder, mines it end to end (read -> extract -> DuckDB store) with each
worker count, and prints the rates next to the tokenizer-only rate over the same
text, so the pipeline's cost shows as a ratio.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import nlp
from nlp.mine import iter_documents
from nlp.sample_archive import build_archive


def peak_rss_mb() -> tuple[float, float]:
    """(this process, largest child process) peak resident memory in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-ner", action="store_true", help="entity rules only, no statistical NER")
    args = parser.parse_args()
    pipeline = nlp.load()
    print(f"{'docs':>6} {'workers':>7} {'words':>10} {'seconds':>8} {'words/s':>9} {'docs/s':>7} "
          f"{'tokenizer w/s':>13} {'ratio':>6} {'records':>8} {'RSS main MB':>11} {'RSS worker MB':>13}")
    for n in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            archive = build_archive(Path(tmp) / "archive", n, bad=False, seed=1)
            texts = [nlp.read_report(p).text for p in iter_documents([archive])]
            words = sum(len(t.split()) for t in texts)
            start = time.perf_counter()
            for _ in pipeline.tokenizer.pipe(texts):
                pass
            tokenizer_rate = words / (time.perf_counter() - start)
            del texts
            for workers in args.workers:
                store = Path(tmp) / f"bench_{workers}.duckdb"
                start = time.perf_counter()
                summary = nlp.mine_to_store([archive], store, workers=workers, ner=not args.no_ner)
                elapsed = time.perf_counter() - start
                main_rss, child_rss = peak_rss_mb()
                print(f"{n:>6} {workers:>7} {words:>10,} {elapsed:>8.1f} {words / elapsed:>9,.0f} {n / elapsed:>7.1f} "
                      f"{tokenizer_rate:>13,.0f} {tokenizer_rate / (words / elapsed):>6.1f} {summary.records:>8,} "
                      f"{main_rss:>11,.0f} {child_rss:>13,.0f}", flush=True)


if __name__ == "__main__":
    main()
