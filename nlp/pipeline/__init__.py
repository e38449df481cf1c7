"""Pure spaCy: build, load and run the answer-analysis pipeline. No Django imports here.

pipeline = load()
for result in analyse(pipeline, ["my mum cant afford the bus"]):
    ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlp.pipeline import components  # noqa: F401  (registers the factories)
from nlp.pipeline.components import TEXT_KEY
from nlp.pipeline.corpus import OUTCOMES

MODEL_DIR = Path(__file__).resolve().parent.parent / "model"


@dataclass
class Analysis:
    outcomes: list[str]
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    safeguarding: dict
    redacted: str
    pii: list[dict]
    keyphrases: list[str]


# Run by the safeguarding_screen component on the answers that need them, not on every answer.
ON_DEMAND = ("safeguarding_kind",)


def load(path: Path | str = MODEL_DIR) -> Language:
    pipeline = spacy.load(path)
    for name in ON_DEMAND:
        if name in pipeline.pipe_names:
            pipeline.disable_pipe(name)
    return pipeline


@cache
def shared() -> Language:
    """One pipeline per process, loaded on first use."""
    return load()


def version(pipeline: Language) -> str:
    return f"{pipeline.meta.get('name', 'pipeline')}-{pipeline.meta.get('version', '0')}"


def _docs(pipeline: Language, texts: Iterable[str]) -> Iterator[Doc]:
    # spaCy's tokenizer keeps the text exactly, so the input is the doc's text; handing it on
    # saves rebuilding it from the tokens.
    for text in texts:
        doc = pipeline.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        yield doc


def analyse(pipeline: Language, texts: Iterable[str], batch_size: int = 256) -> Iterator[Analysis]:
    for doc in pipeline.pipe(_docs(pipeline, texts), batch_size=batch_size):
        ext = doc._
        scores = ext.outcome_scores
        yield Analysis(
            outcomes=list(ext.outcomes),
            scores={label: round(scores[label], 4) for label in OUTCOMES},
            evidence=ext.outcome_evidence,
            safeguarding=ext.safeguarding,
            redacted=ext.redacted,
            pii=[{"start": s, "end": e, "label": label} for s, e, label in ext.pii],
            keyphrases=ext.keyphrases,
        )


def screen(pipeline: Language, text: str) -> dict:
    """Only the safeguarding screen, for use inside a request: the screen's scorer, and the
    kind classifier for a flagged answer."""
    return screen_many(pipeline, [text])[0]


def screen_many(pipeline: Language, texts: list[str]) -> list[dict]:
    screen_component = pipeline.get_pipe("safeguarding_screen")
    return [doc._.safeguarding for doc in screen_component.pipe(_docs(pipeline, texts))]
