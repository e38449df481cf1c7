"""Load the team-written corpus and split it, the same way every time."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PIPELINE_DIR = Path(__file__).resolve().parent
CORPUS_DIR = PIPELINE_DIR.parent / "corpus"
OUTCOMES = (
    "being_healthy",
    "staying_safe",
    "enjoying_and_achieving",
    "positive_contribution",
    "economic_wellbeing",
)
SAFEGUARDING_KINDS = (
    "physical_abuse",
    "sexual_abuse",
    "grooming_online",
    "neglect",
    "domestic_violence",
    "self_harm",
    "suicidal_thoughts",
    "criminal_exploitation",
    "forced_marriage",
    "runaway_homeless",
    "placement_abuse",
)
PII_LABELS = ("PERSON", "PHONE", "EMAIL", "POSTCODE", "ADDRESS", "SCHOOL", "HANDLE", "DOB")
MARK = re.compile(r"\[\[([^\[\]|]+)\|(" + "|".join(PII_LABELS) + r")\]\]")
HELD_OUT_SHARE = 5  # one text in five is held out


@dataclass
class Example:
    text: str
    labels: list[str] = field(default_factory=list)  # outcomes
    kind: str | None = None  # safeguarding kind, None for a negative
    evidence: str | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # PII
    source: str = ""  # the corpus file it came from, without ".jsonl"


def is_held_out(text: str) -> bool:
    """A stable split: the same text is always on the same side, whatever the file order."""
    digest = hashlib.sha256(text.strip().lower().encode("utf-8")).digest()
    return digest[0] % HELD_OUT_SHARE == 0


def _lines(folder: Path) -> Iterator[tuple[Path, int, dict]]:
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield path, number, json.loads(line)


def unmark(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Turn '[[words|LABEL]]' markup into plain text and (start, end, label) spans."""
    text, spans, last = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[last : match.start()]
        text.append(before)
        length += len(before)
        words, label = match.group(1), match.group(2)
        spans.append((length, length + len(words), label))
        text.append(words)
        length += len(words)
        last = match.end()
    text.append(marked[last:])
    return "".join(text), spans


def outcome_examples(corpus: Path = CORPUS_DIR) -> list[Example]:
    return [
        Example(text=row["text"], labels=list(row["labels"]))
        for _, _, row in _lines(corpus / "outcomes")
    ]


def safeguarding_examples(corpus: Path = CORPUS_DIR) -> list[Example]:
    return [
        Example(
            text=row["text"], kind=row.get("kind"), evidence=row.get("evidence"), source=path.stem
        )
        for path, _, row in _lines(corpus / "safeguarding")
    ]


def pii_examples(corpus: Path = CORPUS_DIR) -> list[Example]:
    examples = []
    for _, _, row in _lines(corpus / "pii"):
        text, spans = unmark(row["marked"])
        examples.append(Example(text=text, spans=spans))
    return examples


def is_development(text: str) -> bool:
    """One training text in five, chosen by another part of the same hash, on which the
    safeguarding screen's thresholds are set; never the held-out split."""
    digest = hashlib.sha256(text.strip().lower().encode("utf-8")).digest()
    return not is_held_out(text) and digest[1] % HELD_OUT_SHARE == 0


def is_ordinary(example: Example) -> bool:
    """A plain everyday answer (kind null), kept in its own files to measure false alarms
    apart from hard negatives, which use the words of harm on purpose."""
    return example.kind is None and "ordinary" in example.source


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    train = [e for e in examples if not is_held_out(e.text)]
    held_out = [e for e in examples if is_held_out(e.text)]
    return train, held_out


def _files(root: Path, pattern: str) -> list[tuple[str, Path]]:
    """The files under root that match, by path relative to root, in that order; compiled
    Python is left out, as it is rebuilt from the source beside it."""
    found = []
    for path in root.rglob(pattern):
        relative = path.relative_to(root)
        if path.is_file() and "__pycache__" not in relative.parts and path.suffix != ".pyc":
            found.append((relative.as_posix(), path))
    return sorted(found)


def training_digest(corpus: Path = CORPUS_DIR, root: Path = PIPELINE_DIR) -> str:
    """A short fingerprint of what a trained pipeline is made from: the corpus, and every file
    of the pipeline's code and data under nlp/pipeline/, subpackages too. It is part of the
    version every stored tag records, so a change to any of them needs a retrained model
    (tests/nlp/test_model_version.py checks the shipped one)."""
    digest = hashlib.sha256()
    for part, base, pattern in (("corpus", corpus, "*.jsonl"), ("pipeline", root, "*")):
        for relative, path in _files(base, pattern):
            data = path.read_bytes()
            # Lengths and separators keep a path and its bytes apart: "a" + "bc" is not "ab" + "c".
            digest.update(f"{part}/{relative}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()[:10]
