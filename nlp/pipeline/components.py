"""The pipeline's own spaCy components, registered as factories.

Importing this module registers them; `nlp.pipeline.load` does so before loading a pipeline.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import srsly
from spacy.attrs import NORM
from spacy.language import Language
from spacy.ml.models.textcat import _build_bow_text_classifier
from spacy.tokens import Doc
from spacy.util import minibatch, registry
from thinc.api import SparseLinear_v2

from nlp.pipeline.corpus import OUTCOMES, SAFEGUARDING_KINDS
from nlp.pipeline.keyphrases import keyphrases
from nlp.pipeline.pii import PiiLexicon, find_pii, redact
from nlp.pipeline.safeguarding import Cues, clause_around, clauses, cue_matches, mentions_risk

DISCLOSURE = "DISCLOSURE"
TEXT_KEY = "voice.text"
WORD = re.compile(r"[a-z][a-z']+")


def _text(doc: Doc) -> str:
    return doc.user_data.get(TEXT_KEY) or doc.text


for _name, _default in (
    ("pii", None),
    ("redacted", None),
    ("outcomes", None),
    ("outcome_scores", None),
    ("outcome_evidence", None),
    ("safeguarding", None),
    ("keyphrases", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@registry.architectures("voice.TextCatBOWNorm.v1")
def bow_on_norms(
    exclusive_classes: bool, ngram_size: int, no_output_layer: bool, length: int, nO=None
):
    """spaCy's bag-of-words classifier over token norms rather than exact spellings, so 'Cuz',
    'cuz' and 'because' count as one word."""
    model = _build_bow_text_classifier(
        exclusive_classes=exclusive_classes,
        ngram_size=ngram_size,
        no_output_layer=no_output_layer,
        nO=nO,
        sparse_linear=SparseLinear_v2(nO=nO, length=2 ** (length - 1).bit_length()),
    )
    for node in model.walk():
        if node.name == "extract_ngrams":
            node.attrs["attr"] = NORM
    return model


@Language.factory("pii_redactor")
class PiiRedactor:
    """Finds personal data, sets doc.spans['pii'], doc._.pii and doc._.redacted."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.common_words: set[str] = set()
        self.lexicon = PiiLexicon.load(self.common_words)

    def set_common_words(self, words: set[str]) -> None:
        self.common_words = set(words)
        self.lexicon = PiiLexicon.load(self.common_words)

    def __call__(self, doc: Doc) -> Doc:
        # Doc.text is rebuilt from the tokens on every use; later components read this copy,
        # which `analyse` sets from the input when it makes the doc.
        text = _text(doc)
        doc.user_data[TEXT_KEY] = text
        found = find_pii(text, self.lexicon)
        doc._.pii = found
        doc._.redacted = redact(text, found)
        spans = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in found]
        doc.spans["pii"] = [s for s in spans if s is not None]
        return doc

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "common_words.txt").write_text("\n".join(sorted(self.common_words)) + "\n")

    def from_disk(self, path, *, exclude=()):
        words = (Path(path) / "common_words.txt").read_text().split()
        self.set_common_words(set(words))
        return self


@Language.factory("outcome_explainer", default_config={"default_threshold": 0.5})
class OutcomeExplainer:
    """Turns the outcome scores into tags, each with the words that most explain it.

    The explaining words are those of the answer that the corpus most ties to the label
    (smoothed log-odds, computed in training), so an analyst can see why a tag was given.
    """

    def __init__(self, nlp: Language, name: str, default_threshold: float):
        self.name = name
        self.thresholds = dict.fromkeys(OUTCOMES, default_threshold)
        self.cue_weights: dict[str, dict[str, float]] = {label: {} for label in OUTCOMES}

    def __call__(self, doc: Doc) -> Doc:
        scores = {label: float(doc.cats.get(label, 0.0)) for label in OUTCOMES}
        tags = [label for label in OUTCOMES if scores[label] >= self.thresholds[label]]
        words = WORD.findall(_text(doc).lower())
        evidence = {}
        for label in tags:
            weights = self.cue_weights[label]
            ranked = sorted({w for w in words if weights.get(w, 0) > 0}, key=lambda w: -weights[w])
            evidence[label] = ranked[:5]
        doc._.outcomes = tags
        doc._.outcome_scores = scores
        doc._.outcome_evidence = evidence
        return doc

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # Keys sorted so a retrain that learns the same weights writes the same bytes.
        data = {"thresholds": self.thresholds, "cues": self.cue_weights}
        (path / "explainer.json").write_text(json.dumps(data, sort_keys=True, indent=2))

    def from_disk(self, path, *, exclude=()):
        data = srsly.read_json(Path(path) / "explainer.json")
        self.thresholds, self.cue_weights = data["thresholds"], data["cues"]
        return self


@Language.factory("safeguarding_screen", default_config={"threshold": 0.3, "sure_threshold": 0.5})
class SafeguardingScreen:
    """Flags an answer that may disclose harm, with the kind and the words that show it.

    The trained screen (the `safeguarding` text classifier) and the cue patterns are joined
    with OR: a missed disclosure is far worse than a false alarm, and a person decides.
    """

    def __init__(self, nlp: Language, name: str, threshold: float, sure_threshold: float):
        self.name = name
        self.nlp = nlp
        self.threshold = threshold
        # Above this (or on a cue) the screen is fairly sure, and the young person is shown
        # stronger help at once; below it a flag still goes quietly to a person.
        self.sure_threshold = sure_threshold
        self.cues = Cues.load()
        # Words disclosures are made of, learned from the corpus in training; see train.py.
        self.risk_words: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        # The two classifiers run here, not as pipeline steps, and only where needed: the
        # screen score for answers that hold a risk word and no cue (a cue flags an answer
        # whatever the score), the kind for flagged answers.
        for batch in minibatch(stream, size=batch_size):
            texts = [_text(doc) for doc in batch]
            cued = [cue_matches(t, self.cues) for t in texts]
            gated = [mentions_risk(t, self.cues, self.risk_words) for t in texts]
            self._classify(
                "safeguarding",
                [d for d, g, c in zip(batch, gated, cued, strict=True) if g and not c],
            )
            flagged = []
            for doc, matches, gate in zip(batch, cued, gated, strict=True):
                # A cue is a high-precision rule, so an answer it catches counts as certain.
                score = float(doc.cats.get(DISCLOSURE, 1.0 if matches else 0.0))
                flag = (gate and score >= self.threshold) or bool(matches)
                doc._.safeguarding = {
                    "flag": flag,
                    "sure": bool(matches) or (gate and score >= self.sure_threshold),
                    "kind": None,
                    "evidence": [],
                    "score": round(score, 4),
                }
                if flag:
                    flagged.append((doc, matches))
            self._classify("safeguarding_kind", [doc for doc, _ in flagged])
            evidence = self._evidence_many(flagged)
            for (doc, matches), found in zip(flagged, evidence, strict=True):
                doc._.safeguarding["kind"] = self._kind(doc, matches)
                doc._.safeguarding["evidence"] = found
            yield from batch

    def _classify(self, name: str, docs: list[Doc]) -> None:
        if docs:
            component = self.nlp.get_pipe(name)
            component.set_annotations(docs, component.predict(docs))

    def _kind(self, doc: Doc, matches) -> str:
        model = {k: float(doc.cats.get(k, 0.0)) for k in SAFEGUARDING_KINDS}
        if not matches:
            return max(model, key=model.get)
        counts = Counter(m.kind for m in matches)
        return max(counts, key=lambda k: (counts[k] + model[k], model[k]))

    def _evidence_many(self, flagged) -> list[list[str]]:
        """The words behind each flag: the clauses around cue matches, or else the clause the
        trained screen finds most worrying (scored for the whole batch in one call)."""
        found: list[list[str] | None] = []
        pending: list[tuple[int, str, list[tuple[int, int]]]] = []
        for i, (doc, matches) in enumerate(flagged):
            text = _text(doc)
            if matches:
                pieces = []
                for m in sorted(matches, key=lambda m: m.start):
                    start, end = clause_around(text, m.start, m.end)
                    piece = text[start:end].strip()
                    if piece and piece not in pieces:
                        pieces.append(piece)
                found.append(pieces[:3])
                continue
            spans = list(clauses(text))
            if len(spans) <= 1:
                found.append([text.strip()])
                continue
            found.append(None)
            pending.append((i, text, spans))
        if pending:
            screen = self.nlp.get_pipe("safeguarding")
            column = screen.labels.index(DISCLOSURE)
            docs = [self.nlp.make_doc(text[s:e]) for _, text, spans in pending for s, e in spans]
            scores = screen.predict(docs)
            offset = 0
            for i, text, spans in pending:
                ours = [float(scores[offset + k][column]) for k in range(len(spans))]
                offset += len(spans)
                best = max(range(len(spans)), key=ours.__getitem__)
                found[i] = [text[spans[best][0] : spans[best][1]].strip()]
        return found

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"threshold": self.threshold, "risk_words": sorted(self.risk_words)}
        (path / "screen.json").write_text(json.dumps(data))

    def from_disk(self, path, *, exclude=()):
        data = json.loads((Path(path) / "screen.json").read_text())
        self.threshold = data["threshold"]
        self.risk_words = frozenset(data.get("risk_words", ()))
        return self


@Language.component("keyphrases")
def keyphrase_component(doc: Doc) -> Doc:
    blocked = [(start, end) for start, end, _ in doc._.pii or ()]
    doc._.keyphrases = keyphrases(_text(doc), blocked)
    return doc
