"""Benchmark extraction speed and memory.

    python scripts/bench.py --docs 100 1000

Builds an in-memory archive of N documents by sampling the reports in
corpora/sample, runs the full pipeline over it, and prints words/second,
documents/second and peak RSS, next to the tokenizer-only rate over the same
text so the pipeline's cost shows as a ratio.
"""
from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

import nlp
from nlp.io.doc_consumer import indicators_from_doc

ROOT = Path(__file__).resolve().parents[1]


def sample_reports(n: int, seed: int = 0) -> list[nlp.Report]:
    pool = [nlp.read_report(p) for p in sorted((ROOT / "corpora" / "sample").glob("*.txt"))]
    rng = random.Random(seed)
    return [rng.choice(pool) for _ in range(n)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    pipeline = nlp.load()
    print(f"{'docs':>6} {'words':>9} {'pipeline w/s':>13} {'docs/s':>8} {'tokenizer w/s':>14} {'ratio':>6} {'records':>8} {'peak RSS MB':>12}")
    for n in args.docs:
        reports = sample_reports(n)
        words = sum(len(r.text.split()) for r in reports)
        start = time.perf_counter()
        for doc in pipeline.tokenizer.pipe(r.text for r in reports):
            pass
        tok_rate = words / (time.perf_counter() - start)
        start = time.perf_counter()
        records = 0
        for report, doc in zip(reports, pipeline.pipe(r.text for r in reports)):
            records += len(indicators_from_doc(doc, report))
        elapsed = time.perf_counter() - start
        print(f"{n:>6} {words:>9} {words / elapsed:>13,.0f} {n / elapsed:>8,.1f} {tok_rate:>14,.0f} "
              f"{tok_rate / (words / elapsed):>6.1f} {records:>8} {peak_rss_mb():>12,.0f}")


if __name__ == "__main__":
    main()
