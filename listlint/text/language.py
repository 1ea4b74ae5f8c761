"""Which language a title or description is written in, when that can be told for sure.

Used by ``language-mismatch``. Three layers, cheapest first:

1. **Script.** Letters are counted per writing system. A text mostly in Cyrillic, Greek, Arabic,
   Hangul, kana or Han is told by its script, however short: Hangul is Korean, kana is
   Japanese, Han without kana is Chinese (langdetect calls most Chinese titles Korean).
2. **Function words.** A text in Latin letters is only suspected of being in language X when it
   contains a function word of X that the declared language does not have ("with", "und",
   "pour"), and almost no sign of the declared language (its function words, its own letters
   such as é or ß). Most texts stop here, without calling langdetect.
3. **langdetect**, seeded and restricted to the declared language plus the common marketplace
   languages, must then agree with probability >= ``min_probability`` on at least
   ``min_words`` words. Brand names, words with digits (model codes, sizes, units) and acronyms
   are not counted as words of any language.

Results are cached per distinct text (bounded LRU), so a description template shared by many
listings is judged once.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from listlint import _vocab
from listlint.text.words import casefolded_words

# --- scripts ------------------------------------------------------------------------------------

LATIN = "Latin"
HAN = "Han"
KANA = "kana"
HANGUL = "Hangul"
_CJK = frozenset({HAN, KANA, HANGUL})
# A CJK character carries about as much as three Latin letters (a word is 1-2 characters).
_CJK_WEIGHT = 3
# The share of (weighted) letters a foreign script must have before the text counts as written
# in it; below that the text is mixed ("Матрёшка nesting doll") and is not judged.
_DOMINANT_SHARE = 0.6

# (first, last, script) for letters outside ASCII, sorted; from the Unicode block chart.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x00C0, 0x024F, LATIN),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, HANGUL),
    (0x1200, 0x137F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1E00, 0x1EFF, LATIN),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2C60, 0x2C7F, LATIN),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x3005, 0x3007, HAN),
    (0x3040, 0x30FF, KANA),
    (0x3100, 0x312F, HAN),  # Bopomofo, written with Chinese
    (0x3130, 0x318F, HANGUL),
    (0x31F0, 0x31FF, KANA),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA720, 0xA7FF, LATIN),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7FF, HANGUL),
    (0xF900, 0xFAFF, HAN),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF21, 0xFF5A, LATIN),  # full-width Latin
    (0xFF66, 0xFF9F, KANA),  # half-width katakana
    (0xFFA0, 0xFFDC, HANGUL),
    (0x20000, 0x323AF, HAN),
)
_STARTS = [start for start, _, _ in _RANGES]

# The languages written in each script other than Latin (and the CJK ones, decided apart).
_SCRIPT_LANGUAGES: Mapping[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "mk", "sr", "be", "kk", "ky", "mn", "tg"),
    "Greek": ("el",),
    "Armenian": ("hy",),
    "Hebrew": ("he", "yi"),
    "Arabic": ("ar", "fa", "ur", "ps", "ug", "ckb"),
    "Devanagari": ("hi", "mr", "ne", "sa"),
    "Bengali": ("bn", "as"),
    "Gurmukhi": ("pa",),
    "Gujarati": ("gu",),
    "Tamil": ("ta",),
    "Telugu": ("te",),
    "Kannada": ("kn",),
    "Malayalam": ("ml",),
    "Sinhala": ("si",),
    "Thai": ("th",),
    "Lao": ("lo",),
    "Georgian": ("ka",),
    "Ethiopic": ("am", "ti"),
    "Khmer": ("km",),
}
# Languages written in Latin letters (besides any with a langdetect profile not listed above).
_LATIN_LANGUAGES = frozenset(
    {
        "af", "az", "br", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fil",
        "fo", "fr", "ga", "gl", "ha", "hr", "hu", "id", "ig", "is", "it", "la", "lb", "lt", "lv",
        "mg", "ms", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl",
        "tr", "uz", "vi", "xh", "yo", "zu",
    }
)  # fmt: skip
_CJK_LANGUAGES: Mapping[str, frozenset[str]] = {
    "zh": frozenset({HAN}),
    "ja": frozenset({HAN, KANA}),
    "ko": frozenset({HANGUL, HAN}),
}
_DUAL_SCRIPT: Mapping[str, frozenset[str]] = {"sr": frozenset({"Cyrillic", LATIN})}


@lru_cache(maxsize=2048)
def _script(ch: str) -> str | None:
    """The script of a non-ASCII letter, or None for one we do not place."""
    code = ord(ch)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index >= 0:
        start, end, script = _RANGES[index]
        if start <= code <= end:
            return script
    return None


_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NO_COUNTS: Mapping[str, int] = {}  # what the Latin branch of _screen reads of an ASCII text
_ASCII_LETTER = re.compile("[A-Za-z]")  # the first is found at once: no need to count them
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` has (unplaced letters are left out)."""
    return Counter(_script_counts(text))


def _script_counts(text: str) -> dict[str, int]:
    """:func:`script_counts` as a plain dict, which is cheaper to make (this runs per text)."""
    # ASCII letters are counted in C: encode drops the rest, translate deletes non-letters.
    latin = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    counts = {LATIN: latin} if latin else {}
    if not text.isascii():
        # Each distinct character once (Counter keeps the order they first occur in, and so
        # the order of the scripts): a text repeats its few accented letters many times.
        for ch, n in Counter(_NON_ASCII.findall(text)).items():
            if ch.isalpha():
                script = _script(ch)
                if script is not None:
                    counts[script] = counts.get(script, 0) + n
    return counts


def _weight(script: str, count: int) -> int:
    return count * _CJK_WEIGHT if script in _CJK else count


def _cjk_language(counts: Mapping[str, int]) -> str | None:
    """zh, ja or ko for a text in CJK characters, decided by script; None when unclear."""
    han, kana, hangul = counts.get(HAN, 0), counts.get(KANA, 0), counts.get(HANGUL, 0)
    if hangul >= 2 and hangul * 3 >= han + kana:
        return "ko"
    if hangul:
        return None
    # Japanese text is about a third kana; a Chinese text quoting one Japanese brand is not.
    if kana >= 2 and kana * 7 >= han + kana:
        return "ja"
    if han and not kana:
        return "zh"
    return None


@lru_cache(maxsize=256)
def expected_scripts(language: str) -> frozenset[str] | None:
    """The scripts a text in ``language`` (a normalised code) is written in; None if unknown."""
    base = base_language(language)
    if base in _CJK_LANGUAGES:
        return _CJK_LANGUAGES[base]
    if base in _DUAL_SCRIPT:
        return _DUAL_SCRIPT[base]
    for script, languages in _SCRIPT_LANGUAGES.items():
        if base in languages:
            return frozenset({script})
    if base in _LATIN_LANGUAGES or language in _profiles():
        return frozenset({LATIN})
    return None


# --- language codes -----------------------------------------------------------------------------

_ALIASES: Mapping[str, str] = {
    "iw": "he", "in": "id", "ji": "yi", "nb": "no", "nn": "no", "fil": "tl",
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "por": "pt",
    "ita": "it", "rus": "ru", "nld": "nl", "dut": "nl", "pol": "pl", "tur": "tr", "ara": "ar",
    "jpn": "ja", "kor": "ko", "zho": "zh", "chi": "zh", "swe": "sv", "dan": "da", "nor": "no",
}  # fmt: skip
_TRADITIONAL = frozenset({"tw", "hk", "mo", "hant"})
_UNDETERMINED = frozenset({"und", "mul", "zxx", "mis"})


@lru_cache(maxsize=256)
def normalize(tag: str) -> str | None:
    """A BCP 47 tag as a langdetect-style code: ``zh-CN`` -> ``zh-cn``, ``pt-BR`` -> ``pt``.

    Chinese keeps its script (``zh-cn`` simplified, ``zh-tw`` traditional); other languages
    keep only their primary subtag. English language names ("French") are accepted too.
    Returns None for an empty or undetermined tag.
    """
    text = tag.strip().replace("_", "-").lower()
    if not text or text in _UNDETERMINED:
        return None
    by_name = {name.lower(): code for code, name in _names().items()}
    if text in by_name:
        text = by_name[text]
    parts = text.split("-")
    primary = _ALIASES.get(parts[0], parts[0])
    if primary == "zh":
        return "zh-tw" if _TRADITIONAL.intersection(parts[1:]) else "zh-cn"
    return primary


def base_language(code: str) -> str:
    """The language without its region or script: ``zh-cn`` and ``zh-tw`` are both ``zh``."""
    return code.split("-", 1)[0]


def same_language(a: str, b: str) -> bool:
    return base_language(a) == base_language(b)


def language_name(code: str) -> str:
    """The English name of a language code, or the code itself when it is not known."""
    return _names().get(base_language(code), code)


@cache
def _names() -> Mapping[str, str]:
    names: dict[str, str] = dict(_vocab.load("languages.toml").get("names", {}))
    return names


# --- what was found -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Detected:
    """The language a text is clearly written in: by langdetect (with its probability) or by
    its script (``probability`` None). ``language`` is empty when only the script is known."""

    language: str
    probability: float | None = None
    script: str | None = None

    def describe(self) -> str:
        """E.g. "French (fr)", "Chinese (zh, Han script without kana)": a seller needs the
        language, not langdetect's probability (at least min-probability, 0.9, anyway)."""
        if not self.language:
            return f"written in {self.script} script"
        name = language_name(self.language)
        if self.probability is not None:
            return f"{name} ({self.language})"
        return f"{name} ({self.language}, {_SCRIPT_REASONS.get(self.script or '', self.script)})"


_SCRIPT_REASONS = {
    HAN: "Han script without kana",
    KANA: "kana",
    HANGUL: "Hangul script",
}


# --- the check's entry points -------------------------------------------------------------------


def mismatch(
    text: str,
    declared: str,
    *,
    names: Iterable[str] | Callable[[], Iterable[str]] = (),
    short: bool = True,
    min_words: int = 4,
    min_probability: float = 0.9,
) -> Detected | None:
    """The language ``text`` is clearly written in, when that is not the ``declared`` one.

    None when the text matches, is mixed, is too short or otherwise cannot be judged.
    ``short`` says the text is a title: its words are then looked at one by one, leaving out
    acronyms and ``names``, words that belong to no language (brand, model and colour names;
    or a function returning them, only called for the few titles that need them).
    Descriptions (``short=False``) are read as running text.
    """
    language = normalize(declared)
    if short:
        text = _unquoted(text)
    if language is None or not text.strip():
        return None
    decided, found = _screen(text, language, short, min_words, min_probability)
    if decided:
        return found
    given = names() if callable(names) else names
    key = frozenset(word.casefold() for word in given)
    return _judge_title(text, language, key, min_words, min_probability)


# A quoted span of a title: a slogan, a print or a work's name ("T-shirt homme « Keep Calm and
# Carry On »"), in whatever language it was written; double quotes of every typography only, as
# a single one is also an apostrophe.
_QUOTED = re.compile(
    '\u00ab[^\u00bb]*\u00bb|\u201c[^\u201d]*\u201d|\u201e[^\u201c\u201d]*[\u201c\u201d]|"[^"]*"'
)


def _unquoted(title: str) -> str:
    """``title`` without its quoted spans, when it has any."""
    if '"' not in title and title.isascii():
        return title
    return _QUOTED.sub(" ", title)


def identify(
    text: str, *, min_words: int = 4, min_probability: float = 0.9, confirm: bool = True
) -> Detected | None:
    """The language of a running text (a description) when it is clear; None otherwise.

    By script for non-Latin texts; for Latin ones, the language whose function words the text
    uses most by far (a word shared by n languages gives each 1/n), confirmed by langdetect
    unless ``confirm`` is false (a cheap first guess, without a probability).
    """
    return _identify(text, min_words, min_probability, confirm)


@lru_cache(maxsize=4096)
def _identify(text: str, min_words: int, min_probability: float, confirm: bool) -> Detected | None:
    counts = _script_counts(text)
    total = sum(_weight(script, count) for script, count in counts.items())
    if not total:
        return None
    script, count = max(counts.items(), key=lambda item: _weight(*item))
    if _weight(script, count) < total * _DOMINANT_SHARE:
        return None
    if script in _CJK:
        found = _cjk_language(counts)
        return Detected(found, script=_cjk_script(found)) if found else None
    if script != LATIN:
        return _by_script(text, script, min_words)
    tokens = _words(text)
    if len(tokens) < min_words:
        return None
    votes: dict[str, float] = {}
    for languages, n in _function_word_kinds(tokens, text).items():
        for other in languages:
            votes[other] = votes.get(other, 0.0) + n / len(languages)
    ranked = sorted(votes.items(), key=lambda item: -item[1])[:2]
    if not ranked:
        return None
    top, top_votes = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if top_votes < 2 or runner_up * 2 > top_votes:
        return None
    if not confirm:
        return Detected(top)
    detected = _detect(_sample(text), _candidates(top))
    if detected is None or not same_language(detected[0], top) or detected[1] < min_probability:
        return None
    return Detected(detected[0], detected[1])


@lru_cache(maxsize=8192)
def _screen(
    text: str, language: str, short: bool, min_words: int, min_probability: float
) -> tuple[bool, Detected | None]:
    """Everything that needs no names: ``(True, result)`` when that decides, ``(False, None)``
    for a title that must be judged word by word."""
    expected = expected_scripts(language)
    if expected is None:
        return True, None
    if text.isascii():  # most texts: Latin letters only, or no letter at all
        if _ASCII_LETTER.search(text) is None:
            return True, None
        counts: Mapping[str, int] = _NO_COUNTS
        script, count, share = LATIN, 1, 1.0
    else:
        counts = _script_counts(text)
        total = sum(_weight(script, count) for script, count in counts.items())
        if not total:
            return True, None
        script, count = max(counts.items(), key=lambda item: _weight(*item))
        share = _weight(script, count) / total
    if script in _CJK:
        return True, _cjk_mismatch(counts, language, share)
    if script != LATIN:
        if script in expected or share < _DOMINANT_SHARE or count < 4:
            return True, None
        return True, _by_script(text, script, min_words)
    # Mostly Latin letters. A text in a non-Latin language with some of its own script is mixed
    # ("Nike エアマックス"), and so is a Latin text with much of another script.
    if share < _DOMINANT_SHARE:
        return True, None
    if LATIN not in expected:
        own = sum(counts.get(s, 0) for s in expected)
        if own >= (1 if expected & _CJK else 2):
            return True, None
    elif language not in _profiles():
        return True, None  # a Latin-script language langdetect does not know: cannot judge
    words = _words(text)
    if len(words) < min_words:
        return True, None
    if not _has_apostrophe(text) and _foreign_words(base_language(language)).isdisjoint(words):
        # The usual case, told by one set operation: not one function word of another
        # language, so nothing to suspect (below, a title needs one; _confirm as well).
        return True, None
    kinds = _function_word_kinds(words, text)
    if short:
        # Leaving out names, codes and acronyms only removes words: a title without a foreign
        # function word stays without one, and only the others are judged word by word.
        if any(base_language(language) not in languages for languages in kinds):
            return False, None
        return True, None
    return True, _confirm(_sample(text), words, kinds, language, min_probability)


@lru_cache(maxsize=4096)
def _judge_title(
    text: str, language: str, names: frozenset[str], min_words: int, min_probability: float
) -> Detected | None:
    kept = _title_words(text, names)
    if len(kept) < min_words:
        return None
    words = [word.casefold() for word in kept]
    sample = " ".join(kept)
    if not any(ch.islower() for ch in sample):
        sample = sample.lower()  # langdetect skips words in capitals
    return _confirm(sample, words, _function_word_kinds(words), language, min_probability)


def _cjk_mismatch(counts: Mapping[str, int], language: str, share: float) -> Detected | None:
    found = _cjk_language(counts)
    if found is None:
        return None
    base = base_language(language)
    if base == found:
        return None
    if base in _CJK_LANGUAGES:
        han = counts.get(HAN, 0)
        # Japanese titles may be all kanji ("東京限定 腕時計"); a long text never is.
        if base == "ja" and found == "zh" and han < 20:
            return None
        if base == "ko" and found == "zh" and han < 4:
            return None
        return Detected(found, script=_cjk_script(found))
    cjk = sum(counts.get(s, 0) for s in _CJK)
    if share < _DOMINANT_SHARE or cjk < 2:
        return None
    return Detected(found, script=_cjk_script(found))


def _cjk_script(language: str) -> str:
    return {"ko": HANGUL, "ja": KANA}.get(language, HAN)


# Candidates when naming the language of a text in a script several languages share.
_SCRIPT_CANDIDATES: Mapping[str, tuple[str, ...]] = {
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
}


def _by_script(text: str, script: str, min_words: int) -> Detected | None:
    languages = _SCRIPT_LANGUAGES.get(script)
    if not languages:
        return None
    if len(languages) == 1:
        return Detected(languages[0], script=script)
    candidates = _SCRIPT_CANDIDATES.get(script)
    if candidates and len(text.split()) >= min_words:
        detected = _detect(_sample(text), candidates)
        if detected is not None and detected[1] >= 0.9:
            return Detected(detected[0], detected[1], script=script)
    return Detected("", script=script)


# --- Latin texts: function words, then langdetect -----------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
# Quotes, brackets, dashes and other punctuation around a word.
_EDGE_PUNCTUATION = (
    "\"'()[]{}<>.,;:!?*/|-"
    "\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u00a1\u00bf\u2013\u2014\u2026"
)


def _fold_apostrophes(text: str) -> str:
    """Typographic apostrophes (U+2019, U+02BC) as ASCII ones, as in French elisions."""
    return text.replace("\u2019", "'").replace("\u02bc", "'") if not text.isascii() else text


def _words(text: str) -> Sequence[str]:
    """``_fold_apostrophes(text.casefold()).split()``, from the words split once per text."""
    words = casefolded_words(text)
    # Case folding makes U+02BC of U+0149 and of nothing else; U+2019 only of itself.
    if text.isascii() or not ("\u2019" in text or "\u02bc" in text or "\u0149" in text):
        return words
    return [_fold_apostrophes(word) for word in words]


def _has_apostrophe(text: str) -> bool:
    """Whether :func:`_words` of ``text`` has an ASCII apostrophe (case folding makes one of
    no other character; the typographic ones become one)."""
    return "'" in text or (
        not text.isascii() and ("\u2019" in text or "\u02bc" in text or "\u0149" in text)
    )


# Running text handed to langdetect is cut here: more letters do not change its answer.
_SAMPLE_CHARS = 500


def _confirm(
    sample: str,
    words: Sequence[str],
    kinds: Mapping[frozenset[str], int],
    language: str,
    min_probability: float,
) -> Detected | None:
    """A Latin text's other language: function words suspect it and langdetect agrees."""
    base = base_language(language)
    # The fast path: no foreign function words that outweigh the declared language's.
    if not _suspects(kinds, base):
        return None
    detected = _detect(sample, _candidates(language))
    if detected is None:
        return None
    code, probability = detected
    if same_language(code, language) or probability < min_probability:
        return None
    own_letters = _words_with_own_letters(words, base, base_language(code))
    if not _evidence(kinds, base_language(code), base, own_letters)[0]:
        return None
    return Detected(code, probability)


def _suspects(kinds: Mapping[frozenset[str], int], declared: str) -> list[str]:
    """The languages whose function words outweigh the declared language's (see _evidence)."""
    foreign: dict[str, int] = {}
    exclusive = 0  # words of the declared language alone: they count against every other
    for languages, n in kinds.items():
        if declared not in languages:
            for other in languages:
                foreign[other] = foreign.get(other, 0) + n
        elif len(languages) == 1:
            exclusive += n
    return [
        other
        for other, hits in foreign.items()
        if hits > 4 * exclusive and _evidence(kinds, other, declared)[0]
    ]


def _evidence(
    kinds: Mapping[frozenset[str], int], other: str, declared: str, own_letters: int = 0
) -> tuple[bool, int, int]:
    """Whether the function words say "``other``, not ``declared``", with the two counts.

    Only words of one of the two languages count (English and Dutch share "in" and "is"). The
    foreign words must be more than four times the declared language's signs, so a long French
    description with "Made in France with love" stays French, and a title needs none at all.
    """
    foreign = sum(
        n for languages, n in kinds.items() if other in languages and declared not in languages
    )
    own = own_letters + sum(
        n for languages, n in kinds.items() if declared in languages and other not in languages
    )
    return foreign > 0 and foreign > 4 * own, foreign, own


def _title_words(text: str, names: frozenset[str]) -> list[str]:
    """The words of a title that can tell its language, as written.

    Left out: chunks with a digit (model codes, sizes, units: "S23", "55cm", "10-in-1"),
    acronyms in capitals ("HEPA", "USB-C") unless the whole title is in capitals, and names
    (the brand's and attribute values' words, given case-folded).
    """
    chunks = [chunk.strip(_EDGE_PUNCTUATION) for chunk in _fold_apostrophes(text).split()]
    chunks = [chunk for chunk in chunks if chunk and not any(ch.isdigit() for ch in chunk)]
    shouting = not any(ch.islower() for chunk in chunks for ch in chunk)
    words: list[str] = []
    for chunk in chunks:
        letters = _LETTERS.findall(chunk)
        if not letters:
            continue
        if not shouting and len("".join(letters)) > 1 and chunk.isupper():
            continue
        if chunk.casefold() in names or all(part.casefold() in names for part in letters):
            continue
        words.append(chunk)
    return words


def _words_with_own_letters(words: Sequence[str], language: str, other: str) -> int:
    """How many words have a letter the declared ``language`` uses and ``other`` does not."""
    letters = _letters()
    own = letters.get(language)
    if not own:
        return 0
    distinct = frozenset(own) - frozenset(letters.get(other, ""))
    if not distinct:
        return 0
    return sum(1 for word in words if not distinct.isdisjoint(word))


def _function_word_kinds(
    words: Sequence[str], text: str | None = None
) -> dict[frozenset[str], int]:
    """How many of ``words`` (case-folded) are function words of each set of languages, in the
    order of their first word. ``text``, when given, is the text ``words`` are :func:`_words` of."""
    # Counted in C: a Counter counts its iterable without running Python code per word.
    kinds: dict[frozenset[str], int] = Counter(filter(None, map(_function_words().get, words)))
    apostrophe = _has_apostrophe(text) if text is not None else "'" in " ".join(words)
    if apostrophe:  # elided forms: "l'aventure", "dell'anno"
        table = _function_words()
        for word in words:
            if "'" in word and word not in table:
                languages = _function_word_languages(word)
                if languages:
                    kinds[languages] = kinds.get(languages, 0) + 1
    return kinds


def _function_word_languages(word: str) -> frozenset[str]:
    """The languages ``word`` (case-folded) is a function word of, elided forms included."""
    table = _function_words()
    found = table.get(word)
    if found is not None:
        return found
    quote = word.find("'")
    if 0 < quote < 6:
        return table.get(word[: quote + 1], frozenset())
    return frozenset()


@cache
def _function_words() -> Mapping[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for language, words in _vocab.load("languages.toml").get("function-words", {}).items():
        for word in _vocab.strings(words):
            table.setdefault(word.casefold(), set()).add(language)
    return {word: frozenset(languages) for word, languages in table.items()}


@cache
def _foreign_words(language: str) -> frozenset[str]:
    """The function words of other languages that ``language`` (a base code) does not have."""
    return frozenset(
        word for word, languages in _function_words().items() if language not in languages
    )


@cache
def _letters() -> Mapping[str, str]:
    letters: dict[str, str] = dict(_vocab.load("languages.toml").get("letters", {}))
    return letters


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, _SAMPLE_CHARS)
    return text[: cut if cut > 0 else _SAMPLE_CHARS]


# --- langdetect ---------------------------------------------------------------------------------


@cache
def _profiles() -> frozenset[str]:
    """The language codes langdetect has a profile for (its file names: en, zh-cn...)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(os.listdir(PROFILES_DIRECTORY))


@cache
def _common() -> tuple[str, ...]:
    return _vocab.strings(_vocab.load("languages.toml").get("candidates"))


def _candidates(language: str) -> tuple[str, ...]:
    """The declared language plus the common marketplace languages, as langdetect codes."""
    found = set(_common())
    if language in _profiles():
        found.add(language)
    return tuple(sorted(found & _profiles()))


@cache
def _factory(candidates: tuple[str, ...]) -> Any:
    """A langdetect factory of its own, seeded, that only knows ``candidates``."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = []
    for code in candidates:
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as file:
            profiles.append(file.read())
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


@lru_cache(maxsize=4096)
def _detect(text: str, candidates: tuple[str, ...]) -> tuple[str, float] | None:
    """langdetect's best language for ``text`` among ``candidates`` and its probability."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(candidates).create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:  # no letters langdetect knows
        return None
    if not ranked:
        return None
    return str(ranked[0].lang), float(ranked[0].prob)
