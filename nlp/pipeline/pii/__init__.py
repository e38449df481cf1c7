"""Find personal data in an answer: shaped data by pattern, names and schools by lexicon and
context. Pure Python over the text; the spaCy component in components.py wraps it.

One module per detector, each with the same signature, `find(answer, lex, found)`: the answer
as read once (text.Answer), the lexicon, and what the detectors before it found; it returns
its own finds as (start, end, label) spans. combine.find_pii runs them in order and settles
their overlaps. Word lists are data, in nlp/pipeline/data/."""

from nlp.pipeline.pii.combine import PRIORITY, find_pii, redact
from nlp.pipeline.pii.lexicon import DATA, PiiLexicon, default_lexicon
from nlp.pipeline.pii.text import WORD, Answer, Span, Word

__all__ = [
    "DATA",
    "PRIORITY",
    "WORD",
    "Answer",
    "PiiLexicon",
    "Span",
    "Word",
    "default_lexicon",
    "find_pii",
    "redact",
]
