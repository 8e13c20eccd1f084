"""Catalog + blocks -> one result per requirement (present, partial, missing, violation, n/a).

The rules are data (`detect:` and `concepts:` in the catalog); this module only knows how to
match them. Each concept is searched once over the whole document; a unit "has" a concept when a
match falls inside it (or, for context concepts, inside its lead-in or heading).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Sequence

from contractgen import catalog as catalog_mod
from contractgen.catalog import AllOf, Catalog, Entry, Requirement, ScopedPattern
from contractgen.lint import units as units_mod
from contractgen.lint.units import Document, Unit

Status = Literal["present", "partial", "missing", "violation", "not_applicable"]
PROBLEMS = ("missing", "partial", "violation")
_GAP = r"(?:[^\w\n\u00b6]+\w+){0,6}?[^\w\n\u00b6]+"
_NEGATION_WINDOW = 20
LOCAL_SEARCHES = 32  # after this many units ask about a concept, search the whole document once


@dataclass(frozen=True)
class Evidence:
    part: str
    paragraph: int
    heading: str
    text: str
    label: str | None = None


@dataclass
class Result:
    rule: str
    status: Status
    severity: str
    citation: str
    message: str
    title: str
    evidence: list[Evidence] = field(default_factory=list)
    caution: str | None = None
    anchor: Evidence | None = None  # for a missing item: the section where it belongs
    matched: list[tuple[int, str]] = field(default_factory=list)  # violation: (block index, offending words)
    block_indexes: list[int] = field(default_factory=list)  # blocks behind the evidence, in order
    highlights: list[str] = field(default_factory=list)  # the words in the evidence that decided the status

    @property
    def is_problem(self) -> bool:
        return self.status in PROBLEMS


# --- compiled concepts ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CompiledConcept:
    regex: re.Pattern[str]            # every alternative; tried anchored at candidate word starts
    stems: tuple[str, ...]            # a match must start at a word beginning with one of these
    fallback: re.Pattern[str] | None  # alternatives with no leading word, searched everywhere
    context: bool


_LEADING_SMALL_WORD = re.compile(r"^(?:\\b)?(the|in|for|to|as|of|at|with|on|by|an?|its)(?: |\\ )(?=[a-z])")


def _expand(pattern: str, cat: Catalog) -> list[str]:
    """A concept pattern as regexes: `@ID.field` names a phrase list, `~` a short gap."""
    if pattern.startswith("@"):
        rid, _, name = pattern[1:].partition(".")
        phrases = getattr(cat.get(rid), name)
        return [_behind_small_word(r"\b" + re.escape(p.lower()) + r"\b") for p in phrases]
    return [_behind_small_word(_GAP.join(piece for piece in pattern.split("~")))]


def _behind_small_word(regex: str) -> str:
    """`the law` as `(?<=\bthe )law`: same matches, but indexed by the rarer word after it."""
    words: list[str] = []
    rest = regex
    while (m := _LEADING_SMALL_WORD.match(rest)) is not None:
        words.append(m.group(1))
        rest = rest[m.end():]
    return rf"(?<=\b{' '.join(words)} )" + rest if words else regex


_SKIP = re.compile(r"^(?:\\b|\^|\(\?<!(?:[^()\\]|\\.)*\)|\(\?<=(?:[^()\\]|\\.)*\))+")


def leading_stems(alternative: str) -> list[str] | None:
    """The words a match of this regex must start with (as prefixes), or None when unknown.

    This is what makes matching fast: instead of trying every alternative at every position of
    the document, each concept is tried only where a word with one of its stems begins.
    """
    s = _SKIP.sub("", alternative)
    if not s:
        return None
    if s.startswith("\\d"):
        return list("0123456789")
    if s[0].isalnum():
        run = re.match(r"[a-z0-9]+", s)
        if run is None:
            return None
        stem, rest = run.group(), s[run.end():]
        if rest[:1] in ("?", "*") or rest.startswith("{0"):
            stem = stem[:-1]
        return [stem] if stem else None
    if s.startswith("("):
        close = _matching_paren(s)
        if close is None or s[close + 1:close + 2] in ("?", "*") or s[close + 1:].startswith("{0"):
            return None
        inner = s[1:close]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return None
        stems: list[str] = []
        for option in _top_level_split(inner):
            found = leading_stems(option) if option else None
            if found is None:
                return None
            stems.extend(found)
        return stems
    return None


def _scan(s: str):
    """(index, char, depth) for each character outside escapes and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            yield i, ch, depth
        i += 1


def _matching_paren(s: str) -> int | None:
    return next((i for i, ch, depth in _scan(s) if ch == ")" and depth == 0), None)


def _top_level_split(s: str) -> list[str]:
    cuts = [i for i, ch, depth in _scan(s) if ch == "|" and depth == 0]
    bounds = [-1] + cuts + [len(s)]
    return [s[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def _wrap(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")", re.M)


_COMPILED: dict[int, tuple[Catalog, dict[str, CompiledConcept]]] = {}


def compiled(cat: Catalog) -> dict[str, CompiledConcept]:
    """The catalog's concepts as regexes with their stems, compiled once per catalog object."""
    cached = _COMPILED.get(id(cat))
    if cached is not None and cached[0] is cat:
        return cached[1]
    result = {}
    for name, concept in cat.concepts.items():
        alternatives = [alt for p in concept.patterns for alt in _expand(p, cat)]
        stems: list[str] = []
        unindexed: list[str] = []
        for alt in alternatives:
            found = leading_stems(alt)
            if found is None:
                unindexed.append(alt)
            else:
                stems.extend(found)
        result[name] = CompiledConcept(_wrap(alternatives), tuple(sorted(set(stems))),
                                       _wrap(unindexed) if unindexed else None, concept.context)
    _COMPILED[id(cat)] = (cat, result)
    return result


def _confined(regex: re.Pattern[str], text: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """An anchored `match` if it stays inside one sentence, else retried inside its sentence."""
    if match is None:
        return None
    brk = text.find("\n", match.start(), match.end())
    return match if brk == -1 else regex.match(text, match.start(), brk)


def _matches_within_sentences(regex: re.Pattern[str], text: str):
    """Every match that stays inside one sentence. A match that runs across a sentence break
    is retried inside its first sentence, so it can neither count nor hide the next sentence's."""
    pos, end = 0, len(text)
    while pos <= end:
        match = regex.search(text, pos)
        if match is None:
            return
        brk = text.find("\n", match.start(), match.end())
        if brk != -1:
            match = regex.search(text, match.start(), brk)
            if match is None:
                pos = brk + 1
                continue
        yield match
        pos = match.end() if match.end() > match.start() else match.start() + 1


class WordIndex:
    """Where each word of the document starts, for finding candidate match positions."""

    def __init__(self, text: str) -> None:
        self.positions: dict[str, list[int]] = {}
        for m in re.finditer(r"[a-z0-9]+", text):
            self.positions.setdefault(m.group(), []).append(m.start())
        self.vocabulary = sorted(self.positions)

    def words(self, stem: str) -> list[str]:
        """The document's words that begin with `stem`."""
        k = bisect.bisect_left(self.vocabulary, stem)
        return self.vocabulary[k:bisect.bisect_left(self.vocabulary, stem + "\uffff", k)]

    def starts(self, stems: tuple[str, ...]) -> list[int]:
        return sorted({p for stem in stems for word in self.words(stem) for p in self.positions[word]})

    def starts_between(self, stems: tuple[str, ...], start: int, end: int) -> list[int]:
        """Word starts with one of the stems inside [start, end), in order."""
        found = []
        for stem in stems:
            for word in self.words(stem):
                positions = self.positions[word]
                k = bisect.bisect_left(positions, start)
                while k < len(positions) and positions[k] < end:
                    found.append(positions[k])
                    k += 1
        return sorted(found)


class Matcher:
    """Concept occurrences in one document, searched lazily, once per concept."""

    def __init__(self, doc: Document, concepts: dict[str, CompiledConcept]) -> None:
        self.doc = doc
        self.concepts = concepts
        self.words = WordIndex(doc.text)
        self._starts: dict[str, list[int]] = {}
        self._matches: dict[str, list[re.Match[str]]] = {}
        self._asked: dict[str, int] = {}

    def _find(self, name: str) -> tuple[list[int], list[re.Match[str]]]:
        if name not in self._starts:
            concept, text = self.concepts[name], self.doc.text
            found = [m for p in self.words.starts(concept.stems)
                     if (m := _confined(concept.regex, text, concept.regex.match(text, p))) is not None]
            if concept.fallback is not None:
                found += _matches_within_sentences(concept.fallback, text)
                found.sort(key=lambda m: m.start())
            self._matches[name] = found
            self._starts[name] = [m.start() for m in found]
        return self._starts[name], self._matches[name]

    def first_in(self, name: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
        if name not in self._starts:
            # a concept asked about in a few units only is searched there, not in the whole document
            self._asked[name] = self._asked.get(name, 0) + 1
            if self._asked[name] <= LOCAL_SEARCHES:
                return self._first_local(name, spans)
        starts, matches = self._find(name)
        for start, end in spans:
            k = bisect.bisect_left(starts, start)
            while k < len(starts) and starts[k] < end:
                if matches[k].end() <= end:
                    return matches[k]
                k += 1
        return None

    def _first_local(self, name: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
        concept, text = self.concepts[name], self.doc.text
        for start, end in spans:
            for position in self.words.starts_between(concept.stems, start, end):
                match = _confined(concept.regex, text, concept.regex.match(text, position))
                if match is not None and match.end() <= end:
                    return match
            if concept.fallback is not None:
                match = concept.fallback.search(text, start, end)
                if match is not None:
                    return match
        return None

    def has(self, name: str, unit: Unit) -> bool:
        if self.first_in(name, unit.spans) is not None:
            return True
        return self.concepts[name].context and self.first_in(name, unit.context) is not None

    def negated(self, match: re.Match[str]) -> bool:
        """A negation in the same clause shortly before the match ("shall not enforce ...")."""
        before = self.doc.text[max(0, match.start() - 200):match.start()]
        clause = re.split(r"[;:\n\u00b6]|\bbut\b|\bhowever\b|\bexcept\b", before)[-1]
        words = clause.split()[-_NEGATION_WINDOW:]
        window = " ".join(words)
        return self.concepts["negation"].regex.search(window) is not None


# --- evaluation ----------------------------------------------------------------------------------

def evaluate(blocks: Sequence[Any], cat: Catalog | None = None) -> list[Result]:
    """One result for every catalog requirement, in catalog order."""
    cat = cat or catalog_mod.bundled()
    doc = units_mod.build(blocks)
    matcher = Matcher(doc, compiled(cat))
    statuses: dict[str, Result] = {}
    pending = [r for r in cat.requirements if r.detect is not None and r.detect.implied_by is not None]
    for req in cat.requirements:
        if req not in pending:
            statuses[req.id] = _evaluate(req, doc, matcher, statuses)
    for req in pending:
        statuses[req.id] = _evaluate(req, doc, matcher, statuses)
    for req in cat.requirements:
        result = statuses[req.id]
        near = statuses.get(req.detect.near) if req.detect and req.detect.near else None
        if not result.evidence and near is not None and near.evidence:
            ev = near.evidence[0]
            result.anchor = Evidence(ev.part, ev.paragraph, ev.heading, "", ev.label)
    return [statuses[r.id] for r in cat.requirements]


def _candidates(req: Requirement, doc: Document, matcher: Matcher, scope: str) -> list[Unit]:
    d = req.detect
    units = doc.units[scope]
    if d.where == "operative":
        units = [u for u in units if u.operative]
    if d.unless:
        units = [u for u in units if not any(matcher.has(c, u) for c in d.unless)]
    return units


def _pattern_units(pattern: list[str], units: list[Unit], matcher: Matcher, check_negation: bool = False,
                   exclude: list[str] = ()) -> list[Unit]:
    """Units where every concept of `pattern` occurs (and no `!concept`)."""
    found = []
    for unit in units:
        ok = True
        for name in pattern:
            wanted = not name.startswith("!")
            if matcher.has(name.lstrip("!"), unit) != wanted:
                ok = False
                break
        if not ok:
            continue
        if exclude and any(matcher.has(c, unit) for c in exclude):
            continue
        if check_negation:
            last = next((n for n in reversed(pattern) if not n.startswith("!")), None)
            match = matcher.first_in(last, unit.spans) if last else None
            if match is not None and _all_negated(matcher, last, unit):
                continue
        found.append(unit)
    return found


def _all_negated(matcher: Matcher, name: str, unit: Unit) -> bool:
    starts, matches = matcher._find(name)
    seen = False
    for start, end in unit.spans:
        k = bisect.bisect_left(starts, start)
        while k < len(starts) and starts[k] < end:
            seen = True
            if not matcher.negated(matches[k]):
                return False
            k += 1
    return seen


def _entry_units(entry: Entry, req: Requirement, doc: Document, matcher: Matcher, violation: bool = False) -> list[Unit]:
    """The units that show `entry` matched; empty when it does not match."""
    d = req.detect
    exclude = d.violation_unless if violation else []
    if isinstance(entry, AllOf):
        units = _candidates(req, doc, matcher, d.scope)
        shown: list[Unit] = []
        for pattern in entry.all:
            hit = _pattern_units(pattern, units, matcher, violation, exclude)
            if not hit:
                return []
            shown.append(hit[0])
        return shown
    if isinstance(entry, ScopedPattern):
        return _pattern_units(entry.match, _candidates(req, doc, matcher, entry.scope), matcher, violation, exclude)
    return _pattern_units(entry, _candidates(req, doc, matcher, d.scope), matcher, violation, exclude)


def _first(entries: list[Entry], req: Requirement, doc: Document, matcher: Matcher, violation: bool = False) -> list[Unit]:
    for entry in entries:
        hit = _entry_units(entry, req, doc, matcher, violation)
        if hit:
            return hit
    return []


def _evaluate(req: Requirement, doc: Document, matcher: Matcher, done: dict[str, Result]) -> Result:
    d = req.detect
    if d is None:
        return _result(req, "not_applicable", [], doc, "not checked automatically")
    if hit := _first(d.violation, req, doc, matcher, violation=True):
        result = _result(req, "violation", hit, doc)
        result.matched = _offending(d.violation, hit, matcher, doc)
        result.highlights = [words for _, words in result.matched]
        return result
    if hit := _first(d.present, req, doc, matcher):
        if weak := _first(d.downgrade, req, doc, matcher):
            result = _result(req, "partial", weak + hit, doc)
            result.matched = _offending(d.downgrade, weak, matcher, doc)
            return result
        result = _result(req, "present", hit, doc)
        result.highlights = _highlights(d.present, hit, matcher)
        return result
    if d.implied_by:
        present = [done[i] for i in d.implied_by.ids if i in done and done[i].status == "present"]
        if len(present) >= d.implied_by.min:
            evidence_units: list[Unit] = []
            return _result(req, "present", evidence_units, doc, evidence=[e for r in present[:2] for e in r.evidence[:1]])
    if hit := _first(d.partial, req, doc, matcher):
        result = _result(req, "partial", hit, doc)
        result.highlights = _highlights(d.partial, hit, matcher)
        if d.downgrade and (weak := _first(d.downgrade, req, doc, matcher)):
            result.matched = _offending(d.downgrade, weak, matcher, doc)  # vague words a redline strikes
        return result
    return _result(req, d.if_silent, [], doc)


def _offending(entries: list[Entry], hit: list[Unit], matcher: Matcher, doc: Document) -> list[tuple[int, str]]:
    """The words that make each violating unit a violation (the last concept of the pattern)."""
    found = []
    for unit in hit:
        for entry in entries:
            for pattern in catalog_mod.entry_patterns(entry):
                last = next((n for n in reversed(pattern) if not n.startswith("!")), None)
                match = matcher.first_in(last, unit.spans) if last else None
                if match is not None and not matcher.negated(match):
                    block = bisect.bisect_right([s for s, _ in doc.block_spans], match.start()) - 1
                    found.append((block, match.group(0)))
                    break
            else:
                continue
            break
    return found


def _highlights(entries: list[Entry], hit: list[Unit], matcher: Matcher) -> list[str]:
    """The matched words of every concept the entries name, inside the evidence units."""
    names = {n for e in entries for p in catalog_mod.entry_patterns(e) for n in p if not n.startswith("!")}
    found = []
    for unit in hit[:3]:
        for name in sorted(names):
            match = matcher.first_in(name, unit.spans)
            if match is not None and match.group(0).strip():
                found.append(match.group(0))
    return list(dict.fromkeys(found))


def _severity(req: Requirement, status: Status) -> str:
    if status == "missing" and req.missing_severity:
        return req.missing_severity
    return req.severity


def _message(req: Requirement, status: Status, evidence: list[Evidence]) -> str:
    quote = f"\u201c{_excerpt(evidence[0].text)}\u201d" if evidence else ""
    if status == "present":
        return f"present: {req.title}"
    if status == "not_applicable":
        return f"not applicable: the contract says nothing this rule checks ({req.title})"
    if status == "missing":
        return f"missing: {req.summary}"
    if status == "partial":
        return f"partial: {quote} does not fully satisfy it: {req.summary}"
    return f"violation: {quote} conflicts with the requirement: {req.summary}"


def _excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _result(req: Requirement, status: Status, hit: list[Unit], doc: Document, message: str | None = None,
            evidence: list[Evidence] | None = None) -> Result:
    if evidence is None:
        evidence = []
        for unit in hit[:3]:
            block_index = unit.blocks[0]
            block = doc.blocks[block_index]
            evidence.append(Evidence(block.part, block.index, doc.headings[block_index], unit.display,
                                     getattr(block, "label", None)))
    text = message or _message(req, status, evidence)
    if req.unconfirmed and status in PROBLEMS:
        text += " (caution: the catalog marks part of this law unconfirmed)"
    result = Result(req.id, status, _severity(req, status), req.citation, text, req.title, evidence, req.caution)
    result.block_indexes = [i for unit in hit[:3] for i in unit.blocks]
    return result
