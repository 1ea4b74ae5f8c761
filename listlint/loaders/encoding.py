"""Turn a catalog's bytes into text: a BOM if there is one, then UTF-8, then the legacy encoding
whose reading looks most like real writing.

Sellers' spreadsheets arrive as GBK/GB18030, Big5, Shift_JIS or Windows-1252 as often as UTF-8.
A header and one row carry too few bytes for statistical detection: charset-normalizer reads a
one-word Shift_JIS or GBK cell as GB18030 or Big5 more often than not. So the choice is made by how
ordinary each strict decoding's characters are: Chinese bytes read as Big5 or Shift_JIS turn into
rare ideographs, kana among hanzi or half-width katakana, while the right reading is made of the
most frequent characters of its script. Ties go to the more common encoding, in ``_LEGACY`` order.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from listlint.loaders.base import UnusableInput

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The legacy encodings tried when a file is not UTF-8, in the order that breaks ties. Each is
# followed by the Microsoft superset Excel actually writes, tried when the standard one fails.
_LEGACY = ("gb18030", "big5", "shift_jis", "cp1252")
_SUPERSET = {"big5": "cp950", "shift_jis": "cp932"}

# Only this much of a large file is scored; a few thousand characters settle the question.
_SCORE_SAMPLE = 20_000

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: the DOS end-of-file mark


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the name reported to the user, e.g. "utf-8", "gb18030", "cp1252"
    replaced: int = 0  # invalid bytes of a mostly UTF-8 file that became U+FFFD


def check_encoding(name: str) -> str:
    """Return the normalised codec name for ``--encoding``; raise ValueError if it is unknown."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding '{name}'") from None
    if not info._is_text_encoding:  # e.g. "rot13", "base64": not a way to read a file
        raise ValueError(f"'{name}' is not a text encoding")
    return info.name


def decode(data: bytes, path: str, forced: str | None = None) -> tuple[str, str]:
    """Return the text of ``data`` and the name of the encoding it was read with."""
    decoded = decode_bytes(data, path, forced)
    return decoded.text, decoded.encoding


def decode_bytes(data: bytes, path: str, forced: str | None = None) -> Decoded:
    """Like :func:`decode`, also saying how many damaged bytes of a UTF-8 file were replaced."""
    if forced is not None:
        name = check_encoding(forced)
        return _checked(path, _strict(data, path, name), name)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(path, _strict(data, path, name), name)
    nul = data.find(b"\0")
    if nul >= 0:
        raise UnusableInput(f"{path}: binary data, not text (NUL byte at offset {nul})")
    try:
        return _checked(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return _checked(path, damaged.text, damaged.encoding, damaged.replaced)
    decodings = dict(_legacy_decodings(data))
    if not decodings:
        raise UnusableInput(
            f"{path}: not UTF-8 (invalid byte at offset {first_bad}) nor GB18030, Big5, "
            f"Shift_JIS or Windows-1252; {_hint(data)}"
        )
    name = choose(decodings)
    return _checked(path, decodings[name], name)


def choose(decodings: dict[str, str]) -> str:
    """Pick the most plausible of several strict decodings (codec name to text) of the same
    bytes; on a tie the first one wins, so list the more common encodings first."""
    scores = {name: plausibility(text, name) for name, text in decodings.items()}
    best = max(scores.values())
    return next(name for name in decodings if scores[name] >= best - 0.05)


def plausibility(text: str, encoding: str) -> float:
    """Mean ordinariness of the non-ASCII characters of ``text`` read as ``encoding``: about 1
    for the frequent characters of the encoding's own script, negative for rare or foreign ones."""
    sample = text[:_SCORE_SAMPLE]
    if encoding == "cp1252":
        weights = _latin_weights(sample)
    else:
        family = _FAMILY[encoding]
        weights = [_cjk_weight(ch, family) for ch in sample if ord(ch) > 0x7F]
    return sum(weights) / len(weights) if weights else 0.0


def _strict(data: bytes, path: str, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise UnusableInput(
            f"{path}: not valid {name}: cannot decode byte {data[exc.start]:#04x} "
            f"at offset {exc.start}"
        ) from None
    except ValueError as exc:  # codecs such as "idna" fail in their own ways
        raise UnusableInput(f"{path}: not valid {name}: {exc}") from None


def _checked(path: str, text: str, name: str, replaced: int = 0) -> Decoded:
    # A leading U+FEFF is a BOM a forced or detected codec kept; it would glue onto the first
    # CSV header name or JSON token.
    text = text.removeprefix("\ufeff")
    sample = text[:_SCORE_SAMPLE]
    controls = sum(1 for ch in sample if _is_control(ch))
    if controls > max(8, len(sample) // 100):  # a stray control character is a record's problem
        raise UnusableInput(f"{path}: binary data, not text (read as {name})")
    return Decoded(text, name, replaced)


def _is_control(ch: str) -> bool:
    # C1 controls are left out: doubly encoded UTF-8 is full of them, and is text all the same.
    return (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS


def _damaged_utf8(data: bytes) -> Decoded | None:
    # A UTF-8 file with a few bytes from elsewhere (a pasted Latin-1 word, a truncated copy):
    # reading it all as a legacy encoding would garble every correct character, so keep UTF-8
    # and let the loader reject only the records holding the damage.
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    if valid < 4 * invalid:
        return None
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", invalid)


def _legacy_decodings(data: bytes) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name in _LEGACY:
        for codec in (name, _SUPERSET.get(name)):
            if codec is None:
                continue
            try:
                found.append((codec, data.decode(codec)))
                break
            except UnicodeDecodeError:
                continue
    return found


def _hint(data: bytes) -> str:
    # Outside the encodings we choose among, a statistical guess is better than none. Imported
    # here: it costs start-up time, and only a file in none of those encodings needs it.
    import charset_normalizer

    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        return "name the encoding with --encoding"
    return f"it may be {guess.encoding}: try --encoding {guess.encoding}"


_FAMILY = {
    "gb18030": "hans",
    "big5": "hant",
    "cp950": "hant",
    "shift_jis": "ja",
    "cp932": "ja",
}


@lru_cache(maxsize=65536)
def _cjk_weight(ch: str, family: str) -> float:
    code = ord(ch)
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E:
        return 1.0  # CJK punctuation and full-width ASCII: at home in all three
    if family == "hans":
        return _hans_weight(ch)
    if family == "hant":
        return _hant_weight(ch)
    return _ja_weight(ch)


def _hans_weight(ch: str) -> float:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        # GBK's additions: traditional and rare ideographs, or other scripts (4-byte GB18030).
        return -1.0 if _is_ideograph(ch) else -2.0
    if 0xB0 <= lead <= 0xD7:
        return 1.0  # GB2312 level 1: the 3755 most frequent hanzi
    if 0xD8 <= lead <= 0xF7:
        return 0.0  # level 2: rarer hanzi
    if lead <= 0xA3:
        return 0.0  # punctuation, symbols, numerals
    return -1.0  # kana, Greek, Cyrillic, pinyin, box drawing: foreign to a Chinese title


def _hant_weight(ch: str) -> float:
    try:
        raw = ch.encode("big5")
    except UnicodeEncodeError:
        return -1.0  # only in cp950 (Microsoft's additions)
    code = int.from_bytes(raw, "big")
    if 0xA440 <= code <= 0xC67E:
        return 1.0  # the 5401 frequently used characters
    if 0xC940 <= code <= 0xF9D5:
        return -0.5  # the 7652 less frequently used ones
    if code < 0xA340:
        return 0.0  # punctuation and symbols
    return -1.0  # Greek, bopomofo


def _ja_weight(ch: str) -> float:
    code = ord(ch)
    if 0x3041 <= code <= 0x30FF:
        return 1.0  # hiragana and katakana
    if 0xFF61 <= code <= 0xFF9F:
        return -1.0  # half-width katakana: what Chinese bytes read as Shift_JIS turn into
    try:
        sjis = int.from_bytes(ch.encode("shift_jis"), "big")
    except UnicodeEncodeError:
        return 0.0  # cp932's NEC and IBM additions (circled numbers, rare kanji)
    if 0x889F <= sjis <= 0x9872:
        return 1.0  # JIS level 1 kanji
    if 0x989F <= sjis <= 0xEAA4:
        return -0.5  # level 2
    if 0x839F <= sjis <= 0x84BE:
        return -1.0  # Greek, Cyrillic, box drawing
    return 0.0


def _is_ideograph(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


# Windows-1252 characters at home in European listings besides accented letters.
# Dashes, single quotes and the multiplication sign are escaped: they look like ASCII.
_LATIN_COMMON = frozenset("€\u2013\u2014\u2018\u2019“”•…™©®°²³½¼¾µ§£¥¢¿¡«»·\u00d7±÷\xa0")


def _latin_weights(text: str) -> list[float]:
    # Accented letters sit among ASCII letters; CJK bytes read as Windows-1252 come out as long
    # runs of non-ASCII symbols. A run of three or more is almost never real Western text.
    weights: list[float] = []
    run: list[str] = []
    for ch in text + " ":
        if ord(ch) > 0x7F:
            run.append(ch)
            continue
        if len(run) >= 3:
            weights.extend(-2.0 for _ in run)
        else:
            weights.extend(1.0 if c.isalpha() or c in _LATIN_COMMON else -1.0 for c in run)
        run.clear()
    return weights
