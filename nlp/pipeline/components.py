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
from nlp.pipeline.safeguarding import Cues, cue_matches
from nlp.pipeline.screen_model import LinearScreen

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


@Language.factory("safeguarding_screen")
class SafeguardingScreen:
    """Flags an answer that may disclose harm, with the kind and the words that show it.

    One learned score (screen_model.LinearScreen: words, word pairs, letter groups and cue
    patterns, sentence by sentence) against two thresholds set on the development split: at
    the first a person looks at the answer; at the second ("sure") the young person is also
    shown stronger help at once. Cue patterns are features of the score, not triggers.
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp
        self.cues = Cues.load()
        self.model = LinearScreen()

    @property
    def threshold(self) -> float:
        return self.model.threshold

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        # The kind classifier runs here, not as a pipeline step, and only on flagged answers.
        for batch in minibatch(stream, size=batch_size):
            flagged = []
            for doc in batch:
                text = _text(doc)
                matches = cue_matches(text, self.cues)
                score, scored = self.model.score(text, matches)
                flag = score >= self.model.threshold
                doc._.safeguarding = {
                    "flag": flag,
                    "sure": score >= self.model.sure_threshold,
                    "kind": None,
                    "evidence": [],
                    "score": round(score, 4),
                }
                if flag:
                    flagged.append((doc, matches))
                    doc._.safeguarding["evidence"] = self.model.evidence(text, scored, matches)
            self._classify("safeguarding_kind", [doc for doc, _ in flagged])
            for doc, matches in flagged:
                doc._.safeguarding["kind"] = self._kind(doc, matches)
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

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.to_disk(path / "screen.json")

    def from_disk(self, path, *, exclude=()):
        self.model = LinearScreen.from_disk(Path(path) / "screen.json")
        return self


@Language.component("keyphrases")
def keyphrase_component(doc: Doc) -> Doc:
    blocked = [(start, end) for start, end, _ in doc._.pii or ()]
    doc._.keyphrases = keyphrases(_text(doc), blocked)
    return doc
