"""`python -m nlp train | evaluate | tag`: the pipeline outside the site. No Django needed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO


def _tag(stdin: TextIO, stdout: TextIO, stderr: TextIO, model: Path, batch: int) -> int:
    from nlp.pipeline import analyse, load

    pipeline = load(model)
    skipped = 0
    pending: list[tuple[object, str]] = []

    def flush() -> None:
        texts = [text for _, text in pending]
        for (item_id, _), result in zip(pending, analyse(pipeline, texts), strict=True):
            out = {
                "id": item_id,
                "outcomes": result.outcomes,
                "scores": result.scores,
                "safeguarding": {
                    "flag": result.safeguarding["flag"],
                    "kind": result.safeguarding["kind"],
                    "evidence": result.safeguarding["evidence"],
                },
                "redacted": result.redacted,
                "pii": result.pii,
                "keyphrases": result.keyphrases,
            }
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        pending.clear()

    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            stderr.write(f"line {number}: not JSON ({error.msg}); skipped\n")
            skipped += 1
            continue
        text = row.get("text") if isinstance(row, dict) else None
        if not isinstance(text, str) or not text.strip():
            stderr.write(f'line {number}: no "text" string; skipped\n')
            skipped += 1
            continue
        pending.append((row.get("id"), text))
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    stdout.flush()
    return 1 if skipped else 0


def main(argv: list[str] | None = None) -> int:
    from nlp.pipeline import MODEL_DIR

    parser = argparse.ArgumentParser(prog="python -m nlp", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="rebuild the pipeline from nlp/corpus/")
    train.add_argument("--out", type=Path, default=MODEL_DIR)
    train.add_argument("--corpus", type=Path, default=None, help="another corpus folder")
    evaluate = sub.add_parser("evaluate", help="print metrics on the held-out split")
    evaluate.add_argument("--model", type=Path, default=MODEL_DIR)
    evaluate.add_argument("--errors", action="store_true", help="list what it got wrong")
    tag = sub.add_parser("tag", help="JSON lines in on stdin, tagged JSON lines out on stdout")
    tag.add_argument("--model", type=Path, default=MODEL_DIR)
    tag.add_argument("--batch", type=int, default=256)
    args = parser.parse_args(argv)

    if args.command == "train":
        from nlp.pipeline.corpus import CORPUS_DIR
        from nlp.pipeline.train import train as run_train

        run_train(
            args.out, log=lambda m: print(m, file=sys.stderr), corpus=args.corpus or CORPUS_DIR
        )
        return 0
    if args.command == "evaluate":
        from nlp.pipeline import load
        from nlp.pipeline.evaluate import report

        report(load(args.model), show_errors=args.errors)
        return 0
    return _tag(sys.stdin, sys.stdout, sys.stderr, args.model, args.batch)
