"""The word lists and patterns the detectors use, read from nlp/pipeline/data/ once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii import regexes
from nlp.pipeline.pii.text import fold

DATA = Path(__file__).resolve().parent.parent / "data"
Needs = list[tuple[tuple[str | tuple[str, ...], ...], list[str]]]


@cache
def _json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def _first_names() -> frozenset[str]:
    listed = {
        line.strip().lower()
        for line in (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    # Looked up without accents too, so "Zoë" and "Zoe" are the same name.
    return frozenset(listed | {fold(n) for n in listed})


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
    handle_asking: set[str]
    handle_links: set[str]
    handle_naming_before: set[str]
    tlds: set[str]
    helplines: set[str]
    birth_cue: re.Pattern
    birthday_is: re.Pattern
    month_words: frozenset[str]
    month_names: tuple[str, ...]
    not_months: frozenset[str]
    not_streets: set[str]
    street_stop_words: set[str]
    plain_words: set[str]
    organisation_words: set[str]
    unit_words: set[str]
    not_people: set[str]
    self_descriptions: set[str]
    describing_endings: tuple[str, ...]
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
    place_words: set[str]
    title_cues_before: set[str]
    title_links: set[str]
    school_name_phrases: set[tuple[str, ...]]
    school_tail_after_phrases: list[tuple[str, ...]]
    school_place_words: set[str]
    school_weak_tails: set[str]
    school_academy_words: set[str]
    school_cue_ends: frozenset[str]
    not_school_initials: set[str]
    not_school_names: set[str]
    school_talk: set[str]
    home_before: re.Pattern
    postal_areas: set[str]
    month_cue: re.Pattern
    building_before: re.Pattern
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)
    needs: dict[str, list[str | list[str]]] = field(default_factory=dict)
    # The patterns by label, each with its kind: {"PHONE": [("PHONE", [...]), ...]}.
    by_label: dict[str, list[tuple[str, list[re.Pattern]]]] = field(default_factory=dict)
    need_groups: Needs = field(default_factory=list)
    digit_need_groups: Needs = field(default_factory=list)
    capital_need_groups: Needs = field(default_factory=list)
    always_tried: frozenset[str] = frozenset()
    tried_on_digit: frozenset[str] = frozenset()
    tried_on_capital: frozenset[str] = frozenset()
    needs_birth: bool = False

    def __post_init__(self) -> None:
        self.by_label = {}
        for key, patterns in self.patterns.items():
            self.by_label.setdefault(key.split("_")[0], []).append((key, patterns))
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
        words = _json("pii_lexicon.json")
        raw = _json("pii_patterns.json")
        ambiguous = set(words["ambiguous_names"])
        names = set(_first_names())
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
            handle_asking=set(words["handle_asking"]),
            handle_links=set(words["handle_links"]),
            handle_naming_before=set(words["handle_naming_before"]),
            tlds=set(words["tlds"]),
            helplines=set(words["helplines"]),
            birth_cue=regexes.word_starts(words["birth_cues"]),
            birthday_is=regexes.birthday_is(words["birth_cues"]),
            month_words=frozenset(raw["_parts"]["MONTH"]),
            month_names=tuple(words["month_names"]),
            not_months=frozenset(words["not_months"]),
            not_streets=set(words["not_streets"]),
            street_stop_words=set(words["street_stop_words"]),
            plain_words=set(words["plain_words"]),
            organisation_words=set(words["organisation_words"]),
            unit_words=set(words["unit_words"]),
            not_people=set(words["not_people"]),
            self_descriptions=set(words["self_descriptions"]),
            describing_endings=tuple(words["describing_endings"]),
            family_words=set(words["family_words"]),
            abstract_names=set(words["abstract_names"]),
            abstract_name_blockers=set(words["abstract_name_blockers"]),
            company_verbs=set(words["company_verbs"]),
            name_verbs_after=regexes.name_verbs(words),
            verbs_after_names=set(words["name_verbs_after"]),
            to_a_person=set(words["to_a_person"]),
            surname_endings=tuple(words["surname_endings"]),
            family_names_first=set(words["family_names_first"]),
            # "St Helens", "Christmas Eve": after these a word is part of a place's or a day's name.
            not_name_after=set(words["not_name_after"]) | set(words["saint_words"]),
            not_name_before=set(words["not_name_before"]),
            place_words=set(words["place_words"]),
            title_cues_before=set(words["title_cues_before"]),
            title_links=set(words["title_links"]),
            school_name_phrases={tuple(p.split()) for p in words["school_name_phrases"]},
            school_tail_after_phrases=[
                tuple(p.split()) for p in words["school_tail_after_phrases"]
            ],
            school_place_words=set(words["school_place_words"]),
            school_weak_tails=set(words["school_weak_tails"]),
            school_academy_words=set(words["school_academy_words"]),
            school_cue_ends=frozenset(words["school_cue_ends"]),
            not_school_initials=set(words["not_school_initials"]),
            not_school_names=set(words["not_school_names"]),
            school_talk=set(words["school_talk"])
            | set(words["school_context"])
            | set(words["school_tail_words"]),
            home_before=regexes.home_before(words["home_cues"]),
            postal_areas=set(raw["_parts"]["POSTAL_AREA"]),
            # The first three letters of the months, misspelled ones too: "apirl", "agust".
            month_cue=regexes.word_starts({m[:3] for m in raw["_parts"]["MONTH"]}),
            building_before=regexes.expand(raw["_building_before"], raw),
            patterns=regexes.compile_patterns(raw),
            needs=raw.get("_needs", {}),
        )


@cache
def default_lexicon() -> PiiLexicon:
    return PiiLexicon.load()
