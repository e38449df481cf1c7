"""Postcodes and addresses, by pattern: 'LS1 1AB', '14 Elm Road', 'flat 6, ivy house, 40
church street', a number and words before a postcode, and a street named without a number
where the answer says someone lives there ('i live on Parr Street')."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.address_checks import (
    YEAR_BEFORE,
    home_street,
    named_street,
    numbered_address,
    short_address,
)
from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.shapes import matches
from nlp.pipeline.pii.text import YEAR, Answer, Span


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    """STREET is a street named without a house number, shown as ADDRESS once overlaps are
    settled: a school named after its street is the better find."""
    spans: list[Span] = []
    text = answer.text
    for key, m, start, end in matches(answer, lex, ("POSTCODE", "ADDRESS")):
        label = key.split("_")[0]
        if key == "POSTCODE" and not _postcode(text[start:end], lex):
            continue
        if key == "ADDRESS_NUMBER":
            if not numbered_address(text, m, lex):
                continue
            start = _building_start(text, start, lex)
        elif key in ("ADDRESS_THE", "ADDRESS_CUED"):
            if not short_address(text, start, end, lex):
                continue
        elif key == "ADDRESS_LIVES":
            trimmed = named_street(text, start, end, lex, lower_ok=True)
            if trimmed is None:
                continue
            start, label = trimmed, "ADDRESS"
        elif key in ("ADDRESS_STREET", "ADDRESS_BUILDING"):
            trimmed = named_street(text, start, end, lex, lower_ok=False)
            if trimmed is None or not home_street(text, trimmed, end, lex):
                continue
            start, label = trimmed, "STREET"
        spans.append((start, end, label))
    if "POSTCODE" in answer.tried:
        # Against every shaped find so far: a phone number before a postcode is no address.
        spans += _before_postcodes(text, found + spans, lex)
    return _join_addresses(text, spans) if len(spans) > 1 else spans


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
_POSTCODE_AS_USUAL = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[A-Z]{2}", re.IGNORECASE)
# Letters a postcode's inward part never holds (so "5am" and "6pm" are not one).
_NOT_INWARD = set("CIKMOV")


def _postcode(found: str, lex: PiiLexicon) -> bool:
    """Spaced as usual ('LS1 1AB', 'm145tq'), or with stray spaces ('b23 6 tu') when it starts
    with a real postcode area, its last letters could end one, and a space still parts its
    halves (not 'im 15 an')."""
    if _POSTCODE_AS_USUAL.fullmatch(found):
        return True
    compact = _NOT_ALNUM.sub("", found).upper()
    area = compact[:2] if compact[1].isalpha() else compact[:1]
    inward = max(i for i, c in enumerate(found) if c.isdigit())
    return (
        area in lex.postal_areas
        and _NOT_INWARD.isdisjoint(compact[-2:])
        and found[inward - 1] in " .-"
    )


# A house number and up to three words just before a postcode: "7 herons haven ox4 1dd".
_BEFORE_POSTCODE = re.compile(
    r"(?<![\w£$.,:/])(?:(?:flat|apartment|apt|unit|no\.?|number)\s*)?\d{1,4}[a-h]?,?\s+"
    r"(?:[A-Za-z'\u2019\-]+\s+){0,2}[A-Za-z'\u2019\-]+(?=,?\s+$)",
    re.IGNORECASE,
)


def _before_postcodes(text: str, spans: list[Span], lex: PiiLexicon) -> list[Span]:
    """Whatever the street is called, a number and a name before a postcode are an address,
    unless they are everyday words ('aged 12 from leeds ls1 1ab')."""
    found: list[Span] = []
    for start, _, label in spans:
        if label != "POSTCODE":
            continue
        m = _BEFORE_POSTCODE.search(text, max(0, start - 50), start)
        if not m or YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if any(s[0] < m.end() and m.start() < s[1] for s in spans):
            continue  # "12 Elm Road Leeds LS1 1AB", "07700 900 558 Ravi Shah LS1 1AB"
        number = next(w for w in m.group().split() if w[0].isdigit()).rstrip(",")
        named = [w.lower() for w in m.group().split() if w[0].isalpha()]
        if YEAR.fullmatch(number) or any(w.startswith(("post", "code")) for w in named):
            continue  # "born 2011 postcode ..."
        if named and named[0].startswith(("flat", "apart", "apt", "unit", "no", "number")):
            named = named[1:]
        if named[:1] == ["the"]:
            named = named[1:]  # "3 the maltings"
        if named and not any(
            w in STOP_WORDS or w in lex.unit_words or w in lex.plain_words for w in named
        ):
            found.append((m.start(), m.end(), "ADDRESS"))
    return found


def _building_start(text: str, start: int, lex: PiiLexicon) -> int:
    """Where a numbered address starts when a building's name comes first: 'Jubilee House,
    40 Canal Street', 'Flat 7, Orchard Mansions, 56 High Street'."""
    if start < 8 or text[start - 1] not in " ,":
        return start
    building = lex.building_before.search(text, max(0, start - 80), start)
    return building.start() if building else start


def _join_addresses(text: str, spans: list[Span]) -> list[Span]:
    """Parts of one address written with commas become one span: 'flat 6, ivy house, 40
    church street'."""
    parts = sorted(s for s in spans if s[2] == "ADDRESS")
    if len(parts) < 2:
        return spans
    joined: list[Span] = []
    for start, end, label in parts:
        if joined and start <= joined[-1][1] + 3 and not text[joined[-1][1] : start].strip(" ,"):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]), label)
        else:
            joined.append((start, end, label))
    return [s for s in spans if s[2] != "ADDRESS"] + joined
