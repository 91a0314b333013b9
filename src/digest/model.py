"""The content model: the contract between the content files, the loader, the templates and exports.

Pure data, no I/O. Every model forbids unknown keys, so a typo such as ``venu:`` is reported,
never silently ignored. Controlled vocabularies are ``Literal`` types so that error messages can
list the allowed values.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Names that become page titles: MkDocs themes print titles unescaped in places, so the
# characters that could open an HTML tag are refused rather than silently altered.
TITLE_PATTERN = r"^[^<>\n]+$"
Title = Annotated[str, StringConstraints(strip_whitespace=True, pattern=TITLE_PATTERN)]
FILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
# Only plain web addresses: no javascript: or data: links, nothing that could break out of a link.
WEB_ADDRESS_PATTERN = r"^https?://[A-Za-z0-9.-]+(/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*)?$"
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN)]

Status = Literal["draft", "approved"]
PaperKind = Literal["agenda", "minutes"]
DecisionKind = Literal["noted", "agreed", "recommended", "deferred", "action"]
RecommendationStatus = Literal["open", "in progress", "done", "dropped"]
ReviewKind = Literal[
    "annual_report", "serious_case_review", "practice_review", "inspection", "report"
]
AuthorityKind = Literal[
    "metropolitan borough", "county", "unitary", "london borough", "partnership"
]
BodyKind = Literal["scrutiny", "cabinet", "committee", "board", "partnership"]


class Strict(BaseModel):
    """Base for every content record: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LineRange(Strict):
    """Where in the source paper a record was drawn from."""

    lines: tuple[int, int] = Field(description="First and last line in the source paper, 1-based.")

    @field_validator("lines")
    @classmethod
    def _ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        start, end = value
        if start < 1 or end < start:
            raise ValueError(f"expected [first, last] with 1 <= first <= last, got {list(value)}")
        return value


class Source(LineRange):
    """The paper a record comes from, so that a reader can check the original."""

    paper: Annotated[str, StringConstraints(pattern=FILE_NAME_PATTERN)] = Field(
        description="File name of the paper in content/papers/ (no folders)."
    )
    url: WebAddress | None = Field(
        default=None, description="Public address of the original, if known."
    )


class Allowance(Strict):
    """An accepted exception to a check, kept in the content with the reason a person gave."""

    rule: Slug = Field(description="The check's id, for example 'privacy-phone'.")
    field: Text = Field(description="The field it applies to, for example 'items[2].summary'.")
    reason: Text = Field(description="Why this is not a problem, for the next person to read.")


class Body(Strict):
    """A committee, board or partnership of an authority."""

    id: Slug = Field(description="Identifier, unique within the authority; part of URLs.")
    name: Title = Field(description="The body's name as the council prints it.")
    kind: BodyKind = Field(description="What sort of body this is.")


class Help(Strict):
    """Public service lines published by the council: the only phone numbers the site shows."""

    children_front_door: Text | None = Field(
        default=None, description="Published number to report a concern about a child."
    )
    out_of_hours: Text | None = Field(default=None, description="Published out-of-hours number.")
    page: WebAddress | None = Field(
        default=None, description="The council's page on reporting a concern."
    )


class Authority(Strict):
    """A council or safeguarding partnership area and its bodies."""

    id: Slug = Field(description="Identifier; part of URLs.")
    name: Title = Field(description="Full name, for example 'Walsall Council'.")
    kind: AuthorityKind | None = Field(default=None, description="Type of authority.")
    website: WebAddress | None = Field(
        default=None, description="The authority's public website."
    )
    summary: Text | None = Field(default=None, description="A sentence or two about the area.")
    help: Help = Field(default_factory=Help, description="Published service lines.")
    bodies: list[Body] = Field(
        default_factory=list, description="Committees and boards whose meetings we report on."
    )
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")


class Person(Strict):
    """Someone attending in a public role: an officer or partner representative."""

    name: Text = Field(description="Name as printed in the paper.")
    role: Text | None = Field(default=None, description="Job title as printed.")
    organisation: Text | None = Field(default=None, description="Employer, if not the council.")


class Attendance(Strict):
    """Who was at (or was expected at) a meeting. Only people in public roles are recorded."""

    chair: Text | None = Field(default=None, description="Who chaired the meeting.")
    present: list[Text] = Field(default_factory=list, description="Members present.")
    apologies: list[Text] = Field(default_factory=list, description="Members who sent apologies.")
    officers: list[Person] = Field(default_factory=list, description="Council officers present.")
    partners: list[Person] = Field(default_factory=list, description="Partner agencies present.")
    others: list[Text] = Field(
        default_factory=list,
        description="People present in a private capacity (co-optees, lay members), described "
        "by their role only: the site never names them.",
    )


class Decision(Strict):
    """One resolved point, in the words of the minutes."""

    text: Text = Field(description="The decision as recorded.")
    kind: DecisionKind = Field(description="What sort of decision it is.")


class Recommendation(Strict):
    """A recommendation and how far it has got."""

    text: Text = Field(description="The recommendation.")
    owner: Text | None = Field(default=None, description="Who is responsible.")
    due: dt.date | None = Field(default=None, description="Target date.")
    status: RecommendationStatus | None = Field(
        default=None, description="Progress, if the papers say; left out when they do not."
    )
    update: Text | None = Field(
        default=None, description="What the latest tracker says about progress, in its words."
    )


class Statistic(Strict):
    """A number the paper states, with what it counts and where it is stated."""

    label: Text = Field(description="What is counted, in plain words.")
    value: float = Field(description="The number as stated.")
    unit: Text | None = Field(default=None, description="Unit, for example 'referrals' or '%'.")
    period: Text | None = Field(default=None, description="When, for example '2013-14'.")
    breakdown: dict[str, float] | None = Field(
        default=None, description="Parts of the number, label to value, in the paper's order."
    )
    note: Text | None = Field(default=None, description="Caveats, such as a figure stated twice.")
    source: LineRange | None = Field(default=None, description="Lines in the source paper.")


class Item(Strict):
    """One agenda item of a meeting."""

    number: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9./ ]+$")] | None = Field(
        default=None,
        description="Item number as printed ('65', '5/24'); gives the permanent anchor.",
    )
    title: Text = Field(description="Item title as printed.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from topics.yaml.")
    summary: Text | None = Field(default=None, description="Plain-language 'In short'.")
    purpose: Text | None = Field(default=None, description="What the agenda says the item is for.")
    points: list[Text] = Field(default_factory=list, description="What was discussed.")
    decisions: list[Decision] = Field(default_factory=list, description="What was decided.")
    recommendations: list[Recommendation] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    exempt: bool = Field(default=False, description="Exempt items are never published.")
    source: LineRange = Field(description="Lines of this item in the source paper.")

    @property
    def anchor(self) -> str:
        """Return the permanent anchor: 'item-5-24' for '5/24'; unnumbered items use the title."""
        label = self.number if self.number is not None else self.title
        cleaned = "".join(ch if ch.isalnum() else "-" for ch in label.lower())
        return "item-" + "-".join(part for part in cleaned.split("-") if part)


class Sourced(Strict):
    """A record that a reader must be able to check against its paper once it is published."""

    @model_validator(mode="after")
    def _approved_needs_source(self) -> Sourced:
        if getattr(self, "status", None) == "approved" and getattr(self, "source", None) is None:
            raise ValueError("an approved record must name its source paper (source.paper)")
        return self


class Meeting(Sourced):
    """A meeting of a body, as recorded by its agenda or minutes."""

    id: Slug = Field(description="Identifier: '<authority>-<date>-<body>'; part of URLs.")
    status: Status = Field(description="Only approved records are published.")
    authority: Slug = Field(description="Authority id.")
    body: Slug = Field(description="Body id within the authority.")
    date: dt.date = Field(description="Date of the meeting.")
    time: str | None = Field(default=None, description="Start time, 24-hour 'HH:MM', in quotes.")
    venue: Text | None = Field(default=None, description="Where the meeting was held.")
    paper: PaperKind = Field(description="Whether we have the agenda or the minutes.")
    source: Source | None = Field(
        default=None, description="The paper and its lines; required once approved."
    )
    summary: Text | None = Field(default=None, description="Plain-language 'In short'.")
    attendance: Attendance = Field(default_factory=Attendance)
    items: list[Item] = Field(default_factory=list)
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")

    @field_validator("time", mode="before")
    @classmethod
    def _time_is_text(cls, value: Any) -> Any:
        if isinstance(value, int):
            # YAML 1.1 reads an unquoted 18:00 as the base-60 number 1080.
            raise ValueError('write the time in quotes, like "18:00"')
        if isinstance(value, str):
            parts = value.split(":")
            ok = len(parts) == 2 and all(p.isdigit() and len(p) == 2 for p in parts)
            if not ok or int(parts[0]) > 23 or int(parts[1]) > 59:
                raise ValueError(f"'{value}' is not a 24-hour time like \"18:00\"")
        return value

    @model_validator(mode="after")
    def _unique_item_numbers(self) -> Meeting:
        seen: set[str] = set()
        for item in self.items:
            if item.anchor in seen:
                raise ValueError(f"two items share the anchor '{item.anchor}': number them apart")
            seen.add(item.anchor)
        return self


class Period(Strict):
    """The period a report covers."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class ReviewFinding(Strict):
    """One thing a report or review found."""

    text: Text = Field(description="The finding, in plain words.")
    source: LineRange | None = Field(default=None, description="Lines in the source paper.")


class Review(Sourced):
    """An annual report, case review, inspection or other report."""

    id: Slug = Field(description="Identifier; part of URLs.")
    status: Status = Field(description="Only approved records are published.")
    kind: ReviewKind = Field(description="What sort of report this is.")
    authority: Slug = Field(description="Authority id.")
    title: Title = Field(description="Title as published.")
    publisher: Text = Field(description="Who published it.")
    period: Period | None = Field(default=None, description="Period covered.")
    summary: Text | None = Field(default=None, description="Plain-language 'In short'.")
    findings: list[ReviewFinding] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from topics.yaml.")
    considered_at: Slug | None = Field(
        default=None, description="Id of the meeting whose papers include this report."
    )
    source: Source | None = Field(
        default=None, description="The paper and its lines; required once approved."
    )
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")


class Update(Strict):
    """A short dated notice from the comms team: 'The 2023/24 annual report is out'."""

    id: Slug = Field(description="Identifier; part of the web address.")
    status: Status = Field(description="Only approved updates are published.")
    date: dt.date = Field(description="Date of the update.")
    title: Title = Field(description="A short headline.")
    text: Text = Field(description="The update, in plain words.")
    authority: Slug | None = Field(default=None, description="The area it is about, if one.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from topics.yaml.")
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")


class Topic(Strict):
    """A subject readers follow across authorities."""

    id: Slug
    name: Title
    description: Text


class GlossaryScope(Strict):
    """Limits a glossary entry to one authority, where an acronym means different things."""

    authority: Slug | None = None


class GlossaryTerm(Strict):
    """An acronym or term with a plain explanation."""

    id: Slug = Field(description="Anchor on the glossary page.")
    term: Text = Field(description="The acronym or term as written, for example 'MASH'.")
    expansion: Text | None = Field(default=None, description="What the letters stand for.")
    explanation: Text = Field(description="What it means, in plain words.")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings.")
    scope: GlossaryScope | None = Field(default=None, description="Where this meaning applies.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related terms.")


class TopicsFile(Strict):
    """content/topics.yaml."""

    topics: list[Topic]


class GlossaryFile(Strict):
    """content/glossary.yaml."""

    terms: list[GlossaryTerm]


class AutomatedAudit(Strict):
    """The last automated accessibility test of the whole site."""

    tool: Text = Field(description="Tool and version, for example 'axe-core 4.12.1'.")
    date: dt.date = Field(description="When the test was run.")
    pages: int = Field(ge=1, description="How many pages were tested.")
    widths: list[int] = Field(min_length=1, description="Screen widths tested, in pixels.")
    violations: int = Field(ge=0, description="WCAG 2.2 A and AA failures found.")


class ManualCheck(Strict):
    """One check a person made by hand, and what they found."""

    check: Text
    result: Text


class AccessibilityStatement(Strict):
    """content/accessibility.yaml: the facts behind the accessibility statement."""

    prepared: dt.date = Field(description="When the statement was first prepared.")
    reviewed: dt.date = Field(description="When it was last reviewed.")
    compliance: Literal["fully", "partially", "not"] = Field(
        description="Compliance with WCAG 2.2 AA, as the regulations ask it to be stated."
    )
    automated: AutomatedAudit
    manual: list[ManualCheck] = Field(default_factory=list)
    known_issues: list[Text] = Field(default_factory=list, description="What does not work yet.")
