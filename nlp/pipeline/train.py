"""Rebuild the pipeline from the corpus, reproducibly: `python -m nlp train`.

Two small bag-of-words text classifiers (outcomes, and the kind of harm) and the safeguarding
screen's linear scorer (train_screen.py) are trained with a fixed seed. Outcome thresholds are
chosen on out-of-fold scores of the training split, the screen's on its development split;
never on the held-out split.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, minibatch

from nlp.pipeline import MODEL_DIR, train_screen
from nlp.pipeline.corpus import (
    CORPUS_DIR,
    OUTCOMES,
    SAFEGUARDING_KINDS,
    Example,
    is_development,
    outcome_examples,
    safeguarding_examples,
    split,
    training_digest,
)

SEED = 20261122
EPOCHS = 12
FOLDS = 4
VERSION = "1.0"

BOW = {
    "@architectures": "voice.TextCatBOWNorm.v1",
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 2**17,
}
OUTCOME_MODEL = {**BOW, "exclusive_classes": False}


def build() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor")
    nlp.add_pipe(
        "textcat_multilabel",
        name="outcomes",
        config={"model": OUTCOME_MODEL, "threshold": 0.5},
    )
    nlp.add_pipe(
        "textcat",
        name="safeguarding_kind",
        config={"model": {**BOW, "length": 2**16, "exclusive_classes": True}},
    )
    nlp.add_pipe("outcome_explainer")
    nlp.add_pipe("safeguarding_screen")
    nlp.add_pipe("keyphrases")
    for label in OUTCOMES:
        nlp.get_pipe("outcomes").add_label(label)
    for kind in SAFEGUARDING_KINDS:
        nlp.get_pipe("safeguarding_kind").add_label(kind)
    return nlp


def _outcome_cats(e: Example) -> dict[str, float]:
    return {label: float(label in e.labels) for label in OUTCOMES}


def _kind_data(sg: list[Example]) -> list[tuple[str, dict]]:
    return [(e.text, {k: float(k == e.kind) for k in SAFEGUARDING_KINDS}) for e in sg if e.kind]


def _fit(nlp: Language, pipe: str, data: list[tuple[str, dict]], seed: int) -> None:
    examples = [SpacyExample.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in data]
    rng = random.Random(seed)
    with nlp.select_pipes(enable=[pipe]):
        optimizer = nlp.initialize(lambda: examples) if pipe == "outcomes" else None
        if optimizer is None:
            optimizer = (
                nlp.get_pipe(pipe).initialize(lambda: examples, nlp=nlp) or nlp.create_optimizer()
            )
        for _ in range(EPOCHS):
            rng.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=32):
                nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)


def _train_pipe(pipe: str, data: list[tuple[str, dict]], seed: int) -> Language:
    fix_random_seed(seed)
    nlp = build()
    _fit(nlp, pipe, data, seed)
    return nlp


def _scores(nlp: Language, pipe: str, texts: list[str]) -> list[dict[str, float]]:
    with nlp.select_pipes(enable=[pipe]):
        return [dict(doc.cats) for doc in nlp.pipe(texts, batch_size=256)]


def _out_of_fold(pipe: str, data: list[tuple[str, dict]], seed: int) -> list[dict[str, float]]:
    """Scores for each item from a model that never saw its text (copies share a fold)."""
    texts = sorted({text for text, _ in data})
    random.Random(seed).shuffle(texts)
    fold_of = {text: i % FOLDS for i, text in enumerate(texts)}
    result: list[dict[str, float]] = [{} for _ in data]
    for k in range(FOLDS):
        model = _train_pipe(pipe, [d for d in data if fold_of[d[0]] != k], seed + k)
        held = [i for i, (text, _) in enumerate(data) if fold_of[text] == k]
        for i, scores in zip(held, _scores(model, pipe, [data[i][0] for i in held]), strict=True):
            result[i] = scores
    return result


def _best_f1_threshold(truth: list[bool], scores: list[float]) -> float:
    best, best_f1 = 0.5, -1.0
    for step in range(5, 90):
        t = step / 100
        tp = sum(1 for y, s in zip(truth, scores, strict=True) if y and s >= t)
        fp = sum(1 for y, s in zip(truth, scores, strict=True) if not y and s >= t)
        fn = sum(1 for y, s in zip(truth, scores, strict=True) if y and s < t)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


TOKEN = re.compile(r"[a-z][a-z']+")


def _cue_weights(examples: list[Example]) -> dict[str, dict[str, float]]:
    """Smoothed log-odds of each word for each label, against all other answers."""
    docs = [(set(TOKEN.findall(e.text.lower())), set(e.labels)) for e in examples]
    total = Counter(w for words, _ in docs for w in words)
    weights: dict[str, dict[str, float]] = {}
    for label in OUTCOMES:
        pos = Counter(w for words, labels in docs if label in labels for w in words)
        n_pos = sum(1 for _, labels in docs if label in labels)
        n_neg = len(docs) - n_pos
        label_weights = {}
        for word, count in total.items():
            if count < 3 or len(word) < 3:
                continue
            in_pos, in_neg = pos[word], count - pos[word]
            score = math.log((in_pos + 0.5) / (n_pos + 1)) - math.log((in_neg + 0.5) / (n_neg + 1))
            if score > 1.0 and in_pos >= 2:
                label_weights[word] = round(score, 3)
        weights[label] = label_weights
    return weights


def _common_words(examples: list[Example]) -> set[str]:
    counts = Counter(w for e in examples for w in TOKEN.findall(e.text.lower()))
    return {w for w, c in counts.items() if c >= 2}


def train(out: Path = MODEL_DIR, log=print, corpus: Path = CORPUS_DIR) -> Language:
    outcomes_train, _ = split(outcome_examples(corpus))
    sg_train, _ = split(safeguarding_examples(corpus))
    log(f"training on {len(outcomes_train)} outcome answers, {len(sg_train)} safeguarding answers")

    outcome_data = [(e.text, _outcome_cats(e)) for e in outcomes_train]
    kind_data = _kind_data(sg_train)

    log("choosing thresholds on out-of-fold scores")
    oof = _out_of_fold("outcomes", outcome_data, SEED)
    thresholds = {
        label: _best_f1_threshold(
            [label in e.labels for e in outcomes_train], [s.get(label, 0.0) for s in oof]
        )
        for label in OUTCOMES
    }
    log(f"outcome thresholds {thresholds}")

    # The screen learns from the training split less its development fifth, on which its
    # thresholds are then set (both kinds of answer: safeguarding and everyday).
    screen = _train_screen(sg_train, outcomes_train, log)

    fix_random_seed(SEED)
    nlp = build()
    _fit(nlp, "outcomes", outcome_data, SEED)
    _fit(nlp, "safeguarding_kind", kind_data, SEED)
    explainer = nlp.get_pipe("outcome_explainer")
    explainer.thresholds = thresholds
    explainer.cue_weights = _cue_weights(outcomes_train)
    nlp.get_pipe("safeguarding_screen").model = screen
    nlp.get_pipe("pii_redactor").set_common_words(_common_words(outcomes_train + sg_train))

    nlp.meta["name"] = "voice"
    nlp.meta["version"] = f"{VERSION}.{training_digest(corpus)}"
    nlp.meta["description"] = "Outcome tags, redaction, safeguarding screen and key phrases."
    nlp.meta["sources"] = [{"name": "the project's own corpus", "url": "nlp/corpus/"}]
    out = Path(out)
    nlp.to_disk(out)
    log(f"saved {nlp.meta['name']}-{nlp.meta['version']} to {out}")
    return nlp


def _train_screen(sg: list[Example], everyday: list[Example], log=print):
    fit_sg = [e for e in sg if not is_development(e.text)]
    fit_everyday = [e for e in everyday if not is_development(e.text)]
    dev_sg = [e for e in sg if is_development(e.text)]
    dev_everyday = [e for e in everyday if is_development(e.text)]
    items = train_screen.training_items(fit_sg, fit_everyday, SEED)
    screen = train_screen.fit(items, SEED, log=log)
    calibration = train_screen.calibrate(screen, dev_sg, dev_everyday)
    screen.threshold = round(calibration.threshold, 4)
    screen.sure_threshold = round(calibration.sure_threshold, 4)
    log("screen on the development split: threshold, recall, worst kind, hard negatives left")
    log("alone, everyday answers flagged")
    for row in calibration.curve:
        log("  " + "  ".join(f"{row[k]:.3f}" for k in row))
    log(f"screen threshold {screen.threshold}, sure at {screen.sure_threshold}")
    return screen
