"""Reading one title or description: which colour, material and size words are statements.

A title is read as a list of facts about the item, so every colour or material word in it
counts, unless its context says otherwise: inside a brand or a name ("Red Bull"), an accent
("black with white stripes", "white sole"), something else's ("case for black iPhone"), other
options ("also available in red"), an imitation ("leather-look"), a negation ("leather-free"),
a lining or a part ("polyester lining").

A description is prose, so a colour or material word counts only in an explicit statement:

- after a label: "Color: Navy", "Material: 100% cotton";
- in a composition: "60% cotton, 40% polyester";
- after "made of", "crafted from", "hecho de", "aus"... about the item: "made with merino wool"
  (not "the packaging is made from recycled cardboard");
- right after a product noun and "de"/"en"/"in": "camiseta de algodón", "borsa in pelle";
- before "fabric", "shell", "upper": "nylon shell";
- in a short phrase that opens a sentence and ends with a product noun (or, for materials, a
  material): "Light blue 1/4 zip pullover.", "Royal blue cotton shorts.", "Polyester/cotton.".

The vocabulary words of a text are found by :meth:`Lexicon.scan`; everything else looks at a
small window around each word, cheapest test first, so the cost grows with the number of
colour and material words rather than with the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from listlint.text._lexicon import Entry, Lexicon, word_key, words_of
from listlint.text.sizes import find_sizes
from listlint.text.values import Stated

NOUN_FIRST = frozenset({"fr", "es", "pt", "it", "ru"})
BASIC_COLORS = frozenset(
    {"black", "white", "gray", "silver", "gold", "red", "pink", "orange", "yellow", "green",
     "blue", "purple", "brown", "beige", "multicolor", "clear"}
)  # fmt: skip
# A sentence ends at one of these (a full stop only when it is not a decimal point).
_SENTENCE_ENDS = ".!?;•·▪●■\n\r|"
# Inside a sentence, a clause ends at one of these (and at " - ").
_CLAUSE_ENDS = ",:()[]{}"
_TITLE_CLAUSE_ENDS = ",;:|()[]{}!"
_WINDOW = 240  # how far back a sentence start is looked for
_FIRST_WORD = re.compile(r"[\W_]*([^\W_]+(?:[-'\u2019][^\W_]+)*)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \-]+$")
_NEXT = re.compile(r"[\s\-/&+]*([^\W_]+(?:[-'\u2019][^\W_]+)*)")
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:[^\W\d_]+[\s\-]+){0,2}$")
# The same for ASCII text, where a letter or digit is [A-Za-z0-9]: Python tests \w and \d with
# Unicode lookups that cost far more than a character class.
_ASCII_FIRST_WORD = re.compile(r"[^A-Za-z0-9]*([A-Za-z0-9]+(?:[-'\u2019][A-Za-z0-9]+)*)")
_ASCII_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \-]+$")
_ASCII_NEXT = re.compile(r"[\s\-/&+]*([A-Za-z0-9]+(?:[-'\u2019][A-Za-z0-9]+)*)")
_ASCII_PERCENT = re.compile(r"([0-9]{1,3}(?:[.,][0-9]+)?)\s*%\s*(?:[A-Za-z]+[\s\-]+){0,2}$")
_TRADEMARK = re.compile(r"[™®]|\((?:tm|r)\)", re.IGNORECASE)
_CONNECTOR_WORDS = frozenset({"and", "und", "et", "y", "e", "и", "or", "&"})
_PRONOUNS = frozenset({"it", "they", "this", "these", "each", "every", "all", "both", "one"})
_MAX_FRAGMENT = 8
_LABEL_MARKS = frozenset(":\uff1a\u3011")  # "Color:", its full-width colon, "【Color】"
_MAX_READINGS = 50_000  # words remembered per lexicon (a few MB at most)
_BREAK_CHARS = frozenset(",;:.!?()|•\n")


class Found(NamedTuple):
    """One statement and the unit it belongs to: its sentence's start (0 for the title)."""

    stated: Stated
    unit: int


@dataclass
class _Around:
    """Where a word stands: its sentence and clause starts, the words around it (lower case)."""

    sentence: int
    clause: int
    before: list[str]  # up to four words before it in its clause, nearest last
    after: list[str]  # up to four words after it in its clause


@dataclass
class _Phrase:
    """Adjacent colour words read as one colour: "light blue", "navy blue", "dusty rose"."""

    start: int
    end: int
    value: str
    weak: bool  # every colour word in it is weak and nothing else vouches for it


class Reader:
    """Reads one text of one listing (``field`` is "title" or "description")."""

    def __init__(self, text: str, field: str, lex: Lexicon, masks: Sequence[str] = ()) -> None:
        self.text = text
        self.field = field
        self.lex = lex
        self.title = field == "title"
        self.noun_first = lex.languages[0] in NOUN_FIRST
        self.sets = lex.sets
        self._masks = masks
        self._ascii = text.isascii()
        self._lowered: str | None = None  # text.lower(), once the text is scanned or searched
        if self._ascii:
            self._next, self._word_before = _ASCII_NEXT, _ASCII_WORD_BEFORE
        else:
            self._next, self._word_before = _NEXT, _WORD_BEFORE
        self._scanned = False
        self._masked: list[tuple[int, int]] = []
        self._hits: list[tuple[int, int, Entry]] = []
        self._ends: list[str] | None = None  # see _sentence_marks
        self._starts: dict[int, int] = {}
        self._marks: tuple[list[str], list[str]] | None = None
        self._read: dict[str, list[Found]] = {}  # what read(kind) found, by kind

    @property
    def hits(self) -> list[tuple[int, int, Entry]]:
        """The colour and material words of the text, outside names: (start, end, entry)."""
        if not self._scanned:
            self._scan()
        return self._hits

    @property
    def masked(self) -> list[tuple[int, int]]:
        """The spans of names and of the listing's brand, whose words state nothing."""
        if not self._scanned:
            self._scan()
        return self._masked

    def _scan(self) -> None:
        self._scanned = True
        text, masked, hits = self.text, self._masked, self._hits
        lowered = self._lowered = text.lower()
        for item in self.lex.scan(text, lowered):
            if item[2].name:
                masked.append((item[0], item[1]))
            else:
                hits.append(item)
        if self._masks and hits:
            for mask in self._masks:
                needle = mask.strip().lower()
                at = lowered.find(needle) if len(needle) > 1 else -1
                while at >= 0:
                    masked.append((at, at + len(needle)))
                    at = lowered.find(needle, at + len(needle))
        if masked:
            self._hits = [h for h in hits if not self._is_masked(h[0], h[1])]

    def _phrase(self, name: str, subject: str) -> tuple[re.Pattern[str], str]:
        """The regex of the context phrase ``name`` and what to run it on for ``subject``:
        ``subject`` lowered if it is ASCII (see Lexicon.ascii_phrases), else itself."""
        if subject.isascii():
            pattern = self.lex.ascii_phrases[name]
            if pattern is not None:
                return pattern, subject.lower()
        return self.lex.phrases[name], subject

    def _text_phrase(self, name: str) -> tuple[re.Pattern[str], str]:
        """The same for the whole text, whose lower case is kept."""
        if self._ascii:
            pattern = self.lex.ascii_phrases[name]
            if pattern is not None:
                if self._lowered is None:
                    self._lowered = self.text.lower()
                return pattern, self._lowered
        return self.lex.phrases[name], self.text

    def _text_marks(self) -> tuple[list[str], list[str]]:
        """The clause ends and dashes this text has (most have two or three)."""
        if self._marks is None:
            text = self.text
            clause = _TITLE_CLAUSE_ENDS if self.title else _CLAUSE_ENDS
            self._marks = (
                [ch for ch in clause if ch in text],
                [d for d in (" - ", " \u2013 ", " — ") if d in text],
            )
        return self._marks

    def read(self, kind: str = "", units: Container[int] | None = None) -> list[Found]:
        """The statements of ``kind`` (every kind if empty) in the text, left to right; with
        ``units``, only the colours and materials of the sentences that start there.

        The list is shared by every caller that reads the same: do not change it.
        """
        if units is None:
            known = self._read.get(kind)
            if known is None:
                known = self._read[kind] = self._statements(kind, None)
            return known
        return self._statements(kind, units)

    def _statements(self, kind: str, units: Container[int] | None) -> list[Found]:
        found: list[Found] = []
        if kind in ("", "color"):
            for phrase in self._color_phrases(units):
                stated = self._remembered("color", phrase.start, phrase.end, phrase)
                if stated is not None:
                    found.append(Found(stated, self._sentence_start(phrase.start)))
        if kind in ("", "material"):
            for start, end, entry in self.hits:
                if entry.material and (units is None or self._sentence_start(start) in units):
                    stated = self._remembered("material", start, end, entry)
                    if stated is not None:
                        found.append(Found(stated, self._sentence_start(start)))
        if kind in ("", "size"):
            found.extend(self._sizes())
        if not kind:
            found.sort(key=lambda f: f.stated.start)
        return found

    def _remembered(self, kind: str, start: int, end: int, what: _Phrase | Entry) -> Stated | None:
        """The statement of the word at ``start:end``, read once per distinct sentence.

        How a description word reads depends only on its sentence (every rule looks no further),
        so the reading is kept per (kind, sentence, span) on the lexicon; the memory is bounded.
        """
        if self.title:
            return self._read_word(kind, start, end, what)
        text = self.text
        sentence = self._sentence_start(start)
        key = (kind, text[sentence : self._sentence_end(start)], start - sentence, end - sentence)
        readings = self.lex.readings
        if key in readings:
            known = readings[key]
            if known is None:
                return None
            value, low, high, qualifier = known
            low, high = low + sentence, high + sentence
            return Stated(kind, value, text[low:high], self.field, low, high, qualifier)
        stated = self._read_word(kind, start, end, what)
        if len(readings) >= _MAX_READINGS:
            readings.clear()
        readings[key] = None if stated is None else (
            stated.value, stated.start - sentence, stated.end - sentence, stated.qualifier
        )  # fmt: skip
        return stated

    def _read_word(self, kind: str, start: int, end: int, what: _Phrase | Entry) -> Stated | None:
        if isinstance(what, _Phrase):
            return self._color(what)
        return self._material(start, end, what)

    def _is_masked(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.masked)

    # -- colours --------------------------------------------------------------------------

    def units(self, kind: str, keep: Callable[[str], bool]) -> set[int]:
        """The sentences (their starts) with a colour or material word (``kind``) whose value
        ``keep`` accepts."""
        found: set[int] = set()
        for start, _, entry in self.hits:
            if kind == "color":
                value = entry.color if entry.color_use != "attribute" else ""
            else:
                value = entry.material
            if value and keep(value):
                found.add(self._sentence_start(start))
        return found

    def _color_phrases(self, units: Container[int] | None = None) -> Iterator[_Phrase]:
        """Adjacent colour words, with their modifiers; each basic colour on its own (with
        ``units``, in the sentences that start there only; a phrase never spans two)."""
        run: list[tuple[int, int, Entry]] = []
        text = self.text
        for hit in self.hits:
            entry = hit[2]
            if not entry.color or entry.color_use == "attribute":
                continue
            if run and text[run[-1][1] : hit[0]].strip(" -\u2010\u2011") != "":
                if units is None or self._sentence_start(run[0][0]) in units:
                    yield from self._split(run)
                run = []
            run.append(hit)
        if run and (units is None or self._sentence_start(run[0][0]) in units):
            yield from self._split(run)

    def _split(self, run: list[tuple[int, int, Entry]]) -> Iterator[_Phrase]:
        current: _Phrase | None = None
        for start, end, entry in run:
            if current is not None and (current.value not in BASIC_COLORS or current.weak):
                # "navy blue", "mint green", "rose pink": the shade leads into its colour.
                current = _Phrase(current.start, end, entry.color, False)
            else:
                if current is not None:
                    yield self._modified(current)
                current = _Phrase(start, end, entry.color, entry.color_use == "weak")
        if current is not None:
            yield self._modified(current)

    def _modified(self, phrase: _Phrase) -> _Phrase:
        """The phrase with the modifiers next to it: "dark heather gray", "bleu clair"."""
        text, lex = self.text, self.lex
        for _ in range(2):
            m = self._word_before.search(text, max(0, phrase.start - 24), phrase.start)
            entry = lex.entry(m.group(1)) if m is not None else None
            if m is None or entry is None or not entry.modifier:
                break
            phrase.start, phrase.weak = m.start(1), False
        if self.noun_first:
            m = self._next.match(text, phrase.end, min(len(text), phrase.end + 24))
            entry = lex.entry(m.group(1)) if m is not None else None
            adjacent = m is not None and not text[phrase.end : m.start(1)].strip(" -")
            if m is not None and adjacent and entry is not None and entry.modifier:
                phrase.end, phrase.weak = m.end(1), False
        return phrase

    def _color(self, phrase: _Phrase) -> Stated | None:
        text, sets = self.text, self.sets
        if not self.title:
            sentence = self._sentence_start(phrase.start)
            prefix = text[sentence : phrase.start]
            labelled = _has_label_mark(prefix) and self._labelled(prefix, "color")
            if not labelled and not (
                len(prefix.split()) < _MAX_FRAGMENT
                and self._fragment(sentence, phrase.start, "color")
            ):
                return None  # a description's colour counts only in a statement
        around = self._around(phrase.start, phrase.end)
        after, before = around.after, around.before
        if after and after[0] in sets["not-color-head"]:
            return None  # "orange juice", "green tea", "white noise", "brown bear"
        if phrase.weak and before and before[-1] in sets["preposition"]:
            return None  # "Mug à café", "bag of coffee": a noun, not a colour
        if self.title and phrase.weak and not self._vouched_in_title(after):
            return None
        if before and self._names_thing_before(before):
            return None  # "zumo de naranja", "ours brun"
        qualifier = ""
        if self._after_part(after) or (self.noun_first and before and before[-1] in sets["part"]):
            qualifier = "accent"  # "white sole", "red logo", "semelle blanche"
        else:
            clause = text[around.clause : phrase.start]
            if clause and _search(*self._phrase("with", clause)):
                qualifier = "accent"  # "black with white stripes"
            elif around.sentence < phrase.start and _search(
                *self._text_phrase("available"), around.sentence, phrase.start
            ):
                qualifier = "available"  # "also available in red"
            elif clause and self._other(clause):
                qualifier = "other"  # "case for black iPhone"
        return Stated(
            "color", phrase.value, text[phrase.start : phrase.end], self.field,
            phrase.start, phrase.end, qualifier,
        )  # fmt: skip

    def _vouched_in_title(self, after: list[str]) -> bool:
        """A weak colour word counts in a title before a product noun or a material, or last
        in its clause ("Mint Hoodie", "Gold Aluminium Case", "iPhone 15 Gold")."""
        if not after:
            return True
        entry = self.lex.entries.get(after[0])
        return after[0] in self.sets["product"] or bool(entry and entry.material)

    def _other(self, clause: str) -> bool:
        """Whether an "other" word ("for", "matches", "your") governs the end of ``clause``."""
        last = _last_match(*self._phrase("other", clause))
        if last is None:
            return False
        between = self.lex.tokens(clause, last.end())
        return len(between) <= 3 and self.sets["audience"].isdisjoint(between)

    # -- materials ------------------------------------------------------------------------

    def _material(self, start: int, end: int, entry: Entry) -> Stated | None:
        text, sets = self.text, self.sets
        nxt = self._next.match(text, end, min(len(text), end + 40))
        first = ""
        if nxt is not None and not _breaks(text, end, nxt.start(1)):
            first = word_key(nxt.group(1))
        if first and (first in sets["not-material-head"] or first in sets["imitation-after"]):
            return None  # "leather cleaner", "leather-look", "cotton-feel", "gold-plated"
        quote_from = self._material_statement(start, end, entry, first)
        if quote_from < 0:
            return None
        around = self._around(start, end)
        after, before = around.after, around.before
        if before and before[-1] in sets["imitation-before"]:
            return None  # "faux marble", "effet cuir"
        qualifier = ""
        if (after and after[0] in sets["negation-after"]) or _search(
            *self._text_phrase("negation"), max(around.sentence, start - 30), start
        ):
            qualifier = "not"  # "leather-free", "not leather", "sin plomo"
        elif entry.material in self.lex.fillings or self._lining(start, around):
            qualifier = "lining"  # "polyester lining", "fleece-lined", "Filling: polyester"
        elif (
            self._after_part(after)
            or self._part_label(around)
            or (self.noun_first and before and before[-1] in sets["part"])
        ):
            qualifier = "part"  # "rubber sole", "Strap: leather", "semelle en caoutchouc"
        elif (
            self.title
            and around.clause < start
            and _search(*self._text_phrase("with"), around.clause, start)
        ):
            qualifier = "part"  # "Glass Jars with Bamboo Lids", "Table with Glass Top"
        elif around.clause < start and self._other(text[around.clause : start]):
            qualifier = "other"
        return Stated(
            "material", entry.material, text[quote_from:end], self.field,
            quote_from, end, qualifier,
        )  # fmt: skip

    def _material_statement(self, start: int, end: int, entry: Entry, first: str) -> int:
        """Where the statement's quoted text starts, or -1 if the word is not a statement."""
        sets, text = self.sets, self.text
        sentence = self._sentence_start(start)
        prefix = text[sentence:start]
        tail = prefix[-40:]
        if "%" in tail:
            percent = (_ASCII_PERCENT if self._ascii else _PERCENT).search(tail)
            if percent is not None and not self._joins(tail[percent.end(1) :]):
                return start - (len(tail) - percent.start())  # "60% cotton"
        if _has_label_mark(prefix) and self._labelled(prefix, "material"):
            return start  # "Material: cotton"
        if first and first in sets["material-head"]:
            return start  # "nylon shell", "polyester fabric"
        preceding = tail.rsplit(None, 2)[-2:] if tail.endswith(" ") else []
        if (
            len(preceding) == 2
            and preceding[1].lower() in sets["connector"]
            and word_key(preceding[0].strip(",.;:!?()")) in sets["product"]
        ):
            return start  # "camiseta de algodón", "borsa in pelle"
        if self.title:
            if not entry.material_weak or (first and first in sets["product"]):
                return start
            return -1
        if self._made_of(prefix):
            return start  # "made with merino wool"
        if entry.material_weak or len(prefix.split()) >= _MAX_FRAGMENT:
            return -1
        return start if self._fragment(sentence, start, "material") else -1

    def _joins(self, between: str) -> bool:
        """Whether words between a percentage and a material hold another material or an
        "and": in "11% cotton and nylon" the 11 % is the cotton's, not the nylon's."""
        if "," in between or "/" in between:
            return True
        entries = self.lex.entries
        for token in self.lex.tokens(between):
            entry = entries.get(token)
            if token in _CONNECTOR_WORDS or (entry is not None and entry.material):
                return True
        return False

    def _made_of(self, prefix: str) -> bool:
        """Whether ``prefix`` ends in "<the item> made of ..." (within a few words)."""
        tail = prefix[-100:]
        sets = self.sets
        if sets["made-of-first"].isdisjoint(words_of(tail.lower())):
            return False
        last = _last_match(*self._phrase("made-of", tail))
        if last is None or len(tail) - last.end() > 60:
            return False
        subject = self.lex.tokens(prefix, 0, len(prefix) - len(tail) + last.start())
        if not sets["not-item"].isdisjoint(subject):
            return False  # "the sole is made of rubber", "the packaging is made from cardboard"
        return len(subject) <= 2 or any(t in sets["product"] or t in _PRONOUNS for t in subject)

    def _lining(self, start: int, around: _Around) -> bool:
        lining = self.sets["lining"]
        if self._next_noun(around.after) in lining:
            return True  # "fleece lining", "fleece-lined", "Polyester/Lycra inner"
        # "lined with fleece", "Lining: polyester", "Filling 100% polyester"
        low = max(around.sentence, start - 60)
        return not lining.isdisjoint(self.lex.tokens(self.text, low, start)[-3:])

    def _part_label(self, around: _Around) -> bool:
        """Whether the sentence opens with a part's name: "Sole: rubber", "Strap - leather"."""
        if self.title:
            return False
        first_word = _ASCII_FIRST_WORD if self._ascii else _FIRST_WORD
        first = first_word.match(self.text, around.sentence, around.sentence + 30)
        return first is not None and word_key(first.group(1)) in self.sets["part"]

    # -- sizes ----------------------------------------------------------------------------

    def _sizes(self) -> Iterator[Found]:
        if not self.title and not _has_label_mark(self.text):
            return  # a description states a size only after a label: "Size: M"
        for match in find_sizes(self.text, description=not self.title):
            if self.masked and self._is_masked(match.start, match.end):
                continue  # "iPhone XS"
            stated = Stated(
                "size", match.value, match.text, self.field, match.start, match.end,
                match.qualifier,
            )  # fmt: skip
            yield Found(stated, self._sentence_start(match.start))

    # -- context --------------------------------------------------------------------------

    def _around(self, start: int, end: int) -> _Around:
        """The clause around the word at ``start:end`` and up to four words on each side."""
        text = self.text
        sentence = self._sentence_start(start)
        clause = self._clause_start(sentence, start)
        clause_end = self._clause_end(end)
        before = self.lex.tokens(text, max(clause, start - 60), start)[-4:]
        after = self.lex.tokens(text, end, min(clause_end, end + 60))[:4]
        return _Around(sentence, clause, before, after)

    def _next_noun(self, after: list[str]) -> str:
        """The first of ``after`` that is not a colour, material or joining word."""
        entries, heads = self.lex.entries, self.sets["material-head"]
        for token in after:
            if token in _CONNECTOR_WORDS or token in heads:
                continue
            entry = entries.get(token)
            if entry is not None and (entry.color or entry.modifier or entry.material):
                continue
            return token
        return ""

    def _after_part(self, after: list[str]) -> bool:
        """Whether the next noun (past other colour or material words) is a part: "white sole",
        but not "Red Zip Hoodie", where a product noun follows the part."""
        sets, entries = self.sets, self.lex.entries
        for index, token in enumerate(after):
            entry = entries.get(token)
            if token in _CONNECTOR_WORDS or (
                entry is not None and (entry.color or entry.modifier or entry.material)
            ):
                continue
            if token not in sets["part"]:
                return False
            rest = after[index + 1 : index + 2]
            return not (token in sets["modifier-part"] and rest and rest[0] in sets["product"])
        return False

    def _names_thing_before(self, before: list[str]) -> bool:
        """Whether the colour follows the thing it describes: "zumo de naranja", "ours brun"."""
        heads = self.sets["not-color-head"]
        if self.noun_first and before[-1] in heads:
            return True
        return len(before) >= 2 and before[-1] in self.sets["connector"] and before[-2] in heads

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts: past the last sentence mark before it,
        looked for up to :data:`_WINDOW` characters back."""
        if self.title:
            # A title is one sentence; a hostile one of megabytes is read in windows as a
            # description is, or every colour word in it would rescan all the text before it.
            return 0 if pos <= _WINDOW else pos - _WINDOW
        known = self._starts.get(pos)
        if known is not None:
            return known
        text = self.text
        low = max(0, pos - _WINDOW)
        best = low - 1
        for ch in self._sentence_marks():
            at = text.rfind(ch, low, pos)
            while ch == "." and at > 0 and _decimal_point(text, at):
                at = text.rfind(ch, low, at)
            if at > best:
                best = at
        self._starts[pos] = best + 1
        return best + 1

    def _sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends: at the first sentence mark from ``pos`` on,
        looked for up to :data:`_WINDOW` characters ahead."""
        if self.title:
            return min(len(self.text), pos + _WINDOW)
        text = self.text
        high = min(len(text), pos + _WINDOW)
        best = high
        for ch in self._sentence_marks():
            at = text.find(ch, pos, high)
            while ch == "." and at > 0 and _decimal_point(text, at):
                at = text.find(ch, at + 1, high)
            if 0 <= at < best:
                best = at
        return best

    def _sentence_marks(self) -> list[str]:
        """The sentence marks this text has (most have two or three)."""
        if self._ends is None:
            text = self.text
            self._ends = [ch for ch in _SENTENCE_ENDS if ch in text]
        return self._ends

    def _clause_end(self, pos: int) -> int:
        text = self.text
        end = min(self._sentence_end(pos), pos + 80)
        clause_marks, dashes = self._text_marks()
        for ch in clause_marks:
            at = text.find(ch, pos, end)
            if at >= 0:
                end = at
        for dash in dashes:
            at = text.find(dash, pos, end)
            if at >= 0:
                end = at
        return end

    def _clause_start(self, sentence: int, pos: int) -> int:
        text = self.text
        cut = sentence - 1
        clause_marks, dashes = self._text_marks()
        for ch in clause_marks:
            at = text.rfind(ch, sentence, pos)
            if at > cut:
                cut = at
        for dash in dashes:
            at = text.rfind(dash, sentence, pos)
            if at >= 0 and at + 1 > cut:
                cut = at + 1
        return cut + 1

    def _labelled(self, prefix: str, kind: str) -> bool:
        """Whether ``prefix`` (the sentence up to the word) ends in "<kind label>: ..." ."""
        best_kind, best_end = "", -1
        for name in ("color", "material", "size"):
            pattern, subject = self._phrase(f"label-{name}", prefix)
            for m in pattern.finditer(subject):
                if m.end() > best_end:
                    best_kind, best_end = name, m.end()
        return best_kind == kind and len(prefix) - best_end <= 40

    def _fragment(self, sentence_start: int, pos: int, kind: str) -> bool:
        """Whether the word at ``pos`` is in a short phrase that opens its sentence and names the
        item: "Light blue 1/4 zip pullover.", "Navy polyester pinstripe shorts with ...",
        "Camiseta azul marino.", "Polyester/cotton." """
        text, lex = self.text, self.lex
        head_end = self._clause_end(pos)
        if self._clause_start(sentence_start, pos) != sentence_start:
            return False  # not in the sentence's opening clause
        with_word = _search(*self._text_phrase("with"), sentence_start, head_end)
        if with_word is not None:
            if with_word.start() < pos:
                return False  # the word is in the accent part: "... with gray pocket"
            head_end = with_word.start()
        tokens = lex.tokens(text, sentence_start, head_end)
        sets = self.sets
        if tokens and tokens[0] in sets["this"]:
            tokens = tokens[1:]
        if not 1 <= len(tokens) <= _MAX_FRAGMENT or not sets["stopword"].isdisjoint(tokens):
            return False
        if tokens[-1] in sets["product"] or tokens[0] in sets["product"]:
            return True
        entries = lex.entries
        if kind == "material" and tokens[-1] in sets["material-head"]:
            return True  # "Nylon/Lycra outer, ..."
        # A phrase of materials or colours only must be the whole sentence (or end at "with"):
        # "Polyester/cotton.", "Teal with purple stitching.", not "Unlike wool, this ...".
        if with_word is None and head_end < self._sentence_end(pos):
            return False
        if kind == "material":
            last = entries.get(tokens[-1])
            return bool(last and last.material)
        for token in tokens:
            entry = entries.get(token)
            if token not in _CONNECTOR_WORDS and not (
                entry is not None and (entry.color or entry.modifier)
            ):
                return False
        return True  # a phrase of colours only: "Teal with purple stitching."


def sentence_around(text: str, start: int, end: int, limit: int = 60) -> str:
    """The sentence of ``text`` that holds ``start:end``, shortened around it to ``limit``."""
    low = max(0, start - _WINDOW)
    left = low - 1
    for ch in _SENTENCE_ENDS:
        at = text.rfind(ch, low, start)
        while ch == "." and at > 0 and _decimal_point(text, at):
            at = text.rfind(ch, low, at)
        left = max(left, at)
    right = len(text)
    for ch in _SENTENCE_ENDS:
        at = text.find(ch, end)
        while ch == "." and at > 0 and _decimal_point(text, at):
            at = text.find(ch, at + 1)
        if 0 <= at < right:
            right = at + 1 if ch == "." else at
    sentence = text[left + 1 : right].strip()
    if len(sentence) <= limit:
        return sentence
    # Keep the part around the words: "…s made with thin, light, merino wool and aims to…"
    offset = text.find(sentence, left + 1)
    lo = max(0, start - offset - limit // 3)
    if lo:  # start and end at word boundaries
        lo = sentence.find(" ", lo) + 1 or lo
    hi = lo + limit
    if hi < len(sentence):
        hi = max(sentence.rfind(" ", lo, hi), end - offset)
    return ("…" if lo else "") + sentence[lo:hi].strip() + ("…" if hi < len(sentence) else "")


def _search(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    return pattern.search(text, start, len(text) if end is None else end)


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text):  # noqa: B007 - the loop only finds the last one
        pass
    return last


def _breaks(text: str, start: int, end: int) -> bool:
    """Whether a clause or sentence ends between ``start`` and ``end``."""
    gap = text[start:end]
    return bool(gap.strip(" -/&+")) and not _BREAK_CHARS.isdisjoint(gap)


def _has_label_mark(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_LABEL_MARKS` (three substring searches beat a set
    operation over every character)."""
    return ":" in text or "\uff1a" in text or "\u3011" in text


def _decimal_point(text: str, at: int) -> bool:
    return at + 1 < len(text) and text[at - 1].isdigit() and text[at + 1].isdigit()


def is_trademark(text: str) -> bool:
    """Whether an attribute value is a trade name ("LumaTech™", "Cocona® performance fabric")."""
    return bool(_TRADEMARK.search(text))
