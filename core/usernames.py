"""One spelling for a username, so look-alikes are the same login.

NFKC folds compatibility forms (full-width letters, ligatures) into their plain letters and
case folding drops case more thoroughly than `lower()` (ß and ss are one). Normalising again
after folding keeps the result stable if it is normalised a second time.
"""

import unicodedata


def username_normalise(value: str) -> str:
    folded = unicodedata.normalize("NFKC", value).casefold()
    return unicodedata.normalize("NFKC", folded).strip()
