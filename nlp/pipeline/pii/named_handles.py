"""Usernames known by the words around them: 'add me on snap jaydenb', 'my xbox name is Dark
Phoenix 221', 'add me Turbo Tortoise 12', 'gr8gamergabe on twitch'. Usernames with a shape of
their own ('@lilyrose.x', 'jay_b09') are handles.py's."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.pipeline.pii.lexicon import PiiLexicon
from nlp.pipeline.pii.text import Answer, Span, Word

_HANDLE_TOKEN = re.compile(r"\s*[:=\-]?\s*(@?[\w.\-']*\w)")
# Digits, dots, underscores, camel case or two hyphens: "lewis-the-legend", "BlueBerryPie".
_HANDLE_SHAPE = re.compile(r"[\d_.@]|[a-z][A-Z]|\w-\w+-\w")


def find(answer: Answer, lex: PiiLexicon, found: list[Span]) -> list[Span]:
    """'add me on snap jay_b09', 'my snap is jaydenb', 'my xbox name is Dark Phoenix 221',
    'add me Turbo Tortoise 12': the username after a platform word, 'add me' or 'online name'."""
    text, words = answer.text, answer.words
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
        strong = bool(before & lex.handle_asking)
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
                if (
                    add_me
                    and tlow not in lex.handle_links
                    and tlow != "on"
                    and tlow not in lex.handle_cues
                ):
                    break
                strong = strong or (owned and tlow in lex.handle_links)
                named = named or tlow in lex.handle_links  # "on steam as ..."
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
            w in lex.common_words
            or w in lex.handle_asking
            or w in lex.handle_cues
            or w in lex.handle_glue
            for w in lows
        )
    )


# A username before "on <platform>": "gr8gamergabe on twitch", "im noodle lord 3000 on steam".
_BEFORE_PLATFORM = re.compile(r"(?:[A-Za-z0-9][\w\-]* ){0,3}[A-Za-z0-9][\w\-]*\s+on\s+$")


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
            or found[k - 1][2].lower() in lex.handle_naming_before
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
        elif k and found[k - 1][2].lower() in lex.handle_naming_before:
            span = _handle_run(text, run[0][0], True, lex)
            if span and span[1] == run[-1][1]:
                spans.append(span)
    return spans
