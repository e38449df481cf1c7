"""Measure the pipeline on the held-out split that training never sees: `python -m nlp evaluate`."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language

from nlp.pipeline import analyse
from nlp.pipeline.corpus import (
    OUTCOMES,
    PII_LABELS,
    SAFEGUARDING_KINDS,
    is_ordinary,
    outcome_examples,
    pii_examples,
    safeguarding_examples,
    split,
)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def outcome_metrics(nlp: Language, examples) -> dict[str, tuple[float, float, float, int]]:
    results = list(analyse(nlp, [e.text for e in examples]))
    metrics = {}
    for label in OUTCOMES:
        tp = fp = fn = 0
        for e, r in zip(examples, results, strict=True):
            gold, pred = label in e.labels, label in r.outcomes
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
        metrics[label] = (*_prf(tp, fp, fn), sum(label in e.labels for e in examples))
    return metrics


def _evidence_fit(e, shown: list[str]) -> tuple[bool, float]:
    """Does the evidence shown touch the words the writer flagged (the corpus's `evidence`),
    and what share of the characters shown lie inside them?"""
    gold_start = e.text.find(e.evidence or "")
    if gold_start < 0 or not shown:
        return False, 0.0
    gold = set(range(gold_start, gold_start + len(e.evidence)))
    inside = total = 0
    for piece in shown:
        start = e.text.find(piece)
        chars = set(range(start, start + len(piece))) if start >= 0 else set()
        inside += len(chars & gold)
        total += len(piece)
    return inside > 0, inside / total if total else 0.0


def safeguarding_metrics(nlp: Language, examples, everyday=()) -> dict:
    """Recall on disclosures; false alarms on hard negatives (the words of harm used
    harmlessly), on plain everyday answers, and on the outcome corpus (`everyday`)."""
    results = list(analyse(nlp, [e.text for e in examples]))
    pairs = list(zip(examples, results, strict=True))
    disclosures = [(e, r) for e, r in pairs if e.kind]
    negatives = [(e, r) for e, r in pairs if not e.kind and not is_ordinary(e)]
    ordinary = [(e, r) for e, r in pairs if is_ordinary(e)]
    per_kind = {}
    for kind in SAFEGUARDING_KINDS:
        of_kind = [(e, r) for e, r in disclosures if e.kind == kind]
        flagged = sum(r.safeguarding["flag"] for _, r in of_kind)
        per_kind[kind] = (flagged, len(of_kind))
    caught = [(e, r) for e, r in disclosures if r.safeguarding["flag"]]
    right_kind = sum(r.safeguarding["kind"] == e.kind for e, r in caught)
    quiet = sum(not r.safeguarding["flag"] for _, r in negatives)
    fits = [_evidence_fit(e, r.safeguarding["evidence"]) for e, r in caught]
    everyday_flags = [r.safeguarding for r in analyse(nlp, [e.text for e in everyday])]

    def share(flags, key: str) -> float:
        return sum(bool(f[key]) for f in flags) / len(flags) if flags else 0.0

    return {
        "recall": len(caught) / len(disclosures) if disclosures else 0.0,
        "disclosures": len(disclosures),
        "negatives_not_flagged": quiet / len(negatives) if negatives else 0.0,
        "negatives": len(negatives),
        "ordinary": len(ordinary),
        "ordinary_flagged": share([r.safeguarding for _, r in ordinary], "flag"),
        "ordinary_sure": share([r.safeguarding for _, r in ordinary], "sure"),
        "everyday": len(everyday_flags),
        "everyday_flagged": share(everyday_flags, "flag"),
        "everyday_sure": share(everyday_flags, "sure"),
        "kind_accuracy": right_kind / len(caught) if caught else 0.0,
        "evidence_hits": sum(hit for hit, _ in fits) / len(fits) if fits else 0.0,
        "evidence_inside": sum(inside for _, inside in fits) / len(fits) if fits else 0.0,
        "per_kind": per_kind,
        "missed": [e.text for e, r in disclosures if not r.safeguarding["flag"]],
        "false_alarms": [e.text for e, r in negatives + ordinary if r.safeguarding["flag"]],
    }


def pii_metrics(nlp: Language, examples) -> dict:
    """Recall counts a gold span as found when predicted spans cover every character of it."""
    results = list(analyse(nlp, [e.text for e in examples]))
    found, total, predicted, correct = Counter(), Counter(), Counter(), Counter()
    missed: list[tuple[str, str]] = []
    for e, r in zip(examples, results, strict=True):
        covered = set()
        for p in r.pii:
            covered.update(range(p["start"], p["end"]))
        for start, end, label in e.spans:
            total[label] += 1
            if all(i in covered for i in range(start, end) if not e.text[i].isspace()):
                found[label] += 1
            else:
                missed.append((label, e.text[start:end]))
        gold_chars = {i for s, en, _ in e.spans for i in range(s, en)}
        for p in r.pii:
            predicted[p["label"]] += 1
            if any(i in gold_chars for i in range(p["start"], p["end"])):
                correct[p["label"]] += 1
    return {
        "recall": {label: (found[label], total[label]) for label in PII_LABELS},
        "precision": {label: (correct[label], predicted[label]) for label in PII_LABELS},
        "missed": missed,
    }


def report(nlp: Language, log=print, show_errors: bool = False) -> dict:
    _, outcome_held = split(outcome_examples())
    _, sg_held = split(safeguarding_examples())
    _, pii_held = split(pii_examples())

    log(f"Held-out split, pipeline {nlp.meta.get('name')}-{nlp.meta.get('version')}")
    log(f"\nOutcome tags ({len(outcome_held)} answers)")
    log(f"  {'label':<24}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}")
    om = outcome_metrics(nlp, outcome_held)
    for label, (p, r, f, n) in om.items():
        log(f"  {label:<24}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>6}")
    macro = sum(v[2] for v in om.values()) / len(om)
    log(f"  {'macro-F1':<24}{'':>18}{macro:>7.3f}")

    sm = safeguarding_metrics(nlp, sg_held, outcome_held)
    log(
        f"\nSafeguarding ({sm['disclosures']} disclosures, {sm['negatives']} hard negatives, "
        f"{sm['ordinary']} ordinary answers)"
    )
    log(f"  recall on disclosures        {sm['recall']:.3f}")
    worst = min(flagged / n for flagged, n in sm["per_kind"].values() if n)
    log(f"  recall, worst kind           {worst:.3f}")
    log(f"  hard negatives not flagged   {sm['negatives_not_flagged']:.3f}")
    log(f"  ordinary answers flagged     {sm['ordinary_flagged']:.3f}")
    log(f"  ordinary answers shown sure  {sm['ordinary_sure']:.3f}")
    log(
        f"  outcome corpus flagged       {sm['everyday_flagged']:.3f} "
        f"(sure {sm['everyday_sure']:.3f})"
    )
    log(f"  kind right, when flagged     {sm['kind_accuracy']:.3f}")
    log(f"  evidence touches the words   {sm['evidence_hits']:.3f}")
    log(f"  evidence shown inside them   {sm['evidence_inside']:.3f}")
    for kind, (flagged, n) in sm["per_kind"].items():
        log(f"  {kind:<28} {flagged}/{n}")

    pm = pii_metrics(nlp, pii_held)
    log(f"\nRedaction ({len(pii_held)} answers): recall (covered/gold), precision")
    for label in PII_LABELS:
        f, t = pm["recall"][label]
        c, p = pm["precision"][label]
        recall, precision = (f / t if t else 0.0), (c / p if p else 0.0)
        log(f"  {label:<10} recall {recall:.3f} ({f}/{t})  precision {precision:.3f}")
    if show_errors:
        log("\nMissed disclosures:")
        for text in sm["missed"]:
            log(f"  - {text}")
        log("False alarms:")
        for text in sm["false_alarms"]:
            log(f"  - {text}")
        log("Missed personal data:")
        for label, text in pm["missed"]:
            log(f"  - {label}: {text}")
    return {"outcomes": om, "macro_f1": macro, "safeguarding": sm, "pii": pm}
