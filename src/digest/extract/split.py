"""Split a paper into the documents it holds: agenda, minutes, reports, trackers, plans.

An agenda pack is several documents in one file. Each rule below looks at one block (with its
neighbours) and may say "a document of this kind starts here". Rules are tried in order; the
first that answers wins. A document runs until the next one starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from digest.extract.source import Block, Paper

BODY_WORDS = re.compile(
    r"\b(committee|board|panel|cabinet|council|forum|partnership|sub-committee)\b", re.I
)
# '65', '5/24', '4.0', 'Item 5', 'CYP 67/08', 'CSSC/23/41': the numbers councils give items.
ITEM_NUMBER = re.compile(r"^(?:item\s+|agenda item\s+(?:no\.?\s*)?)?(?:[A-Z]{2,6}[\s/])?\d{1,3}"
                         r"(?:[./]\d{1,3}){0,2}[.:]?(?=\s|$)", re.I)
_CASE_REVIEW = re.compile(r"\b(serious case review|(?:child )?safeguarding practice review|"
                          r"learning review)\b", re.I)
_INSPECTION = re.compile(r"\b(inspection of|joint targeted area inspection|focused visit|"
                         r"monitoring visit)\b", re.I)


@dataclass(frozen=True)
class Segment:
    """One document inside a paper: its kind, a title, and its first and last lines."""

    kind: str
    title: str
    start: int
    end: int
    blocks: tuple[Block, ...]
    rule: str


@dataclass(frozen=True)
class Start:
    """A rule's finding: a document of ``kind`` starts at block ``index``."""

    kind: str
    index: int
    title: str
    rule: str


Rule = Callable[[Paper, int], Start | None]


def is_title_like(block: Block, max_words: int = 14) -> bool:
    """Return True for a short line that reads like a title rather than a sentence.

    Bullets, links (a list of background papers) and lines ending in punctuation are not titles.
    """
    text = block.text
    if block.kind in {"item", "row"} or block.raw.lstrip().startswith("["):
        return False
    return (block.kind == "heading" or 0 < block.words() <= max_words) and not text.endswith(
        (".", ",", ";", ":")
    ) and not ITEM_NUMBER.match(text)


def _text(paper: Paper, index: int) -> str:
    return paper.blocks[index].text if 0 <= index < len(paper.blocks) else ""


def minutes_heading(paper: Paper, index: int) -> Start | None:
    """'Minutes of the Children's Services Scrutiny Board' as a heading or short line."""
    block = paper.blocks[index]
    match = re.match(r"^minutes of (?:the )?(?:meeting of (?:the )?)?(.+)$", block.text, re.I)
    if match and is_title_like(block, 16) and BODY_WORDS.search(match.group(1)):
        return Start("minutes", index, match.group(1).strip(), "minutes-heading")
    return None


def minutes_by_attendance(paper: Paper, index: int) -> Start | None:
    """A body's name, then within a few blocks a date and a 'Present' list: minutes."""
    block = paper.blocks[index]
    if not (is_title_like(block, 16) and BODY_WORDS.search(block.lines[0].text)):
        return None
    from digest.extract.dates import first_date  # small module; kept local to avoid a cycle

    following = [_text(paper, i) for i in range(index, index + 6)]
    has_date = any(first_date(text) for text in following[:4])
    has_present = any(re.match(r"^(committee )?(members )?present\b", text, re.I)
                      or re.match(r"^present\s*:", text, re.I) for text in following)
    if has_date and has_present:
        return Start("minutes", index, block.lines[0].text, "minutes-attendance")
    return None


def agenda_heading(paper: Paper, index: int) -> Start | None:
    """'Agenda' on its own, or 'Meeting to be held on', near a body's name."""
    block = paper.blocks[index]
    if re.fullmatch(r"agenda", block.text, re.I) or re.match(r"^meeting to be held on\b",
                                                             block.text, re.I):
        start = index
        if index > 0 and BODY_WORDS.search(_text(paper, index - 1)) and is_title_like(
            paper.blocks[index - 1]
        ):
            start = index - 1
        return Start("agenda", start, "Agenda", "agenda-heading")
    return None


def report_cover(paper: Paper, index: int) -> Start | None:
    """An officer report's cover: 'Report to ...', 'Agenda Item No. 6', 'Subject:', 'Ward(s)'."""
    block = paper.blocks[index]
    text = block.text
    if re.match(r"^report (?:to|of)\b", text, re.I) and is_title_like(block, 16):
        title = _field_after(paper, index, "subject") or text
        # A cover report is a report, whatever it covers: the annual report or the tracking
        # table it introduces follows it as a document of its own.
        return Start("report", index, title, "report-to")
    if re.match(r"^agenda item (?:no\.?\s*)?\d+$", text, re.I):
        start = index - 1 if index > 0 and BODY_WORDS.search(_text(paper, index - 1)) else index
        title = _text(paper, index + 1)
        return Start(_report_kind(title), start, title, "agenda-item-cover")
    if re.match(r"^ward\(?s\)?\b", text, re.I):
        start, title = index, ""
        for back in (1, 2):
            if index - back >= 0 and is_title_like(paper.blocks[index - back]):
                start, title = index - back, _text(paper, index - back)
                break
        if start > 0 and re.fullmatch(r"\d{1,3}\.?", _text(paper, start - 1)):
            start -= 1
        return Start(_report_kind(title), start, title, "ward-cover")
    return None


def annual_report_title(paper: Paper, index: int) -> Start | None:
    """A title naming an annual report: 'Walsall Safeguarding Children Board Annual Report'."""
    block = paper.blocks[index]
    if "annual report" not in block.text.lower() or not is_title_like(block, 16):
        return None
    if "\t" in block.text or re.match(r"^[A-Z][\w ]{1,30}:\s", block.text):
        return None  # a table's cell or a 'Label: text' line that mentions the report
    if any(body_and_date_cover(paper, back) for back in (index - 1, index - 2) if back >= 0):
        return None  # the title of a cover report on the annual report, not the report
    if re.match(r"^(?:key points|summary|highlights|an extract)\s+(?:from|of)\b", block.text,
                re.I):
        return None  # a heading inside a cover report that talks about the annual report
    if re.match(r"^appendi(?:x|ces)\b", block.text, re.I) and any(
            _COVER_END.match(_text(paper, i)) for i in range(index + 1, index + 6)):
        return None  # the cover report listing what it attaches, above its contact details
    start, parts = index, [block.text]
    if index > 0 and is_title_like(paper.blocks[index - 1], 10) and not re.search(
        r"\bannual report\b", _text(paper, index - 1), re.I
    ):
        start, parts = index - 1, [_text(paper, index - 1), block.text]
    following = _text(paper, index + 1)
    if re.search(r"\b(19|20)\d\d\b", following) and is_title_like(paper.blocks[index + 1], 8):
        parts.append(following)
    if start > 0 and re.fullmatch(r"\d{1,3}\.?", _text(paper, start - 1)):
        start -= 1
    return Start("annual_report", start, " ".join(parts), "annual-report-title")


def tracker_table(paper: Paper, index: int) -> Start | None:
    """A recommendations tracker: a table whose header has 'Recommendation' and 'Status'."""
    block = paper.blocks[index]
    text = block.text.lower()
    if "recommendation" in text and ("status" in text or "officer" in text) and (
        block.kind == "row" or len(block.lines[0].cells) >= 3
    ):
        return Start("tracker", index, "Recommendation tracker", "tracker-table")
    return None


def _titled(kind: str, phrase: str) -> Rule:
    """Make a rule for a document whose title starts with ``phrase``, perhaps after a body's
    name ('Children's Scrutiny Committee Work Programme 2022/23'); a sentence does not count."""
    pattern = re.compile(rf"^(?:.*\b(?:committee|board|council)\s+)?{phrase}\b", re.I)

    def rule(paper: Paper, index: int) -> Start | None:
        block = paper.blocks[index]
        if pattern.match(block.text) and is_title_like(block, 16):
            return Start(kind, index, block.text, f"{kind.replace('_', '-')}-title")
        return None

    rule.__doc__ = f"'{phrase.title()}' as a title."
    return rule


work_programme_title = _titled("work_programme", "work programme")
forward_plan_title = _titled("forward_plan", "forward plan")


_DATE_WORDS = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|"
                         r"JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+(?:19|20)\d\d\b",
                         re.I)


def body_and_date_cover(paper: Paper, index: int) -> Start | None:
    """A cover report headed by the body and the meeting date in capitals, then its title:
    'CHILDREN AND FAMILIES OVERVIEW AND SCRUTINY PANEL 7 JULY 2023' / 'WORK PROGRAMME'."""
    block = paper.blocks[index]
    text = block.text
    if not (text.isupper() and BODY_WORDS.search(text) and is_title_like(block, 18)):
        return None
    after = index + 1
    if not _DATE_WORDS.search(text):
        if not _DATE_WORDS.fullmatch(_text(paper, after).strip()):
            return None
        after += 1  # the date on a line of its own
    for following in (after, after + 1):
        if following < len(paper.blocks):
            candidate = paper.blocks[following]
            if candidate.text.isupper() and is_title_like(candidate, 18):
                title = readable_title(candidate.text)
                # The cover carries a report to the committee; an annual report it introduces
                # follows as a document of its own.
                kind = "work_programme" if "work programme" in title.lower() else "report"
                return Start(kind, index, title, "body-date-cover")
    return None


_PLAN_TITLE = re.compile(r"\b(?:business plan|performance dashboard|improvement plan)\b", re.I)


def plan_title(paper: Paper, index: int) -> Start | None:
    """A business plan or dashboard titled in capitals: 'WORCESTERSHIRE CHILDREN FIRST BUSINESS
    PLAN', with the period on the next line if it gives one."""
    block = paper.blocks[index]
    if not (block.text.isupper() and _PLAN_TITLE.search(block.text)
            and is_title_like(block, 14)):
        return None
    title = readable_title(block.text)
    following = _text(paper, index + 1)
    if re.search(r"\b(19|20)\d\d\b", following) and len(following.split()) <= 8:
        title += " " + following
    return Start("report", index, title, "plan-title")


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
                "with", "from"}


def readable_title(text: str) -> str:
    """Return a title printed in capitals as a reader writes it: 'Work Programme'."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(word if i and word in _SMALL_WORDS else word[:1].upper() + word[1:]
                    for i, word in enumerate(words))


_COVER_END = re.compile(r"^(?:\d+\.?\s*)?(?:contact (?:points?|officers?|details)|"
                        r"background papers?)\b", re.I)
_APPENDICES = re.compile(r"^(?:\d+\.?\s*)?appendi(?:x|ces)$", re.I)
_BACKGROUND = re.compile(r"^(?:\d+\.?\s*)?background papers?$", re.I)


def appendix_after_cover(paper: Paper, index: int) -> Start | None:
    """The appendix a cover report lists, starting after the cover's 'Background Papers'.

    Council cover reports end with '6 Appendices: <title>' and '7 Background Papers: None';
    the appendix (an annual report, a tracking table) follows with no title of its own.
    """
    before = [_text(paper, i) for i in range(max(0, index - 3), index)]
    closing = next((i for i, text in enumerate(before) if _BACKGROUND.match(text)), None)
    if closing is None or not paper.blocks[index].text.strip():
        return None
    if any(len(text.split()) > 12 for text in before[closing + 1:]):
        return None  # the background papers are listed at length: not the cover's end
    for back in range(index - 3, max(0, index - 16), -1):
        if _APPENDICES.match(_text(paper, back)):
            title = _text(paper, back + 1).strip().rstrip(".")
            if title and len(title.split()) <= 16 and not re.match(r"^(?:none|n/a)$", title,
                                                                   re.I):
                return Start(_report_kind(title), index, title, "appendix-after-cover")
            return None
    return None


def review_title(paper: Paper, index: int) -> Start | None:
    """A case review or inspection report, named in the paper's opening title."""
    block = paper.blocks[index]
    if index > 3 or not is_title_like(block, 18) or re.search(
        r"\b(committee|subgroup|group|panel)\b", block.text, re.I
    ):
        return None
    if _CASE_REVIEW.search(block.text):
        return Start("case_review", index, block.text, "case-review-title")
    if _INSPECTION.search(block.text):
        return Start("inspection", index, block.text, "inspection-title")
    return None


RULES: list[Rule] = [
    review_title,
    minutes_heading, agenda_heading, report_cover, body_and_date_cover, minutes_by_attendance,
    annual_report_title, plan_title, appendix_after_cover,
    tracker_table, work_programme_title, forward_plan_title,
]
HEADER_LINES = 10  # a second start this close to the first is part of the same document's header


def split_paper(paper: Paper) -> list[Segment]:
    """Return the documents in the paper, in order, covering every block."""
    if not paper.blocks:
        return []
    starts: list[Start] = []
    for index in range(len(paper.blocks)):
        found = next((start for rule in RULES if (start := rule(paper, index))), None)
        if found is None:
            continue
        if starts and _same_header(paper, starts[-1], found):
            starts[-1] = _merge_header(starts[-1], found)
            continue
        starts.append(found)
    if starts and starts[0].index > 0 and _is_cover_word(paper, starts[0].index):
        # 'MINUTES' or 'AGENDA' alone above the document's own header belongs to it.
        starts[0] = Start(starts[0].kind, 0, starts[0].title, starts[0].rule)
    if not starts or starts[0].index > 0:
        starts.insert(0, Start(_guess_first_kind(paper), 0, "", "first-document"))
    segments = []
    for number, start in enumerate(starts):
        last = starts[number + 1].index - 1 if number + 1 < len(starts) else len(paper.blocks) - 1
        blocks = paper.blocks[start.index:last + 1]
        end = (paper.blocks[last + 1].start - 1 if last + 1 < len(paper.blocks)
               else len(paper.lines))
        segments.append(Segment(start.kind, start.title, blocks[0].start, end, blocks, start.rule))
    return _merge_same_documents(segments)


def _is_cover_word(paper: Paper, first_start: int) -> bool:
    """Return True if everything before the first document is a word like 'Minutes'."""
    before = [block.text for block in paper.blocks[:first_start]]
    return all(re.fullmatch(r"(?:minutes|agenda|draft minutes|public agenda)\.?", text, re.I)
               for text in before)


def _same_header(paper: Paper, first: Start, second: Start) -> bool:
    if first.rule == "tracker-table":
        return False  # a table is content, not a cover sheet
    distance = paper.blocks[second.index].start - paper.blocks[first.index].start
    return distance <= HEADER_LINES


_COVER_RULES = {"report-to", "ward-cover", "agenda-item-cover", "body-date-cover"}


def _merge_header(first: Start, second: Start) -> Start:
    """Two starts in one header: keep the earlier place, the more specific kind and title.

    A cover sheet's marks (Ward(s), 'Report to', an agenda item number) make the header a cover
    report's, even when its title names the annual report it introduces.
    """
    cover = next((start for start in (first, second) if start.rule in _COVER_RULES), None)
    if cover is not None:
        title = cover.title or first.title or second.title
        return Start("report" if cover.kind == "annual_report" else cover.kind, first.index,
                     title, cover.rule)
    rank = {"case_review": 0, "inspection": 0, "annual_report": 0, "tracker": 1, "minutes": 2,
            "report": 3, "agenda": 4}
    best = min((first, second), key=lambda s: rank.get(s.kind, 5))
    return Start(best.kind, first.index, best.title or first.title, best.rule)


def _merge_same_documents(segments: list[Segment]) -> list[Segment]:
    """Join neighbours that are one document: a cover report, the report, its slides."""
    merged: list[Segment] = []
    for segment in segments:
        previous = merged[-1] if merged else None
        if previous and _same_document(previous, segment):
            merged[-1] = Segment(previous.kind, previous.title, previous.start, segment.end,
                                 previous.blocks + segment.blocks, previous.rule)
        else:
            merged.append(segment)
    return merged


def _same_document(first: Segment, second: Segment) -> bool:
    if first.kind == second.kind and first.kind in {"forward_plan", "agenda"}:
        return True
    # A cover report on an annual report is a document of its own (it carries the
    # recommendations to the committee); two parts of one annual report are one document.
    return first.kind == second.kind == "annual_report"


def _guess_first_kind(paper: Paper) -> str:
    """The kind of a paper's first document: what its opening says, else what its body does."""
    opening = " ".join(block.text for block in paper.blocks[:3]).lower()
    body = " ".join(block.text for block in paper.blocks[:80]).lower()
    for word, kind in (("minutes", "minutes"), ("agenda", "agenda"),
                       ("annual report", "annual_report")):
        if re.search(rf"\b{word}\b", opening):
            return kind
    if re.search(r"\bresolved\b", body):
        return "minutes"
    return "agenda" if "agenda" in body else "report"


def _report_kind(title: str) -> str:
    lowered = title.lower()
    if "annual report" in lowered:
        return "annual_report"
    if ("recommendation" in lowered or "table" in lowered) and (
            "track" in lowered or "monitor" in lowered):
        return "tracker"
    return "report"


def _field_after(paper: Paper, index: int, name: str) -> str | None:
    """Return the value of a 'Name:' field in the blocks after ``index`` (a report cover sheet)."""
    for block in paper.blocks[index + 1:index + 6]:
        for line in block.lines:
            cells = line.cells
            if len(cells) >= 2 and cells[0].rstrip(":").strip().lower() == name:
                return cells[1]
            match = re.match(rf"^{name}\s*:\s*(.+)$", line.text, re.I)
            if match:
                return match.group(1).strip()
    return None
