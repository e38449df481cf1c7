"""Train the safeguarding screen's linear scorer (screen_model.py) and set its thresholds on
the development split (corpus.is_development), never on the held-out split. See ADR 13.

Logistic regression in numpy, full batch, with a fixed seed: the same corpus always gives the
same weights.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from nlp.pipeline.corpus import SAFEGUARDING_KINDS, Example, is_ordinary
from nlp.pipeline.safeguarding import DATA, Cues, clauses, cue_matches
from nlp.pipeline.screen_model import LinearScreen, answer_features

# What the thresholds are set for, on the development split. The flag threshold is the
# highest at which RECALL of the disclosures and KIND_RECALL of each kind are still found;
# "sure" (the young person is asked "Are you safe?" at once) is the lowest at which no more
# than SURE_ORDINARY of everyday answers would be.
RECALL = 0.97
KIND_RECALL = 0.9
SURE_ORDINARY = 0.002

L2 = 3e-4
EPOCHS = 300
LEARNING_RATE = 0.05
MIN_COUNT = 2
# Everyday answers far outnumber disclosures where the screen runs, so each one counts for
# more than a hard negative in the loss: a queue full of "clean toilets pls" gets ignored.
EVERYDAY_WEIGHT = 2.0
GENERATED_ANSWERS = 1500


@dataclass
class Item:
    text: str
    label: float
    weight: float


def _augment_data() -> dict:
    return json.loads((DATA / "screen_augment.json").read_text(encoding="utf-8"))


def respell(text: str, rng: random.Random, spellings: dict[str, list[str]]) -> str:
    """The same answer as someone in a hurry on a phone might type it."""
    out = text.lower() if rng.random() < 0.7 else text
    for word, others in spellings.items():
        if rng.random() < 0.6:
            out = re.sub(rf"\b{re.escape(word)}\b", rng.choice(others), out, flags=re.IGNORECASE)
    if rng.random() < 0.5:
        out = out.replace("'", "")
    if rng.random() < 0.5:
        out = out.rstrip(".!")
    return out


def generated_answers(rng: random.Random, count: int) -> list[str]:
    """Plain everyday answers put together from the building blocks in screen_augment.json."""
    blocks = _augment_data()["ordinary"]
    templates = blocks["templates"]
    found: set[str] = set()
    for _ in range(count * 3):
        template = rng.choice(templates)
        text = re.sub(r"\{(\w+)\}", lambda m: rng.choice(blocks[m.group(1)]), template)
        found.add(text)
        if len(found) >= count:
            break
    return sorted(found)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in clauses(text) if text[s:e].strip()]


def training_items(sg: list[Example], everyday: list[Example], seed: int) -> list[Item]:
    """Sentences, not whole answers: the screen scores each sentence and keeps the most
    worrying, so it learns from the sentences that carry a disclosure (those that hold the
    corpus's `evidence`) and, as harmless, every other sentence, those around a disclosure
    too. Otherwise it would learn that talk of buses and toilets is a sign of harm, because
    disclosures are often buried in answers about them."""
    # Seeded on purpose, as in train.py: reproducible, not secret.
    rng = random.Random(seed)  # noqa: S311
    spellings = _augment_data()["spellings"]
    items: list[Item] = []
    for e in sg:
        if e.kind:
            at = e.text.find(e.evidence or "")
            gold = (at, at + len(e.evidence)) if e.evidence and at >= 0 else (0, len(e.text))
            for start, end in clauses(e.text):
                piece = e.text[start:end]
                if not piece.strip():
                    continue
                if start < gold[1] and end > gold[0]:
                    items.append(Item(piece, 1.0, 1.0))
                else:
                    items.append(Item(piece, 0.0, 0.5))
            # The words that carry the concern, alone.
            if e.evidence and e.evidence.strip() != e.text.strip():
                items.append(Item(e.evidence, 1.0, 0.5))
        else:
            weight = EVERYDAY_WEIGHT if is_ordinary(e) else 1.0
            items += [Item(piece, 0.0, weight) for piece in _sentences(e.text)]
    items += [Item(p, 0.0, EVERYDAY_WEIGHT) for e in everyday for p in _sentences(e.text)]
    items += [Item(t, 0.0, 1.0) for t in generated_answers(rng, GENERATED_ANSWERS)]
    respelled = [Item(respell(i.text, rng, spellings), i.label, 0.5 * i.weight) for i in items]
    items += [i for i in respelled if i.text.strip()]
    # Disclosures and the rest weigh the same in total.
    positive = sum(i.weight for i in items if i.label)
    negative = sum(i.weight for i in items if not i.label)
    for i in items:
        if i.label:
            i.weight *= negative / positive
    return items


def _flat(text: str) -> list[tuple[str, float]]:
    per_word, whole = answer_features(text)
    return [f for features in per_word for f in features] + whole


def fit(items: list[Item], seed: int, log=print) -> LinearScreen:
    rows = [_flat(i.text) for i in items]
    counts = Counter(f for row in rows for f in {f for f, _ in row})
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: k for k, f in enumerate(vocab)}
    kept = [[(index[f], v) for f, v in row if f in index] for row in rows]
    lengths = np.array([len(r) for r in kept], dtype=np.int64)
    flat = np.fromiter((k for r in kept for k, _ in r), dtype=np.int64, count=int(lengths.sum()))
    values = np.fromiter((v for r in kept for _, v in r), dtype=np.float64, count=len(flat))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    nonempty = lengths > 0
    y = np.array([i.label for i in items])
    sw = np.array([i.weight for i in items])
    sw = sw / sw.sum()
    row_of = np.repeat(np.arange(len(items)), lengths)
    log(f"screen: {len(items)} training answers, {len(vocab)} features")

    rng = np.random.default_rng(seed)
    w = rng.normal(0.0, 1e-3, len(vocab))
    b = 0.0
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, EPOCHS + 1):
        z = np.full(len(items), b)
        z[nonempty] += np.add.reduceat(w[flat] * values, starts[nonempty])
        p = 1.0 / (1.0 + np.exp(-z))
        g = (p - y) * sw
        grad_w = np.bincount(flat, weights=g[row_of] * values, minlength=len(vocab)) + L2 * w
        grad_b = g.sum()
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        correction = np.sqrt(1 - beta2**step) / (1 - beta1**step)
        w -= LEARNING_RATE * correction * m_w / (np.sqrt(v_w) + eps)
        b -= LEARNING_RATE * correction * m_b / (np.sqrt(v_b) + eps)
    loss = -(sw * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum()
    log(f"screen: weighted log loss {loss:.4f} after {EPOCHS} steps")
    weights = {f: round(float(x), 4) for f, x in zip(vocab, w, strict=True) if abs(x) >= 1e-3}
    return LinearScreen(weights=weights, bias=round(float(b), 4))


def scores(model: LinearScreen, texts: list[str]) -> list[float]:
    cues = Cues.load()
    return [model.score(t, cue_matches(t, cues))[0] for t in texts]


@dataclass
class Calibration:
    threshold: float
    sure_threshold: float
    curve: list[dict]


def calibrate(model: LinearScreen, dev: list[Example], everyday: list[Example]) -> Calibration:
    """Thresholds from the development split: see RECALL, KIND_RECALL and SURE_ORDINARY."""
    disclosures = [e for e in dev if e.kind]
    hard = [e for e in dev if not e.kind and not is_ordinary(e)]
    plain = [e for e in dev if is_ordinary(e)] + list(everyday)
    s_disc = scores(model, [e.text for e in disclosures])
    s_hard = np.array(scores(model, [e.text for e in hard]))
    s_plain = np.array(scores(model, [e.text for e in plain]))
    pairs = list(zip(disclosures, s_disc, strict=True))
    by_kind = {k: [s for e, s in pairs if e.kind == k] for k in SAFEGUARDING_KINDS}
    s_disc_arr = np.array(s_disc)

    def row(t: float) -> dict:
        return {
            "threshold": t,
            "recall": float((s_disc_arr >= t).mean()),
            "worst_kind": min(float((np.array(v) >= t).mean()) for v in by_kind.values() if v),
            "hard_left_alone": float((s_hard < t).mean()),
            "ordinary_flagged": float((s_plain >= t).mean()),
        }

    grid = sorted({round(x, 4) for x in np.concatenate([s_disc_arr, np.linspace(0.01, 0.99, 99)])})
    threshold = 0.01
    for t in grid:
        r = row(t)
        if r["recall"] >= RECALL and r["worst_kind"] >= KIND_RECALL:
            threshold = t
    sure = 0.99
    for t in sorted(set(np.round(np.linspace(0.5, 0.999, 500), 4)) | {0.999}):
        if (s_plain >= t).mean() <= SURE_ORDINARY:
            sure = float(t)
            break
    sure = max(sure, threshold)
    curve = [row(t) for t in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]
    curve.append(row(threshold))
    return Calibration(threshold=float(threshold), sure_threshold=sure, curve=curve)
