"""Find personal data in an answer: shaped data by pattern, names and schools by lexicon and
context. Pure Python over the text; the spaCy component in components.py wraps it.

One module, not a package split by concern, though it is past 500 lines: the pipeline's
version fingerprint (corpus.training_digest) reads only nlp/pipeline/*.py, so code moved into a
subpackage would change tags without changing the version they record."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

DATA = Path(__file__).resolve().parent / "data"
# Letters of the Latin scripts ("Paweł", "Wójcik", "Nguyễn"; a range is faster than any
# letter), with apostrophes and hyphens; never the tail of a longer token ("7AZ", "jay_b09").
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
WORD = re.compile(rf"(?<!\w)[{_LETTER}][{_LETTER}'\u2019\-]*")
Span = tuple[int, int, str]
Word = tuple[int, int, str, str]  # start, end, as written, lower case with a plain apostrophe

# When two finds overlap, the more specific shape wins. STREET is a street named without a
# house number: a school named after its street ("Whitburn Road Primary") is the better find.
PRIORITY = {
    "EMAIL": 0,
    "PHONE": 1,
    "POSTCODE": 2,
    "DOB": 3,
    "HANDLE": 4,
    "ADDRESS": 5,
    "SCHOOL": 6,
    "STREET": 7,
    "PERSON": 8,
}
_SHOWN_AS = {"STREET": "ADDRESS"}


@dataclass
class PiiLexicon:
    first_names: set[str]
    common_words: set[str]
    common_names: set[str]
    titles: set[str]
    formal_titles: set[str]
    not_title_before: set[str]
    name_cues_before: set[str]
    name_cue_phrases: set[tuple[str, ...]]
    name_cue_ends: set[str]
    self_cue_phrases: set[tuple[str, ...]]
    not_name_endings: tuple[str, ...]
    ambiguous_names: set[str]
    school_suffixes: set[str]
    school_suffix_phrases: set[tuple[str, ...]]
    school_tail_words: set[str]
    school_tail_phrases: list[tuple[str, ...]]
    school_phrase_starts: set[str]
    school_starts: set[str]
    school_context: set[str]
    saint_words: set[str]
    not_saint_followers: set[str]
    handle_cues: set[str]
    handle_glue: set[str]
    handle_strong_before: set[str]
    handle_name_before: set[str]
    handle_triggers: set[str]
    handle_end_words: set[str]
    handle_stat_words: set[str]
    tlds: set[str]
    helplines: set[str]
    birth_cue: re.Pattern
    birthday_is: re.Pattern
    month_words: frozenset[str]
    not_streets: set[str]
    plain_words: set[str]
    organisation_words: set[str]
    unit_words: set[str]
    not_people: set[str]
    self_descriptions: set[str]
    family_words: set[str]
    abstract_names: set[str]
    abstract_name_blockers: set[str]
    company_verbs: set[str]
    name_verbs_after: re.Pattern
    verbs_after_names: set[str]
    to_a_person: set[str]
    surname_endings: tuple[str, ...]
    family_names_first: set[str]
    not_name_after: set[str]
    not_name_before: set[str]
    title_cues_before: set[str]
    school_name_phrases: set[tuple[str, ...]]
    school_tail_after_phrases: list[tuple[str, ...]]
    school_place_words: set[str]
    school_weak_tails: set[str]
    school_academy_words: set[str]
    not_school_initials: set[str]
    not_school_names: set[str]
    school_talk: set[str]
    home_before: re.Pattern
    postal_areas: set[str]
    month_cue: re.Pattern
    building_before: re.Pattern
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)
    needs: dict[str, list[str | list[str]]] = field(default_factory=dict)
    need_groups: list[tuple[tuple[str | tuple[str, ...], ...], list[str]]] = field(
        default_factory=list
    )
    digit_need_groups: list[tuple[tuple[str | tuple[str, ...], ...], list[str]]] = field(
        default_factory=list
    )
    capital_need_groups: list[tuple[tuple[str | tuple[str, ...], ...], list[str]]] = field(
        default_factory=list
    )
    always_tried: frozenset[str] = frozenset()
    tried_on_digit: frozenset[str] = frozenset()
    tried_on_capital: frozenset[str] = frozenset()
    needs_birth: bool = False

    def __post_init__(self) -> None:
        # Kinds with the same needs are checked once. A need is one fact, or a tuple of facts
        # that must all hold: ("<digit>", "<month>"). Needs that all hold "<digit>" are checked
        # only when there is one, as most answers have none; then those that all hold
        # "<capital>", as most answers are in lower case.
        groups: dict[tuple[tuple[str, ...], ...], list[str]] = {}
        for key, needs in self.needs.items():
            need = tuple((n,) if isinstance(n, str) else tuple(n) for n in needs)
            groups.setdefault(need, []).append(key)
        gated: dict[str, tuple[list, set[str]]] = {
            "<digit>": (self.digit_need_groups, set()),
            "<capital>": (self.capital_need_groups, set()),
        }
        for need, keys in groups.items():
            table, on_gate = self.need_groups, None
            for gate, (gate_table, gate_keys) in gated.items():
                if all(gate in all_of for all_of in need):
                    need = tuple(tuple(n for n in all_of if n != gate) for all_of in need)
                    table, on_gate = gate_table, gate_keys
                    break
            if on_gate is not None and () in need:
                on_gate.update(keys)  # the gate alone is enough
                continue
            table.append((tuple(n[0] if len(n) == 1 else n for n in need), keys))
        self.always_tried = frozenset(set(self.patterns) - set(self.needs))
        self.tried_on_digit = frozenset(gated["<digit>"][1])
        self.tried_on_capital = frozenset(gated["<capital>"][1])
        self.needs_birth = any("<birth>" in all_of for n in groups for all_of in n)

    @classmethod
    def load(cls, common_words: set[str] | None = None) -> PiiLexicon:
        words = json.loads((DATA / "pii_lexicon.json").read_text(encoding="utf-8"))
        raw = json.loads((DATA / "pii_patterns.json").read_text(encoding="utf-8"))
        ambiguous = set(words["ambiguous_names"])
        listed = {
            line.strip().lower()
            for line in (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
        # Looked up without accents too, so "Zoë" and "Zoe" are the same name.
        names = listed | {_fold(n) for n in listed}
        common = set(common_words or ()) | set(STOP_WORDS)
        return cls(
            first_names=names,
            # A name that is also an everyday word needs a capital or a cue to count.
            common_words=common - (names - ambiguous),
            common_names=common & names & ambiguous,
            titles=set(words["titles"]),
            formal_titles=set(words["formal_titles"]),
            not_title_before=set(words["not_title_before"]),
            name_cues_before=set(words["name_cues_before"]),
            name_cue_phrases={tuple(p.split()) for p in words["name_cue_phrases"]},
            name_cue_ends={
                p.split()[-1] for p in words["name_cue_phrases"] + words["self_cue_phrases"]
            },
            self_cue_phrases={tuple(p.split()) for p in words["self_cue_phrases"]},
            not_name_endings=tuple(words["not_name_endings"]),
            ambiguous_names=ambiguous,
            school_suffixes=set(words["school_suffixes"]),
            school_suffix_phrases={tuple(p.split()) for p in words["school_suffix_phrases"]},
            school_tail_words=set(words["school_tail_words"]),
            # Longest first, so "sixth form college" is tried before "sixth form".
            school_tail_phrases=sorted(
                (tuple(p.split()) for p in words["school_tail_phrases"]), key=len, reverse=True
            ),
            school_phrase_starts={p.split()[0] for p in words["school_tail_phrases"]},
            school_starts={p.split()[0] for p in words["school_tail_phrases"]}
            | set(words["school_tail_words"])
            | set(words["saint_words"]),
            school_context=set(words["school_context"]),
            saint_words=set(words["saint_words"]),
            not_saint_followers=set(words["not_saint_followers"]),
            handle_cues=set(words["handle_cues"]),
            handle_glue=set(words["handle_glue"]),
            handle_strong_before=set(words["handle_strong_before"]),
            handle_name_before=set(words["handle_name_before"]),
            handle_triggers=set(words["handle_cues"]) | {"me", "name"},
            handle_end_words=set(words["handle_end_words"]),
            handle_stat_words=set(words["handle_stat_words"]),
            tlds=set(words["tlds"]),
            helplines=set(words["helplines"]),
            birth_cue=_word_starts(words["birth_cues"]),
            birthday_is=_birthday_is(words["birth_cues"]),
            month_words=frozenset(raw["_parts"]["MONTH"]),
            not_streets=set(words["not_streets"]),
            plain_words=set(words["plain_words"]),
            organisation_words=set(words["organisation_words"]),
            unit_words=set(words["unit_words"]),
            not_people=set(words["not_people"]),
            self_descriptions=set(words["self_descriptions"]),
            family_words=set(words["family_words"]),
            abstract_names=set(words["abstract_names"]),
            abstract_name_blockers=set(words["abstract_name_blockers"]),
            company_verbs=set(words["company_verbs"]),
            name_verbs_after=_name_verbs(words),
            verbs_after_names=set(words["name_verbs_after"]),
            to_a_person=set(words["to_a_person"]),
            surname_endings=tuple(words["surname_endings"]),
            family_names_first=set(words["family_names_first"]),
            # "St Helens", "Christmas Eve": after these a word is part of a place's or a day's name.
            not_name_after=set(words["not_name_after"]) | set(words["saint_words"]),
            not_name_before=set(words["not_name_before"]),
            title_cues_before=set(words["title_cues_before"]),
            school_name_phrases={tuple(p.split()) for p in words["school_name_phrases"]},
            school_tail_after_phrases=[
                tuple(p.split()) for p in words["school_tail_after_phrases"]
            ],
            school_place_words=set(words["school_place_words"]),
            school_weak_tails=set(words["school_weak_tails"]),
            school_academy_words=set(words["school_academy_words"]),
            not_school_initials=set(words["not_school_initials"]),
            not_school_names=set(words["not_school_names"]),
            school_talk=set(words["school_talk"])
            | set(words["school_context"])
            | set(words["school_tail_words"]),
            home_before=_home_before(words["home_cues"]),
            postal_areas=set(raw["_parts"]["POSTAL_AREA"]),
            # The first three letters of the months, misspelled ones too: "apirl", "agust".
            month_cue=_word_starts({m[:3] for m in raw["_parts"]["MONTH"]}),
            building_before=_expand(raw["_building_before"], raw),
            patterns=_compile_patterns(raw),
            needs=raw.get("_needs", {}),
        )


def _word_starts(cues) -> re.Pattern:
    """Any of the cues, grouped by first letter ('b(?:orn|irth|day)|dob'): the regex engine then
    skips ahead to those letters, which a lookbehind first would stop. _cue_in checks that a
    cue starts a word."""
    by_first: dict[str, list[str]] = {}
    for cue in sorted(set(cues), key=len, reverse=True):
        by_first.setdefault(cue[0], []).append(re.escape(cue[1:]))
    return re.compile(
        "|".join(
            re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in by_first.items()
        )
    )


def _cue_in(cue: re.Pattern, low: str) -> bool:
    """Whether a cue from _word_starts starts a word of low: 'born', not 'unborn'."""
    for m in cue.finditer(low):
        start = m.start()
        if not start or not low[start - 1].isalpha():
            return True
    return False


def _birthday_is(cues: list[str]) -> re.Pattern:
    """What comes just before a day named as a birthday: 'born on', 'my birthday is on the',
    'bday:', 'i turn 12 on'; not 'for my birthday i got a bike and on'."""
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues if c != "turn")
    return re.compile(
        rf"(?:\b(?:{words})[\w'\u2019]*|\bturn(?:ing|s)?\s+\d{{1,2}})\s*(?:is|was|[:=\-])?\s*"
        r"(?:(?:also|actually|literally|just)\s+)?(?:on\s+)?(?:the\s+)?$",
        re.IGNORECASE,
    )


def _home_before(cues: list[str]) -> re.Pattern:
    """What comes before a street named as where someone lives: 'i live on', 'i stay at my
    dads at weekends on', 'our house is on', 'my nan's on', 'on the same road,', 'our street
    is', 'my road,'. The words between stay in one clause: not 'i live in leeds and my school
    is on'."""
    alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(
        rf"(?:\b(?:{alternation})\s+"
        r"(?:(?!(?:and|but|because|cos|coz|so|or|school|club|shop|shops)\b)[\w'\u2019]+\s+){0,6}?"
        r"(?:on|at|in|to|into|off|down|up|is|along|of)\s+(?:the\s+same\s+(?:road|street)\s*,?\s*)?"
        r"|\b(?:my|our)\s+\w+(?:'s|\u2019s|s)\s+(?:(?:house|flat|home|place)\s+)?(?:is\s+)?"
        r"(?:on|in|at|off)\s+"
        r"|\b(?:my|our)\s+(?:street|road|address)(?:\s+(?:is|was|'s|\u2019s)\s+|\s*[:,=\-]\s*))$",
        re.IGNORECASE,
    )


def _name_verbs(words: dict) -> re.Pattern:
    """What follows a name at the start of a sentence: 'Faith said', 'Hope is my best friend',
    'Joy is in my class'; not 'Hope is all we have'."""
    relations = "|".join(sorted(map(re.escape, words["name_cues_before"]), key=len, reverse=True))
    verbs = "|".join(sorted(map(re.escape, words["name_verbs_after"]), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:(?:{verbs})\b|(?:is|was|are|were|'s|\u2019s)\s+(?:my|our)\s+(?:best\s+|bestest\s+|"
        rf"older\s+|little\s+|big\s+|younger\s+|twin\s+|key\s+|social\s+|support\s+|"
        rf"youth\s+|step\s+)?(?:{relations})\b|"
        r"(?:is|was|are|were)\s+in\s+(?:my|our)\s+(?:class|form|year|group|team)\b|"
        r"(?:are|were)\s+(?:twins|best\s+(?:friends|mates)|cousins|sisters|brothers)\b|"
        r"from\s+(?:the\s+year\s+(?:above|below)|year\s*\d|yr\s*\d|my\s+(?:class|form|year))\b)",
        re.IGNORECASE,
    )


def _expand(pattern: str, raw: dict) -> re.Pattern:
    for name, items in raw.get("_parts", {}).items():
        alternation = "(?:" + "|".join(sorted(set(items), key=lambda s: (-len(s), s))) + ")"
        pattern = pattern.replace(f"<{name}>", alternation)  # longest first
    return re.compile(pattern, re.IGNORECASE)


def _compile_patterns(raw: dict) -> dict[str, list[re.Pattern]]:
    return {
        key: [_expand(pattern, raw) for pattern in patterns]
        for key, patterns in raw.items()
        if not key.startswith("_")
    }


@cache
def default_lexicon() -> PiiLexicon:
    return PiiLexicon.load()


# Letters that Unicode does not decompose into a plain letter and an accent.
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "ı": "i"}
)


def _fold(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_DIGIT = re.compile(r"\d")


def _worth_trying(text: str, lex: PiiLexicon, low: str) -> set[str]:
    """The pattern kinds worth trying: most answers hold no digit, @ or _, and no capital
    after the first letter, so most patterns are skipped."""
    digit = _DIGIT.search(text) is not None
    # Kids mostly write in lower case: a street or gamer tag in capitals is rare.
    capital = text[1:] != low[1:]
    facts = {"<capital>": capital}
    if lex.needs_birth:
        facts["<birth>"] = _cue_in(lex.birth_cue, low)
    worth = set(lex.always_tried)
    groups = lex.need_groups
    if digit:
        facts["<month>"] = _cue_in(lex.month_cue, low)
        worth.update(lex.tried_on_digit)
        groups = groups + lex.digit_need_groups
    if capital:
        worth.update(lex.tried_on_capital)
        groups = groups + lex.capital_need_groups
    for needs, keys in groups:
        for n in needs:
            if type(n) is str:
                if facts.get(n) or n in low:
                    worth.update(keys)
                    break
            elif all(facts.get(f) or f in low for f in n):
                worth.update(keys)
                break
    return worth


def _pattern_spans(text: str, lex: PiiLexicon, low: str) -> list[Span]:
    spans: list[Span] = []
    worth = _worth_trying(text, lex, low)
    for key, patterns in lex.patterns.items():
        if key not in worth:
            continue
        label = key.split("_")[0]
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = m.span("span") if "span" in pattern.groupindex else m.span()
                found = text[start:end]
                if label == "PHONE" and (
                    re.sub(r"\D", "", found) in lex.helplines or _DECIMALS.fullmatch(found)
                ):
                    continue
                if key == "EMAIL_SPELLED" and not _spelled_email(found, text):
                    continue
                if key == "POSTCODE" and not _postcode(found, lex):
                    continue
                if label == "HANDLE" and not _looks_like_handle(found, key, lex):
                    continue
                if label == "DOB" and not _is_date(found):
                    continue
                if "month" in pattern.groupindex and not _is_month(m.group("month"), lex):
                    continue
                if key in ("DOB_WORDS", "DOB_SHORT", "DOB_SPELLED") and not _near_birth_cue(
                    text, start, end, lex
                ):
                    continue
                if key in ("DOB_SPACED", "DOB_COMPACT") and not _near_birth_cue(
                    text, start, end, lex, year=False
                ):
                    continue
                if key == "DOB_COMPACT" and not _compact_date(found):
                    continue
                if key == "DOB_HOLIDAY" and not _birthday_named(text, start, end, lex):
                    continue
                if key == "ADDRESS_NUMBER":
                    if not _numbered_address(text, m, lex):
                        continue
                    start = _building_start(text, start, lex)
                elif key in ("ADDRESS_THE", "ADDRESS_CUED"):
                    if not _short_address(text, start, end, lex):
                        continue
                elif key == "ADDRESS_LIVES":
                    trimmed = _named_street(text, start, end, lex, lower_ok=True)
                    if trimmed is None:
                        continue
                    start, label = trimmed, "ADDRESS"
                elif key in ("ADDRESS_STREET", "ADDRESS_BUILDING"):
                    trimmed = _named_street(text, start, end, lex, lower_ok=False)
                    if trimmed is None or not _home_street(text, trimmed, end, lex):
                        continue
                    start, label = trimmed, "STREET"
                spans.append((start, end, label))
    if "POSTCODE" in worth:
        spans += _before_postcodes(text, spans, lex)
    return _join_addresses(text, spans) if len(spans) > 1 else spans


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
        if not m or _YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if any(s[0] < m.end() and m.start() < s[1] for s in spans):
            continue  # "12 Elm Road Leeds LS1 1AB", "07700 900 558 Ravi Shah LS1 1AB"
        number = next(w for w in m.group().split() if w[0].isdigit()).rstrip(",")
        named = [w.lower() for w in m.group().split() if w[0].isalpha()]
        if _YEAR.fullmatch(number) or any(w.startswith(("post", "code")) for w in named):
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


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
# A list of decimals, not a phone number typed with dots: "0.5 0.6 0.7 0.8 0.9 1.0".
_DECIMALS = re.compile(r"\d{1,3}\.\d{1,3}(?:,?\s+\d{1,3}\.\d{1,3})+")
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


_SPELLED_AT = re.compile(r"\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|@", re.IGNORECASE)


def _spelled_email(found: str, text: str) -> bool:
    """'skaterkid99 at example dot com' is an address; 'shop at amazon dot com' only when the
    answer talks of email."""
    local = _SPELLED_AT.split(found, maxsplit=1)[0]
    if "@" in found or any(c.isdigit() or c in "._+" for c in local) or " " in local.strip():
        return True
    low = text.lower()
    return "mail" in low or "contact" in low


def _looks_like_handle(found: str, key: str, lex: PiiLexicon) -> bool:
    core = found.lstrip("@")
    if found.startswith("@"):
        return len(core) >= 2
    if key == "HANDLE_DOTTED":
        return _dotted_handle(core, lex)
    return any(c.isalpha() for c in core) and len(core) >= 3


def _dotted_handle(found: str, lex: PiiLexicon) -> bool:
    """'megs.xo.2' and 'its.just.ellie' are usernames; 'e.g', 'example.com' and two words run
    together at a full stop ('school.My', 'lol.idk') are not."""
    parts = found.lower().split(".")
    if parts[-1] in lex.tlds or parts[0] in ("www", "http", "https"):
        return False
    if max(len(p) for p in parts) < 2:
        return False
    if len(parts) == 2 and found.split(".")[1][:1].isupper():
        return False
    plain = lex.common_words
    return not all(p in plain or p.isdigit() for p in parts)


# A month or an ordinal in words: not "the", nor the "th" of "30th".
_WORDY = re.compile(r"\b(?!the\b)[a-z]{3,}", re.IGNORECASE)


def _is_date(found: str) -> bool:
    """A date's numbers are a day and a month: 3.30 is a time and 25/13 no date at all."""
    numbers = [int(n) for n in re.findall(r"\d+", found) if len(n) <= 2]
    if len(numbers) >= 2 and not _WORDY.search(found):
        day, month = numbers[0], numbers[1]
        if re.match(r"(?:19|20)\d\d", found):  # 2013/05/17
            day, month = numbers[-1], numbers[-2]
        # "17.8" might be a time or a score, "the 3rd of the 11th" is said day first.
        if ("." in found and len(numbers) == 2) or " of " in found:
            return 1 <= day <= 31 and 1 <= month <= 12
        return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)
    return all(1 <= n <= 31 for n in numbers[:1])


def _near_birth_cue(text: str, start: int, end: int, lex: PiiLexicon, year: bool = True) -> bool:
    """A birth cue near, or (when `year`) a year in the date itself."""
    window = text[max(0, start - 60) : min(len(text), end + 25)].lower()
    return _cue_in(lex.birth_cue, window) or (year and bool(_YEAR.search(text, start, end)))


_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# One letter off "march", but words of their own.
_NOT_MONTHS = frozenset({"match", "marsh", "marcy", "marci", "marco"})


def _is_month(word: str, lex: PiiLexicon) -> bool:
    low = word.lower()
    return low in lex.month_words or _near_month(low)


@cache
def _near_month(low: str) -> bool:
    """A month misspelled in a way no list foresees: 'Octobr', 'novembre', 'setpember'. Same
    first letter, one slip (two in the long names); short words stay out ('mayor', 'juice')."""
    if len(low) < 5 or low in _NOT_MONTHS:
        return False
    for name in _MONTH_NAMES:
        if name[0] != low[0] or (len(name) < 5 and len(low) > len(name) + 1):
            continue
        limit = 2 if len(name) >= 7 and len(low) >= 6 else 1
        if abs(len(name) - len(low)) <= limit and _slips(low, name) <= limit:
            return True
    return False


def _slips(a: str, b: str) -> int:
    """Letters added, dropped, changed or swapped to turn a into b (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def _compact_date(found: str) -> bool:
    """'08062012' or '080612' next to a birth cue: a day, a month and, in eight digits, a
    year this century or late last (also written year first, '20120608')."""
    if len(found) == 8 and found[:2] in ("19", "20"):
        found = found[6:] + found[4:6] + found[:4]
    day, month, year = int(found[:2]), int(found[2:4]), found[4:]
    if len(year) == 4 and not (1990 <= int(year) <= 2039):
        return False
    return 1 <= day <= 31 and 1 <= month <= 12


# A birthday named before the day: "christmas day is my birthday".
_IS_MY_BIRTHDAY = re.compile(
    r"\s*(?:is|was|=)\s+(?:my|his|her|our)\s+(?:b(?:ir|ur|ri|er)?[tf]?h?day|b-day|bday|birth)",
    re.IGNORECASE,
)


def _birthday_named(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    """A holiday is a date of birth only when the answer says it is the birthday: 'born on
    Christmas Eve', 'my bday is bonfire night'; not 'on christmas day we go to my nans'."""
    return bool(
        lex.birthday_is.search(text, max(0, start - 40), start) or _IS_MY_BIRTHDAY.match(text, end)
    )


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"(?<![a-z])(?:year|yr|y|age|aged|ages|form|class|room)\s*$", re.I)


def _numbered_address(text: str, m: re.Match, lex: PiiLexicon) -> bool:
    """A number, a name and a street word. Not '2 minutes up the road', '16 but looks way
    older', 'year 6 Cedar Lane Primary' (a school) or '3 flats since year 6'."""
    if _YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return False
    middle = m.group("middle").split()
    in_a_flat = text[m.start() : m.end()].lower().startswith(("flat", "apartment", "apt"))
    if not middle and not in_a_flat:
        return False
    lows = [w.lower().replace("\u2019", "'") for w in middle]
    for word, low in zip(middle, lows, strict=True):
        # Street names hold no lower-case small words: "14 and there's no way".
        if low in STOP_WORDS and not word[0].isupper():
            return False
    if lows and all(w in lex.unit_words for w in lows):
        return False
    return not _school_follows(text, m.end(), lex)


def _short_address(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    """A number and one word: '3 The Paddocks', and after 'i live at', '110 Kingsway' or
    '12 the hawthorns'; not 'year 7 The teachers', 'moved in 2 the summer' or '3 The Sims
    games'."""
    if _YEAR_BEFORE.search(text[max(0, start - 8) : start]) or _school_follows(text, end, lex):
        return False
    after = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if after and after.group().lower() in lex.title_cues_before:
        return False
    found = text[start:end].split()
    number = [w for w in found if w[0].isdigit()][-1].rstrip(",")
    if _YEAR.fullmatch(number):
        return False  # "moved in 2019 the school ..."
    last = found[-1].lower()
    return not (
        last in STOP_WORDS
        or last in lex.plain_words
        or last in lex.unit_words
        or last in lex.not_people
        or last in lex.school_tail_words
    )


# A street named without a number is personal data only as where someone lives: "i live on"
# (PiiLexicon.home_before), "Mill Road where i live", "Elm Street near my house", a postcode.
_HOME_AFTER = re.compile(
    r"\s*,?\s*(?:[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b"
    r"|(?:(?:which|that)\s+(?:is|was)\s+|is\s+|was\s+)?(?:where\s+(?:i|we|my\s+\w+)\s+"
    r"(?:live|lives|lived|stay|stays|used\s+to\s+live|grew\s+up)"
    r"|(?:near|by|next\s+to|close\s+to|opposite|behind|round\s+the\s+corner\s+from)\s+"
    r"(?:my|our)\s+(?:[\w'\u2019]+\s+)?(?:house|home|flat|place)))",
    re.IGNORECASE,
)


def _home_street(text: str, start: int, end: int, lex: PiiLexicon) -> bool:
    return bool(
        lex.home_before.search(text, max(0, start - 60), start) or _HOME_AFTER.match(text, end)
    )


def _school_follows(text: str, end: int, lex: PiiLexicon) -> bool:
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return bool(following and following.group().lower() in lex.school_tail_words)


# Stop words that name places: "Hill Top Road", "Back Lane".
_STREET_STOP_WORDS = {"top", "back", "front", "side", "bottom", "well", "over", "under"}


def _named_street(text: str, start: int, end: int, lex: PiiLexicon, lower_ok: bool) -> int | None:
    """Where a street named without a house number starts ('Parr Street'), or None when the
    words before the street word are everyday ones ('the main road', 'My Street')."""
    if _school_follows(text, end, lex):
        return None
    words = [(m.start(), m.group()) for m in WORD.finditer(text, start, end)]
    names = words[:-1]
    # Sentence starts and lower-case fillers in front: "In Victoria Road", "on the Elm Road".
    while names and names[0][1].lower() in STOP_WORDS:
        names = names[1:]
    if not names or " ".join(w for _, w in names + words[-1:]).lower() in lex.not_streets:
        return None
    for _, word in names:
        low = word.lower()
        if low in STOP_WORDS and not (word[0].isupper() and low in _STREET_STOP_WORDS):
            return None
        if (
            lower_ok
            and word.islower()
            and (low in lex.common_words or low in lex.plain_words or low in lex.unit_words)
        ):
            return None
    return names[0][0]


def _words(text: str) -> list[Word]:
    return [
        (m.start(), m.end(), w, w.lower().replace("\u2019", "'"))
        for m in WORD.finditer(text)
        for w in (m.group(),)
    ]


def _is_capitalised(word: str) -> bool:
    """'Jade', 'JADE' (a word starts with a letter); not 'I' or 'A'."""
    return len(word) > 1 and word[0].isupper()


def _joined(text: str, left: Word, right: Word) -> bool:
    """Two words of one name: only spaces between them."""
    gap = text[left[1] : right[0]]
    return 0 < len(gap) <= 2 and gap.isspace()


def _phrase_ending(lows: list[str], k: int, phrases: set[tuple[str, ...]]) -> int:
    """How many words long a phrase ending at word k is, 0 for none."""
    for size in (3, 2):
        if k - size + 1 >= 0 and tuple(lows[k - size + 1 : k + 1]) in phrases:
            return size
    return 0


def _school_tail(lows: list[str], i: int, lex: PiiLexicon) -> int:
    """How many words long a school word starting at word i is ('Sixth Form College': 3)."""
    low = lows[i]
    if low in lex.school_phrase_starts:
        for phrase in lex.school_tail_phrases:
            if tuple(lows[i : i + len(phrase)]) == phrase:
                return len(phrase)
    return 1 if low in lex.school_tail_words else 0


def _school_name_word(word: str, low: str, lex: PiiLexicon) -> bool:
    """A word that can be part of a school's own name: 'Grange', 'Hollins', 'oakfield', and
    the landscape words school names are made of: 'hill top', 'oak lane'."""
    if low in lex.school_place_words:
        return True
    if low in STOP_WORDS:
        return False
    if _is_capitalised(word):
        return True
    # Lower case: not an everyday word ('my smaller school', 'liking school'), and not
    # shaped like one.
    return (
        len(low) >= 5
        and low not in lex.common_words
        and low not in lex.plain_words
        and not low.endswith(lex.not_name_endings + ("er", "s'"))
    ) or (low.endswith(("'s", "s")) and low.rstrip("s").rstrip("'") in lex.first_names)


def _school_joined(text: str, left: Word, right: Word) -> bool:
    """Two words of one school's name: only spaces between them, or the full stop of an
    abbreviation: "St. Wilfrid's R.C. College", "C. of E."."""
    gap = text[left[1] : right[0]]
    if gap[:1] != ".":
        return 0 < len(gap) <= 2 and gap.isspace()
    abbreviation = len(left[2]) == 1 or left[3] == "st"
    return abbreviation and (gap == "." or (len(gap) <= 3 and gap[1:].isspace()))


def _school_spans(text: str, words: list[Word], lows: list[str], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    starts = lex.school_starts
    if starts.isdisjoint(lows):
        return spans
    i = 0
    while i < len(words):
        if lows[i] not in starts:
            i += 1
            continue
        size = _school_tail(lows, i, lex)
        if not size:
            if lows[i] in lex.saint_words:
                span = _saint_school(text, words, i, lex)
                if span:
                    spans.append(span)
            i += 1
            continue
        # Further school words to the right: "Infant and Junior School", "High School".
        j = i + size - 1
        while j + 1 < len(words) and _school_joined(text, words[j], words[j + 1]):
            more = _school_tail(lows, j + 1, lex)
            if not more and lows[j + 1] == "and" and j + 2 < len(words):
                after_and = _school_tail(lows, j + 2, lex)
                more = after_and + 1 if after_and else 0
            if not more:
                break
            j += more
        for phrase in lex.school_tail_after_phrases:  # "School for Girls"
            if tuple(lows[j + 1 : j + 1 + len(phrase)]) == phrase:
                j += len(phrase)
                break
        else:
            j = _academy_place(text, words, lows, j, lex)
        name_start = _school_name_start(text, words, lows, i, j, lex)
        if name_start is not None:
            spans.append((name_start, words[j][1], "SCHOOL"))
        i = j + 1
    return spans


def _academy_place(text: str, words: list[Word], lows: list[str], j: int, lex: PiiLexicon) -> int:
    """Academies in a chain are named by place after the kind: 'Beacon Academy Westbrook',
    'Beacon Academy Lister Park'. Where such a name ends: up to two capitalised words."""
    if lows[j] not in lex.school_academy_words:
        return j
    for _ in range(2):
        if j + 1 >= len(words) or not _school_joined(text, words[j], words[j + 1]):
            break
        word, low = words[j + 1][2], lows[j + 1]
        if not _is_capitalised(word) or low in STOP_WORDS or low in lex.school_context:
            break
        if low in lex.first_names:
            break  # "Oakfield Academy Jayden said"
        j += 1
    return j


def _school_name_start(
    text: str, words: list[Word], lows: list[str], i: int, j: int, lex: PiiLexicon
) -> int | None:
    """Where the school's own name before its kind (words i to j) starts, over words like
    "Catholic" and "C of E", or None when the words before are everyday ones."""
    name_start = the_start = None
    names: list[int] = []  # the name's own words, right to left
    k, taken = i - 1, 0
    while k >= 0 and taken < 4 and _school_joined(text, words[k], words[k + 1]):
        start, _, word, low = words[k]
        phrase = _phrase_ending(lows, k, lex.school_name_phrases)  # "All Saints", "Our Lady"
        if phrase:
            name_start = words[k - phrase + 1][0]
            k -= phrase
            taken += 1
            continue
        phrase = _phrase_ending(lows, k, lex.school_suffix_phrases)
        if phrase:
            k -= phrase
            continue
        if low in lex.saint_words:
            return start
        if low == "the" and name_start is not None:
            if word == "The":
                return start
            the_start = start  # "the grange school", once the name proves to be one
            break
        if low in lex.school_suffixes and low not in STOP_WORDS:
            k -= 1
            continue
        if not _school_name_word(word, low, lex):
            # A saint's name may hold small words: "St Thomas More", "St Francis of Assisi".
            saint = next(
                (s for s in range(k - 1, max(-1, k - 4), -1) if lows[s] in lex.saint_words), None
            )
            if saint is not None and all(
                _school_joined(text, words[s], words[s + 1]) for s in range(saint, k)
            ):
                return words[saint][0]
            break
        name_start = start
        names.append(k)
        k -= 1
        taken += 1
    if not names or name_start != words[names[-1]][0]:
        return name_start
    # A small word alone is no name: "the top high school" (but "Hill Top", "well lane").
    if len(names) == 1 and lows[names[-1]] in STOP_WORDS:
        names.pop()
        if not names:
            return None
        name_start = words[names[-1]][0]
    # In lower case, one landscape word before "school" alone is no name: "the park school".
    plain_tail = j == i and lows[i] in lex.school_weak_tails
    if plain_tail and len(names) == 1 and lows[names[0]] in lex.school_place_words:
        return None if words[names[0]][2].islower() else name_start
    return name_start if the_start is None else the_start


# A school named without its kind: after "my school is" (strong), or after "i go to" (weak,
# only in an answer about school). The name is capitalised words or an initialism ("KHS").
# Capitalised words or initials, found first (a search that starts with a capital is fast);
# then the word before them, and only then the whole cue.
_SCHOOL_NAME = re.compile(
    r"[A-Z](?:[a-z'\u2019\-]+(?:\s[A-Z][a-z'\u2019\-]+){0,3}|[A-Z]{1,4})(?![\w'\u2019])"
)
_SCHOOL_CUE_ENDS = frozenset(
    {"is", "was", "be", "called", "at", "to", "school", "skool", "primary", "secondary"}
    | {"academy", "college"}
)
_SCHOOL_CUE = re.compile(
    r"(?:\b(?:my|our|his|her)\s+(?:old\s+|new\s+|current\s+|last\s+|next\s+)?"
    r"(?:school|skool|primary|secondary|academy|college)"
    r"(?:\s*(?:'s|\u2019s|[:,=\-])|\s+(?:is|was|will\s+be)(?:\s+called)?)?"
    r"|\bschool\s+(?:is\s+|was\s+)?called|\bat\s+school\s+at"
    r"|(?P<weak>\b(?:i|we|he|she|they|u|you|who|me|and)\s+(?:go|goes|went|used\s+to\s+go|started|"
    r"moved|transferred)\s+(?:to|at)|\b(?:attend|attends|attended|i'?m\s+at|i\u2019m\s+at|i\s+am\s+at|"
    r"(?:year|yr|y)\s*\d{1,2}\s+at)))\s+$",
    re.IGNORECASE,
)
# The last letter of a school's initials: School, Academy, College, High, Grammar.
_SCHOOL_INITIAL_ENDS = frozenset("SACHG")


def _cued_school_spans(
    text: str, words: list[Word], lows: list[str], lex: PiiLexicon
) -> list[Span]:
    """'my school is Ashcombe Vale', 'my school HFS', 'i go to Harborough Fields', 'im in year
    9 at WPA'; not 'i go to Leeds', 'i go to KFC' or 'at school at Christmas'."""
    spans: list[Span] = []
    # Every cue holds a school word, and the weak ones need the answer to be about school.
    if lex.school_talk.isdisjoint(lows) and not any(
        w.endswith("'s") and w[:-2] in lex.school_talk for w in lows
    ):
        return spans
    for m in _SCHOOL_NAME.finditer(text):
        start = m.start()
        before = text[max(0, start - 14) : start]
        if not before[-1:].isspace():
            continue
        last = before.split()[-1:]
        word = last[0].lower().rstrip(":,=-") if last else ""
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]  # "my school's Oakmere"
        if word not in _SCHOOL_CUE_ENDS:
            continue
        name = m.group()
        cue = _SCHOOL_CUE.search(text, max(0, start - 40), start)
        # Initials in an answer about school need no more than "at" or "to": "at HFA".
        if not cue and not (name.isupper() and word in ("at", "to")):
            continue
        parts = name.split()
        if parts[0] == "The" and len(parts) > 1:
            parts = parts[1:]
        if len(parts) > 3:
            continue
        name_lows = [p.lower() for p in parts]
        following = WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if following and (
            following.group().lower() in lex.school_tail_words or _is_capitalised(following.group())
        ):
            continue  # "my school is Oakfield Academy": found with its kind; or a longer name
        if name.isupper():
            if name[-1] not in _SCHOOL_INITIAL_ENDS or name.lower() in lex.not_school_initials:
                continue
        elif (
            any(
                w in STOP_WORDS or w in lex.not_school_names or w in lex.not_people
                for w in name_lows
            )
            or any(_is_month(w, lex) for w in name_lows)
            or name_lows[-1] in lex.organisation_words
            or name_lows[-1].endswith(("'s", "\u2019s"))
        ):
            continue
        elif cue is None or cue.group("weak"):
            if len(parts) < 2:
                continue  # "i go to Leeds"
        elif len(parts) == 1 and (
            name_lows[0] in lex.common_words or name_lows[0] in lex.first_names
        ):
            continue  # "my school is Big", "my school is Kemi's"
        spans.append((m.start(), m.end(), "SCHOOL"))
    return spans


def _saint_school(text: str, words: list[Word], i: int, lex: PiiLexicon) -> Span | None:
    """'saint wilfrids has no heating': a saint's name alone is a school when the answer is
    about school, but not a town ('in St Helens') or a hospital."""
    if i + 1 >= len(words) or not _school_joined(text, words[i], words[i + 1]):
        return None
    if i and words[i - 1][3] in _PLACE_WORDS:
        return None
    end = words[i + 1][1]
    low = words[i + 1][3]
    if low in STOP_WORDS or low in lex.not_saint_followers:
        return None
    if i + 2 < len(words) and words[i + 2][3] in lex.not_saint_followers:
        return None
    if not any(w[3] in lex.school_context for w in words):
        return None
    return (words[i][0], end, "SCHOOL")


_DRAWN_OUT = re.compile(r"(.)\1\1")
_ACRONYMS = re.compile(r"[A-Z]{2,}s")  # "CVs", "PCSOs"

# A capitalised unknown word after these is more likely a place ("in Leeds") than a person.
_PLACE_WORDS = {"in", "at", "to", "from", "near", "around", "outside", "into", "of", "visit"}


def _known_name(low: str, lex: PiiLexicon, loose: bool = False) -> bool:
    """A listed name, also spelled with a drawn-out last letter ('danii'), or two names joined
    ('amelia-grace'); when `loose` (a capital or a cue), also with another ending ('jaycee'
    for 'jaycie'): unasked, that would take 'arty' and 'sleepy' for names."""
    names = lex.first_names
    if low in names:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return (
            len(parts) > 1
            and all(p in names for p in parts)
            and any(p not in lex.ambiguous_names for p in parts)
        )
    if len(low) < 4 or low in lex.common_words:
        return False
    if low[-1] == low[-2] and low[-1] in "aiuynhrm" and low[:-1] in names:
        return True  # not "ee", "ll", "ss": "tree" is not "tre"
    if not loose:
        return False
    for ending in ("ie", "ey", "ee", "y", "i"):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            return any(stem + e in names for e in ("ie", "ey", "ee", "y", "i") if e != ending)
    return False


def _cue_before(lows: list[str], i: int, lex: PiiLexicon) -> tuple[bool, bool, bool]:
    """Whether word i follows a relationship word ('my friend'), a naming phrase ('my name
    is') or a phrase of introduction ('im')."""
    prev = lows[i - 1] if i else ""
    naming = introduced = False
    if prev in lex.name_cue_ends:
        before = [tuple(lows[i - size : i]) for size in (1, 2, 3) if size <= i]
        naming = any(p in lex.name_cue_phrases for p in before)
        introduced = any(p in lex.self_cue_phrases for p in before)
    return prev in lex.name_cues_before or naming, naming, introduced


# How a sentence goes on after "im <name>": "im aleksy i dont", "im grace and im 13",
# "i'm Ewa, 14"; not "im sleepy lol" (an unknown word needs this), "im miles from".
_AFTER_NAME = re.compile(
    r"\s*(?:$|[,.!?;:(\-]|\d|(?:and\s+)?(?:i|im|i'm|i\u2019m|here|age|aged|year|yr|x+)\b"
    r"|(?:from|in|at)\s+(?:year|yr|y)\s*\d)",
    re.IGNORECASE,
)
# "im mo from hollins park academy": a school named after "from" or "at".
_FROM_SCHOOL = re.compile(r"\s+(?:from|at)\s+", re.IGNORECASE)


def _person_spans(
    text: str, words: list[Word], lows: list[str], lex: PiiLexicon, schools: frozenset[int]
) -> list[Span]:
    spans: list[Span] = []
    common = lex.common_words
    found: set[int] = set()  # the words taken as names
    waiting: list[tuple[int, int, int]] = []  # everyday-word names that may be in a list

    def take(i: int, start: int, end: int) -> None:
        if i + 1 < len(words) and lows[i + 1] in lex.not_people:
            return  # "harry potter", "Bart Simpson"
        spans.append((start, end, "PERSON"))
        found.add(i)

    for i, (start, end, word, low) in enumerate(words):
        # A name that is a small word too ("Will") only with a capital and a cue.
        stop_word = low in STOP_WORDS
        if stop_word and (low not in lex.first_names or not word[0].isupper() or word.isupper()):
            continue
        # Inlined checks, run for every word: _inside_token only where it could hold.
        after = text[end : end + 1]
        if (start and text[start - 1] in "@./") or (
            after and after in "@._/" and _inside_token(text, start, end)
        ):
            continue
        if low.endswith("'s"):
            low = low[:-2]
            end -= 2
        if not low.isascii():
            low = _fold(low)
        if low in lex.not_people:
            continue
        capital = len(word) > 1 and word[0].isupper()  # _is_capitalised
        prev = lows[i - 1] if i else ""
        if prev in lex.not_name_after or (
            capital and (prev in lex.not_people or _organisation(words, i, capital, lex))
        ):
            # "St Helens", "Christmas Eve", "Peppa Pig", "St Mary's Hospital", "Citizen Service"
            continue
        close_to_prev = i and start - words[i - 1][1] <= 2
        cue, naming, introduced = _cue_before(lows, i, lex)
        if introduced and low in lex.self_descriptions:
            introduced = False  # "im vegan and i ...", "im deaf"
        if prev in lex.titles and close_to_prev and _title_in_use(lows, i - 1, lex):
            # "Mr Patel", "miss wójcik", "uncle Dan"; not "coach said" or "miss loads".
            if (
                capital
                or _known_name(low, lex, loose=True)
                or (
                    prev in lex.formal_titles
                    and low not in common
                    and not low.endswith(lex.not_name_endings)
                )
            ):
                take(i, start, end)
            continue
        if low in common and not capital and not cue and not introduced:
            # "hope said she would come"; not "i hope so".
            if low in lex.common_names:
                if _everyday_name(text, words, lows, i, end, low, False, False, False, lex, found):
                    take(i, start, end)
                else:
                    waiting.append((i, start, end))
            continue
        sentence_start = i == 0 or text[words[i - 1][1] : start].strip()[-1:] in (".", "!", "?")
        if introduced:
            introduced = _AFTER_NAME.match(text, end) is not None or _school_after(
                text, end, schools
            )
        if _known_name(low, lex, loose=capital or cue or introduced):
            # A name that is also an everyday word needs more: not "from October to April".
            everyday = (low in common or low in lex.ambiguous_names) and not introduced
            if not everyday or _everyday_name(
                text, words, lows, i, end, low, capital and not stop_word, cue, naming, lex, found
            ):
                take(i, start, end)
            elif capital or low not in common:
                waiting.append((i, start, end))
            continue
        # An unknown word after a name cue, or a capitalised word that is not an everyday
        # word, is likely a name (lower-case and misspelled names included).
        unknown = low not in common and len(low) > 2
        if not unknown or _ACRONYMS.fullmatch(word):
            continue
        verb_like = (
            low.endswith(lex.not_name_endings)
            or low in lex.verbs_after_names  # "my mate said"
            or (low.endswith("s") and not capital)
            or _DRAWN_OUT.search(low) is not None  # "sooo", "hiii"
            or (introduced and low.endswith(_DESCRIBING_ENDINGS))  # "im nigerian and"
        )
        # After "my friends" comes a verb more often than a name ("my mates hype me up").
        relation = cue and prev not in ("and", "with", "from", "love") and not prev.endswith("s")
        cued = (relation or naming or introduced) and not verb_like
        if cued:
            take(i, start, end)
        elif capital and not word.isupper():
            # Capitalised in mid-sentence, or at its start before "said" or "is my cousin".
            shown = (
                prev not in _PLACE_WORDS
                if not sentence_start
                else low not in lex.name_cues_before
                and low not in lex.family_words
                and not low.endswith("s")  # "Teachers said"
                and lex.name_verbs_after.match(text, end) is not None
            )
            if shown and not _in_title(text, words, lows, i, lex):
                take(i, start, end)
    if waiting and found:
        _names_in_lists(text, words, lows, waiting, take, found, lex)
    return _join_full_names(text, spans, words, lex)


# Endings of words that describe, after "im": nationalities ("nigerian", "vietnamese").
_DESCRIBING_ENDINGS = ("ian", "ese", "ean")


def _everyday_name(
    text: str,
    words: list[Word],
    lows: list[str],
    i: int,
    end: int,
    low: str,
    capital: bool,
    cue: bool,
    naming: bool,
    lex: PiiLexicon,
    found: set[int],
) -> bool:
    """Whether a name that is also an everyday word ('Grace', 'hope', 'Summer') is a person:
    after 'called' or 'my friend', with a capital in mid-sentence, after 'me and', or before
    'said' or 'is my sister'; not in 'by the Grace of God', 'hope so' or 'jumped with joy'."""
    prev = lows[i - 1] if i else ""
    if naming:
        return True
    if prev in lex.not_name_before:
        return False
    mark = text[words[i - 1][1] : words[i][0]].strip()[-1:] if i else "."
    # "hope and me went", at the start of a sentence or clause (not "every summer and i").
    if mark and lows[i + 1 : i + 2] == ["and"] and lows[i + 2 : i + 3] in (["me"], ["i"]):
        return True
    # "me summer and hope walk", "me, ivy and rose": a list of people that starts with me.
    if (
        prev == "me"
        and (i == 1 or text[words[i - 2][1] : words[i - 1][0]].strip()[-1:] in (".", ",", "!", "?"))
        and lows[i + 1 : i + 2] == ["and"]
    ):
        return True
    # "my best friend is summer", "my cousins are ivy and rose".
    if (
        prev in ("is", "are", "was", "were")
        and i >= 2
        and lows[i - 2] in lex.name_cues_before
        and lows[i - 2] not in ("and", "with", "name", "names", "called", "named")
    ):
        return True
    # "ivy and rose are twins", "hope and summer are in my class".
    if (
        lows[i + 1 : i + 2] == ["and"]
        and i + 2 < len(lows)
        and lows[i + 2] in lex.first_names
        and lex.name_verbs_after.match(text, words[i + 2][1])
    ):
        return True
    abstract = low in lex.abstract_names
    if cue:
        if prev != "and" and (not abstract or prev != "with"):
            return True
        # "me and joy", "Kemi and Faith", not "red and amber"; "sat with grace", not "moves
        # with grace".
        if prev == "and" and i >= 2 and (lows[i - 2] in ("me", "i", "myself") or i - 2 in found):
            return True
        if prev == "with" and not lex.company_verbs.isdisjoint(lows[max(0, i - 3) : i - 1]):
            return True
    if abstract and i + 1 < len(lows) and lows[i + 1] in lex.abstract_name_blockers:
        return False
    if capital and mark not in (".", "!", "?") and prev not in _PLACE_WORDS:
        return True  # in mid-sentence
    if not capital and i and not mark and prev not in STOP_WORDS:
        return False  # a noun before it: "the gas bill came"
    initial = _INITIAL.match(text, end)
    if initial and initial.group(1) not in _NOT_INITIALS:
        end = initial.end() + (text[initial.end() : initial.end() + 1] == ".")  # "Josh R. said"
    return bool(lex.name_verbs_after.match(text, end) or _CONTACT_AFTER.match(text, end))


# A phone number or an email address straight after a name: "Faith 07700 900 287".
_CONTACT_AFTER = re.compile(r"\s*[,:\-]?\s*(?:\+?\d[\d ]{6}|[\w.+\-]+@)")


def _names_in_lists(
    text: str, words: list[Word], lows: list[str], waiting, take, found: set[int], lex
) -> None:
    """An everyday-word name beside a found name in a list is a name too: 'Joy and Kemi',
    'Amara, Faith and Tobi'. Twice, for a list that runs on from one found name. Only a name
    that is no everyday word, or one found other than by 'and', starts a list: not 'holly and
    ivy'."""
    anchors = {
        i for i in found if lows[i] not in lex.ambiguous_names or not i or lows[i - 1] != "and"
    }
    for _ in range(2):
        for i, start, end in waiting:
            if i in found or (i and lows[i - 1] in lex.not_name_before):
                continue
            if _listed_with(text, words, lows, i, i + 1, anchors) or _listed_with(
                text, words, lows, i, i - 1, anchors
            ):
                take(i, start, end)
                anchors.add(i)


def _listed_with(
    text: str, words: list[Word], lows: list[str], i: int, other: int, found: set[int]
) -> bool:
    """Whether word i and a found name next to it (other is i + 1 or i - 1) are in a list."""
    if not 0 <= other < len(words):
        return False
    left, right = (i, other) if other > i else (other, i)
    gap = text[words[left][1] : words[right][0]].strip()
    if gap in (",", "&"):
        return other in found
    beyond = other + (other - i)
    return lows[other] == "and" and not gap and 0 <= beyond < len(words) and beyond in found


# Between a word like "film" and a title: "film is Frozen", "game called Among Us".
_TITLE_LINKS = {"is", "was", "called", "named", "the", "a"}


def _in_title(
    text: str, words: list[Word], lows: list[str], i: int, lex: PiiLexicon, listed: bool = True
) -> bool:
    """Whether capitalised word i is in the title of a film, game or show ('watched Toy
    Story', 'Animal Crossing', 'Toy Story and Frozen') or a place ('in Hebden Bridge') rather
    than a name: the capitalised words around it hold an everyday word and no first name."""
    first = last = i
    while (
        first
        and _is_capitalised(words[first - 1][2])
        and _joined(text, words[first - 1], words[first])
    ):
        first -= 1
    while (
        last + 1 < len(words)
        and _is_capitalised(words[last + 1][2])
        and _joined(text, words[last], words[last + 1])
    ):
        last += 1
    before = lows[first - 1] if first else ""
    if before in lex.title_cues_before or (
        before in _TITLE_LINKS and first > 1 and lows[first - 2] in lex.title_cues_before
    ):
        return True  # "watched Toy Story", "my favourite film is Finding Nemo"
    if (
        listed
        and before in ("and", "or")
        and first > 1
        and _is_capitalised(words[first - 2][2])
        and _in_title(text, words, lows, first - 2, lex, listed=False)
    ):
        return True  # "Toy Story and Frozen"
    if first == last or any(lows[k] in lex.first_names for k in range(first, last + 1)):
        return False
    if before in _PLACE_WORDS:
        return True
    # A capital at the start of a sentence says nothing: "Yesterday Kemi said".
    opens = first == 0 or text[words[first - 1][1] : words[first][0]].strip()[-1:] in ".!?"
    return any(lows[k] in lex.common_words for k in range(first + 1 if opens else first, last + 1))


def _organisation(words: list[Word], i: int, capital: bool, lex: PiiLexicon) -> bool:
    """A capitalised word that names a group or a place: 'Service', 'Russell Group'."""
    if not capital:
        return False
    # The word itself or one of the next two capitalised words: "National Citizen Service".
    for _, _, word, low in words[i : i + 3]:
        if not _is_capitalised(word):
            return False
        if low in lex.organisation_words:
            return True
    return False


def _inside_token(text: str, start: int, end: int) -> bool:
    """A piece of an email address or a web address ('ewa' in 'ewa.z@example.com')."""
    before = text[start - 1 : start]
    after = text[end : end + 2]
    return before in ("@", ".", "/") or (
        len(after) == 2 and after[0] in "@._/" and (after[1].isalnum() or after[1] == "_")
    )


def _title_in_use(lows: list[str], t: int, lex: PiiLexicon) -> bool:
    """'miss' in 'i miss loads of school' and 'going to miss it' is a verb, not a title; in
    'thank u to miss patell' and 'i talked to miss' it is one."""
    if lows[t] != "miss" or t == 0:
        return True
    if lows[t - 1] == "to":
        return t >= 2 and lows[t - 2] in lex.to_a_person
    return lows[t - 1] not in lex.not_title_before


def _school_after(text: str, end: int, schools: frozenset[int]) -> bool:
    m = _FROM_SCHOOL.match(text, end) if schools else None
    return bool(m and m.end() in schools)


def _surname_like(text: str, first: Word, nxt: Word, introduced: bool, lex: PiiLexicon) -> bool:
    """The word after a name that is its surname: 'Jake Turner', 'Dylan Price', and in
    lower case, when someone introduces themselves, an unknown word after a known first name:
    'im priya sharma' (but 'my friend zainab said')."""
    _, _, word, low = nxt
    if not _joined(text, first, nxt) or low in STOP_WORDS or low in lex.not_people:
        return False
    if low in lex.school_tail_words or low in lex.school_suffixes or low in lex.titles:
        return False
    if low in lex.organisation_words:
        return False
    common = lex.common_words
    if _is_capitalised(word) and not word.isupper():
        # A capitalised everyday word ('Price', 'Wood') only after a listed first name.
        return low not in common or (
            _is_capitalised(first[2]) and first[3] in lex.first_names and len(low) > 2
        )
    # Lower case: not a verb ("amelia flinches"); unasked, only a word shaped like a surname
    # ("ellie thompsonn", "priya patell").
    return (
        (
            introduced
            or len(low) >= 5
            and (
                low.endswith(lex.surname_endings)
                or low[-1] == low[-2]
                and low[:-1].endswith(lex.surname_endings)  # "thompsonn"
            )
            and first[3] not in lex.ambiguous_names
        )
        and first[3] in lex.first_names
        and low not in common
        and low not in lex.verbs_after_names
        and len(low) > 2
        and low.isalpha()
        and not low.endswith(lex.not_name_endings + ("s",))
    )


def _introduced(lows: list[str], i: int, lex: PiiLexicon) -> bool:
    _, naming, introduced = _cue_before(lows, i, lex)
    return naming or introduced


def _join_full_names(text: str, spans: list[Span], words: list[Word], lex) -> list[Span]:
    """'jayden smith', 'Precious Okoye': a name and the surname-looking word beside it become
    one span."""
    joined: list[Span] = []
    lows = [w[3] for w in words]
    starts = {s for s, _, _ in spans}
    by_start = {w[0]: idx for idx, w in enumerate(words)}
    for start, end, label in sorted(spans):
        if joined and start - joined[-1][1] <= 2 and text[joined[-1][1] : start].isspace():
            joined[-1] = (joined[-1][0], end, label)
            continue
        idx = by_start.get(start)
        if idx is not None:
            # A name word before a surname that was found on its own: "Precious Okoye"; or a
            # family name written first: "Nguyen Thi Lan".
            if idx and _joined(text, words[idx - 1], words[idx]):
                _, _, pword, plow = words[idx - 1]
                if plow in lex.first_names and _is_capitalised(pword) and plow not in STOP_WORDS:
                    start = words[idx - 1][0]
            start = _family_name_first(text, words, idx, start, lex)
            if (
                idx + 1 < len(words)
                and words[idx + 1][0] not in starts
                and _surname_like(
                    text, words[idx], words[idx + 1], _introduced(lows, idx, lex), lex
                )
            ):
                end = words[idx + 1][1]
        initial = _INITIAL.match(text, end)
        if initial and initial.group(1) not in _NOT_INITIALS:
            end = initial.end(1)  # "Josh R", "kayla s"
        joined.append((start, end, label))
    return joined


def _family_name_first(text: str, words: list[Word], idx: int, start: int, lex) -> int:
    """Where a name starts when its family name is written first, up to two capitalised words
    before it: 'Nguyen Thi Lan', 'Tran Van Minh'."""
    k = idx
    while k > max(0, idx - 3):
        if not _joined(text, words[k - 1], words[k]) or not _is_capitalised(words[k - 1][2]):
            break
        k -= 1
        if words[k][3] in lex.family_names_first and words[k][3] not in STOP_WORDS:
            return words[k][0]
    return start


# An initial after a name: one letter, then a full stop, punctuation, a space or the end.
_INITIAL = re.compile(r" ([A-Za-z])(?=\.|[ ,;:!?)]|$)")
# Letters that are words in text speak or kisses: "josh n me", "r u", "love u x", "I".
_NOT_INITIALS = frozenset("iaurnyxoIX")


_HANDLE_TOKEN = re.compile(r"\s*[:=\-]?\s*(@?[\w.\-']*\w)")
_ASKING = {"add", "follow", "find", "search", "hmu", "dm", "msg", "message", "sub", "subscribe"}
_LINKS = {"is", "its", "it's", "name", "names", "tag", "username", "as", "called", "handle", "id"}
# Digits, dots, underscores, camel case or two hyphens: "lewis-the-legend", "BlueBerryPie".
_HANDLE_SHAPE = re.compile(r"[\d_.@]|[a-z][A-Z]|\w-\w+-\w")


def _cue_handle_spans(words: list[Word], text: str, lex: PiiLexicon) -> list[Span]:
    """'add me on snap jay_b09', 'my snap is jaydenb', 'my xbox name is Dark Phoenix 221',
    'add me Turbo Tortoise 12': the username after a platform word, 'add me' or 'online name'."""
    spans: list[Span] = []
    platform = False
    for i, (_, cue_end, _, low) in enumerate(words):
        if low not in lex.handle_triggers:
            continue
        if low in lex.handle_cues:
            platform = True
        else:
            prev = words[i - 1][3] if i else ""
            if not (low == "me" and prev == "add") and not (
                low == "name" and prev in lex.handle_name_before
            ):
                continue
        before = {w[3] for w in words[max(0, i - 3) : i]}
        # After "add me" only a platform or a link may come first: not "add me if ur weird".
        add_me = low == "me"
        # "add me on snap jaydenb", or "my snap is jaydenb"; not "my xbox controller".
        strong = bool(before & _ASKING)
        owned = bool(before & lex.handle_strong_before)
        pos, tokens, named = cue_end, 0, False
        while tokens < 5:
            m = _HANDLE_TOKEN.match(text, pos)
            if not m:
                break
            token, tokens = m.group(1), tokens + 1
            pos = m.end()
            tlow = token.lower()
            if any(c in m.group(0) for c in ":=-") and not m.group(0).endswith("-"):
                strong = True
            if (tlow in lex.handle_glue or tlow in lex.handle_cues) and not _HANDLE_SHAPE.search(
                token
            ):
                if add_me and tlow not in _LINKS and tlow != "on" and tlow not in lex.handle_cues:
                    break
                strong = strong or (owned and tlow in _LINKS)
                named = named or tlow in _LINKS  # "on steam as ..."
                continue
            span = _handle_after_cue(text, m.start(1), token, strong, lex, strong or named)
            if span is None and owned:
                # "my gamertag has a space in it, its Captain Wobble"
                link = _LATER_LINK.match(text, m.start(1))
                if link:
                    span = _handle_run(text, link.end(), True, lex)
            if span:
                spans.append(span)
            break
    return spans + _handles_before_platform(text, words, lex) if platform else spans


# A link later in the sentence: "has a space in it, its ...", "has a dash: ...".
_LATER_LINK = re.compile(r"[^.!?\n]{0,40}?(?:\b(?:it'?s|it\u2019s|is)\s+|[:=]\s*)", re.IGNORECASE)
# Times, counts and ordinals after a platform word: "tiktok at 2am", "snap 24/7", "yt 3hrs".
_AMOUNT = re.compile(r"[\d.,:]+(?:am|pm|st|nd|rd|th|s|k|m|h|hr|hrs|min|mins|p|x|yrs)?")
_GAMERTAG = re.compile(r"(?-i:(?:[A-Za-z]*[A-Z][A-Za-z]* ){1,2}[A-Za-z]*\d[A-Za-z\d]*)(?!\w)")
_WRAPPED = re.compile(
    r"x{1,3}[ _](?:[a-z0-9]+[ _]){0,3}[a-z0-9]{2,}[ _]x{1,3}(?!\w)(?:\s\d{1,4}(?![\w.,:/]))?",
    re.IGNORECASE,
)
# One word of a username written with spaces: "Sn1per", "noodle", "3000".
_TAG_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*(?![\w@'\u2019])")
# Leetspeak: digits between letters ("Sn1per", "gr8gamergabe"), not "ps5", "2k" or "gta5".
_LEET = re.compile(r"[A-Za-z]\d+[A-Za-z]")


def _handle_after_cue(
    text: str, start: int, token: str, strong: bool, lex: PiiLexicon, named: bool = False
) -> Span | None:
    # Gamertags may hold spaces: "Dark Phoenix 221", "HeLLcAt 4O4", "noodle lord 3000", and
    # after a cue even wrapped in lower case: "xx dark wolf xx".
    wrapped = _WRAPPED.match(text, start)
    if wrapped:
        return (start, wrapped.end(), "HANDLE")
    run = _handle_run(text, start, named, lex, strong)
    if run:
        return run
    tag = _GAMERTAG.match(text, start)
    if tag:
        return (start, tag.end(), "HANDLE")
    low = token.lower().lstrip("@")
    if len(low) < 3 or low in lex.common_words or _AMOUNT.fullmatch(low):
        return None
    if low in lex.handle_end_words or low in lex.handle_stat_words:
        return None
    if _HANDLE_SHAPE.search(token.lstrip("@")) or token.startswith("@"):
        return (start, start + len(token), "HANDLE")
    # A plain word is a username only after "my snap is", "add me on insta", "snap: ...",
    # and not when it reads as a description ("my tiktok is addictive").
    if strong and (token.isalnum() or "-" in token) and not low.endswith(lex.not_name_endings):
        return (start, start + len(token), "HANDLE")
    return None


def _tag_words(text: str, start: int, lex: PiiLexicon) -> list[tuple[int, int, str]]:
    """Up to four words from start, one space apart, up to a natural end: punctuation, or a
    word like 'and', 'on', 'if', 'cos', 'lol'."""
    parts: list[tuple[int, int, str]] = []
    pos = start
    while len(parts) < 4:
        m = _TAG_WORD.match(text, pos)
        if not m:
            break
        word = m.group()
        low = word.lower()
        if low in lex.handle_end_words or word == "I" or (low in STOP_WORDS and word.islower()):
            break
        parts.append((m.start(), m.end(), word))
        pos = m.end()
        if text[pos : pos + 1] != " " or text[pos + 1 : pos + 2] in ("", " "):
            break
        pos += 1
    return parts


def _handle_run(
    text: str, start: int, named: bool, lex: PiiLexicon, strong: bool = False
) -> Span | None:
    """A username of several words: in leetspeak ('Sn1per Gr4nny'), or, once named ('my
    gamertag is', 'on steam as'), ending in a number ('noodle lord 3000') or capitalised
    ('Captain Wobble'), or, after 'my gamertag is', unusual words ('wobbly sock')."""
    parts = _tag_words(text, start, lex)
    if len(parts) < 2 or not parts[0][2][0].isalpha():
        return None
    if any(p[2].lower() in lex.handle_stat_words for p in parts):
        return None  # "level 40", "got 100"
    if named:
        for j in range(1, len(parts)):
            if parts[j][2].isdigit() and len(parts[j][2]) <= 4:
                return (start, parts[j][1], "HANDLE")
    # A leading run of leetspeak or capitalised words, at least two, one of them leet unless
    # the username was named.
    k = 0
    while k < len(parts) and (_LEET.search(parts[k][2]) or parts[k][2][0].isupper()):
        k += 1
    if (
        k >= 2
        and (named or any(_LEET.search(p[2]) for p in parts[:k]))
        and not any(p[2].lower() in lex.not_people for p in parts[:k])
    ):
        return (start, parts[k - 1][1], "HANDLE")
    if strong and _plain_tag(parts[:3], lex):
        return (start, parts[:3][-1][1], "HANDLE")
    return None


def _plain_tag(parts: list[tuple[int, int, str]], lex: PiiLexicon) -> bool:
    """Lower-case words that are no everyday words, the first not shaped like a description
    ('my tiktok is addictive af')."""
    lows = [p[2].lower() for p in parts]
    return (
        all(w.isalpha() and len(w) > 2 for w in lows)
        and not lows[0].endswith(lex.not_name_endings)
        and not any(
            w in lex.common_words or w in _ASKING or w in lex.handle_cues or w in lex.handle_glue
            for w in lows
        )
    )


# A username before "on <platform>": "gr8gamergabe on twitch", "im noodle lord 3000 on steam".
_BEFORE_PLATFORM = re.compile(r"(?:[A-Za-z0-9][\w\-]* ){0,3}[A-Za-z0-9][\w\-]*\s+on\s+$")
_NAMING_BEFORE = {"im", "i'm", "as", "is", "its", "it's", "called", "named", "me", "by"}


def _handles_before_platform(text: str, words: list[Word], lex: PiiLexicon) -> list[Span]:
    spans: list[Span] = []
    for i in range(2, len(words)):
        if words[i][3] not in lex.handle_cues or words[i - 1][3] != "on":
            continue
        m = _BEFORE_PLATFORM.search(text, max(0, words[i][0] - 60), words[i][0])
        if not m:
            continue
        # From the right, the words that may be the username.
        found = [
            (t.start(), t.end(), t.group())
            for t in _TAG_WORD.finditer(text, m.start(), words[i - 1][0])
        ]
        k = len(found)
        while k and not (
            found[k - 1][2].lower() in lex.handle_end_words
            or found[k - 1][2].lower() in _NAMING_BEFORE
            or (found[k - 1][2].lower() in STOP_WORDS and found[k - 1][2].islower())
        ):
            k -= 1
        run = found[k:]
        if not run:
            continue
        last = run[-1][2]
        if len(last) >= 5 and _LEET.search(last):
            # Leetspeak words before it too: "Sn1per Gr4nny on xbox".
            first = len(run) - 1
            while first and _LEET.search(run[first - 1][2]):
                first -= 1
            spans.append((run[first][0], run[-1][1], "HANDLE"))
        elif k and found[k - 1][2].lower() in _NAMING_BEFORE:
            span = _handle_run(text, run[0][0], True, lex)
            if span and span[1] == run[-1][1]:
                spans.append(span)
    return spans


def _resolve(text: str, spans: list[Span]) -> list[Span]:
    """Settle overlaps, keeping the higher-priority label and then the longer span. A span
    that only runs into a kept one at an edge is cut back, not dropped: 'Ewa Zielinska' stays
    a name when the joined words run on into 'ewa.z@example.com'."""
    ordered = sorted(spans, key=lambda s: (PRIORITY[s[2]], -(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for start, end, label in ordered:
        cut = False
        for k_start, k_end, _ in kept:
            if end <= k_start or start >= k_end:
                continue
            if k_start <= start and end <= k_end or start < k_start and k_end < end:
                break  # inside a kept span, or one inside it: keep only the kept one
            if start < k_start:
                end, cut = k_start, True
            else:
                start, cut = k_end, True
        else:
            if cut:
                start += len(text[start:end]) - len(text[start:end].lstrip(" ,.;:-"))
                end -= len(text[start:end]) - len(text[start:end].rstrip(" ,.;:-"))
            if start < end:
                kept.append((start, end, label))
    return sorted((s, e, _SHOWN_AS.get(label, label)) for s, e, label in kept)


# A town between an address and its postcode: "4 Elm Road, Sheffield, S35 1GH".
_TOWN = re.compile(r"(?:,\s*|\s+)[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?\s*(?:,\s*|\s+)(?=\S)")


def _not_towns(text: str, spans: list[Span], lex: PiiLexicon) -> list[Span]:
    ends = {e for _, e, label in spans if label in ("ADDRESS", "STREET")}
    if not ends:
        return spans
    postcodes = {s for s, _, label in spans if label == "POSTCODE"}
    towns = set()
    for end in ends:
        m = _TOWN.match(text, end)
        if (
            m
            and m.end() in postcodes
            and m.group().strip(" ,").split()[0].lower() not in lex.first_names
        ):
            towns.add(end)
    if not towns:
        return spans
    return [
        s for s in spans if s[2] != "PERSON" or not any(e < s[0] and s[1] <= e + 40 for e in towns)
    ]


def find_pii(text: str, lexicon: PiiLexicon | None = None) -> list[Span]:
    lex = lexicon or default_lexicon()
    words = _words(text)
    lows = [w[3] for w in words]
    low = text.lower()
    spans = _pattern_spans(text, lex, low)
    schools = _school_spans(text, words, lows, lex)
    if text[1:] != low[1:]:
        schools += _cued_school_spans(text, words, lows, lex)
    spans += schools
    spans += _cue_handle_spans(words, text, lex)
    starts = frozenset(s for s, _, _ in schools) if schools else frozenset()
    spans += _person_spans(text, words, lows, lex, starts)
    return _resolve(text, _not_towns(text, spans, lex))


def redact(text: str, spans: list[Span]) -> str:
    out, last = [], 0
    for start, end, label in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(f"[{'NAME' if label == 'PERSON' else label}]")
        last = end
    out.append(text[last:])
    return "".join(out)
