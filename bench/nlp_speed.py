"""Speed of the whole analysis pipeline in one process, and of the in-request safeguarding
screen (`screen_many`) in milliseconds an answer, each beside its floor measured in the same
run: spaCy's tokenizer alone on the same texts.

    .venv/bin/python bench/nlp_speed.py         # or: make bench
"""

import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from nlp.pipeline import analyse, load, screen_many  # noqa: E402
from nlp.pipeline.corpus import outcome_examples, safeguarding_examples  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_NLP_ROUNDS", "3"))
TARGET = 3000
SCREEN_TARGET_MS = 2.0
# The request screens one submission's answers at a time: a handful, not thousands.
REQUEST = 8


def _best_rate(run, texts: list[str]) -> float:
    best = 0.0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run(texts)
        best = max(best, len(texts) / (time.perf_counter() - start))
    return best


def main() -> int:
    pipeline = load()
    # Mostly everyday answers, with the share of worrying ones the corpus has.
    texts = [e.text for e in outcome_examples()] + [e.text for e in safeguarding_examples()]
    texts = texts * 2
    list(analyse(pipeline, texts[:200]))  # warm up
    whole = _best_rate(lambda t: list(analyse(pipeline, t)), texts)
    floor = _best_rate(lambda t: list(pipeline.tokenizer.pipe(t)), texts)
    print(f"Analysis pipeline, one process, {len(texts)} answers, best of {ROUNDS}")
    print(f"  whole pipeline      {whole:>10,.0f} answers/s   (target {TARGET:,})")
    print(f"  tokenizer alone     {floor:>10,.0f} answers/s   (floor, same run)")
    print(f"  ratio               {whole / floor:>10.3f}")
    print(f"  meets target        {'yes' if whole >= TARGET else 'NO'}")

    def in_requests(t: list[str]) -> None:
        for start in range(0, len(t), REQUEST):
            screen_many(pipeline, t[start : start + REQUEST])

    screen_ms = 1000 / _best_rate(in_requests, texts)
    floor_ms = 1000 / floor
    print(f"Safeguarding screen in the request, {REQUEST} answers a call, best of {ROUNDS}")
    print(f"  screen_many         {screen_ms:>10.3f} ms/answer (target <= {SCREEN_TARGET_MS})")
    print(f"  tokenizer alone     {floor_ms:>10.3f} ms/answer (floor, same run)")
    print(f"  meets target        {'yes' if screen_ms <= SCREEN_TARGET_MS else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
