"""Compare the extractor's drafts with hand-written content: precision and recall per field.

Text fields are compared after normalising case, punctuation and spacing; names by surname;
titles and decisions by word overlap, because a draft keeps the paper's wording while the
hand-written content may tidy it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from digest.extract import Extraction
from digest.extract.identity import body_id

_STOP = {"the", "of", "and", "a", "an", "at", "in", "to", "for", "on", "&"}


@dataclass
class Tally:
    """Counts for one field: values extracted, values expected, and values both agree on."""

    extracted: int = 0
    expected: int = 0
    correct_extracted: int = 0
    correct_expected: int = 0

    def add(self, extracted: int, expected: int, correct: int) -> None:
        """Add counts where one match serves both precision and recall."""
        self.extracted += extracted
        self.expected += expected
        self.correct_extracted += correct
        self.correct_expected += correct

    @property
    def precision(self) -> float | None:
        """Return the share of extracted values that are right."""
        return self.correct_extracted / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        """Return the share of expected values that were found."""
        return self.correct_expected / self.expected if self.expected else None


@dataclass
class Score:
    """Tallies per field, in a stable order."""

    fields: dict[str, Tally] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        """Return the tally for a field, creating it."""
        return self.fields.setdefault(name, Tally())


def words(text: str) -> set[str]:
    """Return the meaningful lowercase words of a text."""
    text = text.lower().replace("'", "").replace("’", "")
    return {w for w in re.findall(r"[a-z0-9]+", text) if w not in _STOP}


def overlap(first: str, second: str) -> float:
    """Return how much the smaller text's words appear in the other (0 to 1)."""
    a, b = words(first), words(second)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def similar(first: str, second: str) -> float:
    """Return the character similarity of two normalised texts (0 to 1)."""
    return difflib.SequenceMatcher(None, " ".join(sorted(words(first))),
                                   " ".join(sorted(words(second)))).ratio()


def surname(name: str) -> str:
    """Return a person's surname: 'Councillor A. Hicken (Chair)' gives 'hicken'."""
    name = re.sub(r"\([^)]*\)|\s-\s.*$", "", name)
    parts = [p for p in re.findall(r"[a-z'-]+", name.lower())
             if p not in {"councillor", "cllr", "chief", "superintendent"} and len(p) > 1]
    return parts[-1] if parts else ""


def score_documents(extraction: Extraction, expected: list[dict[str, Any]], score: Score) -> None:
    """Score the split: a document counts when its kind matches and it starts within 3 lines."""
    found = [(segment.kind, segment.start) for segment in extraction.segments]
    correct = sum(1 for kind, start in found
                  if any(kind == e["kind"] and abs(start - e["start"]) <= 3 for e in expected))
    score.tally("documents (kind and start)").add(len(found), len(expected), correct)


def score_meetings(drafts: list[dict[str, Any]], gold: list[dict[str, Any]], score: Score) -> None:
    """Score meetings, matched by date, field by field."""
    by_date = {str(d.get("date")): d for d in drafts}
    score.tally("meetings found").add(len(drafts), len(gold),
                                      sum(1 for g in gold if str(g["date"]) in by_date))
    for meeting in gold:
        draft = by_date.get(str(meeting["date"]), {})
        _exact(score, "meeting.date", draft.get("date"), meeting["date"])
        _exact(score, "meeting.time", draft.get("time"), meeting.get("time"))
        _exact(score, "meeting.paper", draft.get("paper"), meeting.get("paper"))
        _exact(score, "meeting.body", draft.get("body"), meeting.get("body"))
        _fuzzy(score, "meeting.venue", draft.get("venue"), meeting.get("venue"), 0.6)
        people, expected = draft.get("attendance", {}), meeting.get("attendance", {})
        _names(score, "attendance.chair", [people["chair"]] if people.get("chair") else [],
               [expected["chair"]] if expected.get("chair") else [])
        for key in ("present", "apologies"):
            _names(score, f"attendance.{key}", people.get(key, []), expected.get(key, []))
        _names(score, "attendance.officers and partners",
               [p["name"] for p in people.get("officers", []) + people.get("partners", [])],
               [p["name"] for p in expected.get("officers", []) + expected.get("partners", [])])
        _items(score, draft.get("items", []), meeting.get("items", []))


def score_reviews(drafts: list[dict[str, Any]], gold: list[dict[str, Any]], score: Score) -> None:
    """Score annual reports: matched by title, then title, publisher, period and numbers."""
    candidates = [d for d in drafts if d.get("kind") == "annual_report"]
    for review in gold:
        best = max(candidates, key=lambda d: overlap(d["title"], review["title"]), default=None)
        if best is not None and overlap(best["title"], review["title"]) < 0.5:
            best = None
        found_tally = score.tally("reviews found")
        found_tally.expected += 1
        found_tally.correct_expected += int(best is not None)
        draft = best or {}
        _fuzzy(score, "review.title", draft.get("title"), review["title"], 0.8)
        _fuzzy(score, "review.publisher", draft.get("publisher"), review.get("publisher"), 0.9)
        _exact(score, "review.period", _period(draft), _period(review))
        values = {_number(v) for s in draft.get("statistics", []) for v in
                  [s["value"], *(s.get("breakdown") or {}).values()]}
        wanted = [_number(s["value"]) for s in review.get("statistics", [])]
        tally = score.tally("review.statistics (recall only)")
        tally.expected += len(wanted)
        tally.correct_expected += sum(1 for value in wanted if value in values)
    score.tally("reviews found").extracted += len(candidates)
    score.tally("reviews found").correct_extracted += sum(
        1 for d in candidates if any(overlap(d["title"], g["title"]) >= 0.5 for g in gold)
    )


def _items(score: Score, drafts: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    def key(item: dict[str, Any]) -> str:
        return re.sub(r"[^0-9/]", "", str(item.get("number") or "")) or item["title"].lower()

    by_key = {key(item): item for item in drafts}
    matched = [(by_key.get(key(item)), item) for item in gold]
    correct = [(d, g) for d, g in matched if d and overlap(d["title"], g["title"]) >= 0.8]
    score.tally("items (number and title)").add(len(drafts), len(gold), len(correct))
    all_found = [x for d in drafts for x in d.get("decisions", [])]
    expected = [x for g in gold for x in g.get("decisions", [])]
    pairs = _pair(all_found, expected)
    score.tally("decisions (text)").add(len(all_found), len(expected), len(pairs))
    kinds = sum(1 for found, wanted in pairs if found["kind"] == wanted["kind"])
    score.tally("decisions (text and kind)").add(len(all_found), len(expected), kinds)


def _pair(found: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    pairs, used = [], set()
    for wanted in expected:
        best = max(((i, similar(f["text"], wanted["text"])) for i, f in enumerate(found)
                    if i not in used), key=lambda p: p[1], default=None)
        if best and best[1] >= 0.85:
            used.add(best[0])
            pairs.append((found[best[0]], wanted))
    return pairs


def _exact(score: Score, name: str, found: Any, wanted: Any) -> None:
    if name == "meeting.body" and found:
        found = body_id(str(found)) if " " in str(found) else found
    score.tally(name).add(int(found is not None), int(wanted is not None),
                          int(found is not None and str(found) == str(wanted)))


def _fuzzy(score: Score, name: str, found: Any, wanted: Any, threshold: float) -> None:
    good = bool(found and wanted and overlap(str(found), str(wanted)) >= threshold)
    score.tally(name).add(int(bool(found)), int(bool(wanted)), int(good))


def _names(score: Score, name: str, found: Iterable[str], wanted: Iterable[str]) -> None:
    found_set = {surname(n) for n in found} - {""}
    wanted_set = {surname(n) for n in wanted} - {""}
    score.tally(name).add(len(found_set), len(wanted_set), len(found_set & wanted_set))


def _period(record: dict[str, Any]) -> str | None:
    period = record.get("period")
    return f"{period['start']}..{period['end']}" if period else None


def _number(value: Any) -> float:
    return round(float(value), 2)
