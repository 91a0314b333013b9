"""The content model: the contract between the content files, the loader, the templates and exports.

Pure data, no I/O. Every model forbids unknown keys, so a typo such as ``venu:`` is reported,
never silently ignored. Controlled vocabularies are ``Literal`` types so that error messages can
list the allowed values.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

import phonenumbers
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:
    from digest.load import RawDocument



@dataclass(frozen=True)
class Role:
    """The part a string field plays on the public site; checks and exports act on roles.

    Every string in the model is typed with one of the roles below, so a rule (privacy,
    plain language) reaches a new field by what it is, never because someone listed it.
    """

    name: str
    description: str
    published: bool = True
    # Words we write for the public: plain-language rules (jargon, short forms) apply.
    plain_language: bool = False
    # An "In short" summary: reading grade and sentence length apply too.
    in_short: bool = False
    # The name of a person in a public role (a councillor, an officer): it is a name by design,
    # so the rule against naming people does not apply to the field itself.
    names_a_person: bool = False
    # A service line the council publishes: the phone rule does not apply to the field itself.
    help_line: bool = False


SUMMARY = Role("summary", "a plain-language 'In short' for the public",
               plain_language=True, in_short=True)
PLAIN = Role("plain", "plain words we write for the public", plain_language=True)
PLAIN_WORDING = Role("plain wording", "official wording said again in plain words; pages lead "
                     "with it", plain_language=True, in_short=True)
QUOTED = Role("quoted", "official wording quoted from the paper")
PERSON = Role("person", "the name of a person in a public role, as printed",
              names_a_person=True)
PLACE = Role("place", "a place or venue")
LABEL = Role("label", "a short label or name: what a number counts, a body, a topic")
HELP_LINE = Role("help line", "a public service phone line published by the council",
                 help_line=True)
WEB_ADDRESS = Role("web address", "a public web address")
IDENTIFIER = Role("identifier", "an identifier that appears in web addresses")
INTERNAL = Role("internal", "kept in the content files only, never published",
                published=False)
ROLES = (SUMMARY, PLAIN, PLAIN_WORDING, QUOTED, PERSON, PLACE, LABEL, HELP_LINE, WEB_ADDRESS,
         IDENTIFIER, INTERNAL)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 100
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID_LENGTH),
                 IDENTIFIER]


@dataclass(frozen=True)
class RefersTo:
    """Marks an id field as naming a record of another kind (by that record's ``id``).

    The editor offers the records of that kind to choose from; references are checked in
    validate.py.
    """

    kind: str


AuthorityId = Annotated[Slug, RefersTo("authority")]
TopicId = Annotated[Slug, RefersTo("topics")]
MeetingId = Annotated[Slug, RefersTo("meeting")]
TermId = Annotated[Slug, RefersTo("glossary")]
_Words = StringConstraints(strip_whitespace=True, min_length=1)
Summary = Annotated[str, _Words, SUMMARY]
Plain = Annotated[str, _Words, PLAIN]
PlainWording = Annotated[str, _Words, PLAIN_WORDING]
Quoted = Annotated[str, _Words, QUOTED]
PersonName = Annotated[str, _Words, PERSON]
Place = Annotated[str, _Words, PLACE]
Label = Annotated[str, _Words, LABEL]
HelpLine = Annotated[str, _Words, HELP_LINE]
Internal = Annotated[str, _Words, INTERNAL]
# Names that become page titles: MkDocs themes print titles unescaped in places, so the
# characters that could open an HTML tag are refused rather than silently altered.
TITLE_PATTERN = r"^[^<>\n]+$"
_TitleText = StringConstraints(strip_whitespace=True, pattern=TITLE_PATTERN)
Title = Annotated[str, _TitleText, QUOTED]
TitleLabel = Annotated[str, _TitleText, LABEL]
TitlePlain = Annotated[str, _TitleText, PLAIN]
FILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
FileName = Annotated[str, StringConstraints(pattern=FILE_NAME_PATTERN, max_length=200),
                     IDENTIFIER]
# Only plain web addresses: no javascript: or data: links, nothing that could break out of a link.
WEB_ADDRESS_PATTERN = r"^https?://[A-Za-z0-9.-]+(/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*)?$"
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN), WEB_ADDRESS]
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
ItemNumber = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9./ ]+$", max_length=20),
                       IDENTIFIER]
# Dates a council paper can carry; a typo such as 2204 is an error, not a page in 2204.
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2100, 12, 31)

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

    # No NaN or infinity in any number, a breakdown's parts included: a page cannot show them.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)

    @property
    def withheld(self) -> bool:
        """Return True if this part of a record must never be published (an exempt item)."""
        return False

    @field_validator("*", mode="before")
    @classmethod
    def _plain_values(cls, value: Any) -> Any:
        # Strict mode refuses "yes" for a boolean and text for a number; dates still come from
        # YAML as dates (or as text, when the date is impossible, so it is reported).
        if isinstance(value, dt.date) and not EARLIEST <= value <= LATEST:
            raise ValueError(f"{value.isoformat()} is outside the years "
                             f"{EARLIEST.year} to {LATEST.year}: is it a typo?")
        return value


class LineRange(Strict):
    """Where in the source paper a record was drawn from."""

    lines: tuple[int, int] = Field(description="First and last line in the source paper, 1-based.")

    @field_validator("lines", mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        # YAML gives a list; strict mode wants the tuple the model stores.
        return tuple(value) if isinstance(value, list) else value

    @field_validator("lines")
    @classmethod
    def _ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        start, end = value
        if start < 1 or end < start:
            raise ValueError(f"expected [first, last] with 1 <= first <= last, got {list(value)}")
        return value


class Source(LineRange):
    """The paper a record comes from, so that a reader can check the original."""

    paper: FileName = Field(description="File name of the paper in content/papers/ (no folders).")
    url: WebAddress | None = Field(
        default=None, description="Public address of the original, if known."
    )


class Allowance(Strict):
    """An accepted exception to a check, kept in the content with the reason a person gave."""

    rule: Annotated[str, StringConstraints(pattern=SLUG_PATTERN), INTERNAL] = Field(
        description="The check's id, for example 'privacy-phone'.")
    field: Internal = Field(description="The one field it applies to, like 'items[2].summary'.")
    reason: Internal = Field(description="Why this is not a problem, for the next person.")


class Body(Strict):
    """A committee, board or partnership of an authority."""

    id: Slug = Field(description="Identifier, unique within the authority; part of URLs.")
    name: TitleLabel = Field(description="The body's name as the council prints it.")
    kind: BodyKind = Field(description="What sort of body this is.")


class Help(Strict):
    """Public service lines published by the council: the only phone numbers the site shows."""

    children_front_door: HelpLine | None = Field(
        default=None, description="Published number to report a concern about a child."
    )
    out_of_hours: HelpLine | None = Field(
        default=None, description="Published out-of-hours number.")
    page: WebAddress | None = Field(
        default=None, description="The council's page on reporting a concern."
    )
    checked: Internal | None = Field(
        default=None, description="Where and when a person checked these lines (not published).")

    @field_validator("children_front_door", "out_of_hours")
    @classmethod
    def _service_line(cls, value: str | None) -> str | None:
        # The one place a phone number is published on purpose: it must be a real UK line
        # and not a mobile, which would be a person's own phone.
        if value is None:
            return value
        try:
            number = phonenumbers.parse(value, "GB")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValueError(f"'{value}' is not a UK phone number")
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
            raise ValueError(f"'{value}' is a mobile number: give the council's service line")
        return value


class Authority(Strict):
    """A council or safeguarding partnership area and its bodies."""

    id: Slug = Field(description="Identifier; part of URLs.")
    name: TitleLabel = Field(description="Full name, for example 'Walsall Council'.")
    kind: AuthorityKind | None = Field(default=None, description="Type of authority.")
    website: WebAddress | None = Field(
        default=None, description="The authority's public website."
    )
    summary: Summary | None = Field(default=None, description="A sentence or two about the area.")
    help: Help = Field(default_factory=Help, description="Published service lines.")
    bodies: list[Body] = Field(
        default_factory=list, description="Committees and boards whose meetings we report on."
    )
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")


class Person(Strict):
    """Someone attending in a public role: an officer or partner representative."""

    name: PersonName = Field(description="Name as printed in the paper.")
    role: Quoted | None = Field(default=None, description="Job title as printed.")
    organisation: Label | None = Field(default=None, description="Employer, if not the council.")


class Attendance(Strict):
    """Who was at (or was expected at) a meeting. Only people in public roles are recorded."""

    chair: PersonName | None = Field(default=None, description="Who chaired the meeting.")
    expected: list[PersonName] = Field(
        default_factory=list,
        description="Members listed on an agenda: expected to attend, not known to have come.")
    present: list[PersonName] = Field(default_factory=list, description="Members present.")
    apologies: list[PersonName] = Field(default_factory=list,
                                        description="Members who sent apologies.")
    officers: list[Person] = Field(default_factory=list, description="Council officers present.")
    partners: list[Person] = Field(default_factory=list, description="Partner agencies present.")
    others: list[Label] = Field(
        default_factory=list,
        description="People present in a private capacity (co-optees, lay members), described "
        "by their role only: the site never names them.",
    )


class Decision(Strict):
    """One resolved point, in the words of the minutes."""

    text: Quoted = Field(description="The decision as recorded.")
    plain: PlainWording | None = Field(
        default=None, description="The decision in plain words; pages lead with it.")
    kind: DecisionKind = Field(description="What sort of decision it is.")
    source: LineRange | None = Field(
        default=None, description="Lines of the decision, if narrower than its item's.")


class Recommendation(Strict):
    """A recommendation and how far it has got."""

    text: Quoted = Field(description="The recommendation.")
    plain: PlainWording | None = Field(
        default=None, description="The recommendation in plain words; pages lead with it.")
    owner: Quoted | None = Field(default=None, description="Who is responsible.")
    due: dt.date | None = Field(default=None, description="Target date.")
    status: RecommendationStatus | None = Field(
        default=None, description="Progress, if the papers say; left out when they do not."
    )
    update: Quoted | None = Field(
        default=None, description="What the latest tracker says about progress, in its words."
    )
    source: LineRange | None = Field(
        default=None, description="Lines in the source paper; required in a report.")


class Statistic(Strict):
    """A number the paper states, with what it counts and where it is stated."""

    label: Label = Field(description="What is counted, in plain words.")
    value: float = Field(description="The number as stated.")
    unit: Label | None = Field(default=None, description="Unit, for example 'referrals' or '%'.")
    period: Label | None = Field(default=None, description="When, for example '2013-14'.")
    breakdown: dict[Label, float] | None = Field(
        default=None, description="Parts of the number, label to value, in the paper's order."
    )
    note: Plain | None = Field(default=None, description="Caveats, such as a figure stated twice.")
    source: LineRange | None = Field(default=None, description="Lines in the source paper.")

    @field_validator("value", mode="before")
    @classmethod
    def _whole_numbers_too(cls, value: Any) -> Any:
        # Strict mode still takes a whole number for a float field; booleans are refused.
        if isinstance(value, bool):
            raise ValueError(f"expected a number, got {value}")
        return value


# A run of characters that str.isalnum() refuses: what \W matches, and the underscore.
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


class Item(Strict):
    """One agenda item of a meeting."""

    number: ItemNumber | None = Field(
        default=None,
        description="Item number as printed ('65', '5/24'); gives the permanent anchor.",
    )
    title: Quoted = Field(description="Item title as printed.")
    topics: list[TopicId] = Field(default_factory=list, description="Topic ids from topics.yaml.")
    summary: Summary | None = Field(default=None, description="Plain-language 'In short'.")
    purpose: Quoted | None = Field(default=None,
                                   description="What the agenda says the item is for.")
    points: list[Plain] = Field(default_factory=list, description="What was discussed.")
    decisions: list[Decision] = Field(default_factory=list, description="What was decided.")
    recommendations: list[Recommendation] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    exempt: bool = Field(default=False, description="Exempt items are never published.")
    source: LineRange = Field(description="Lines of this item in the source paper.")

    @property
    def withheld(self) -> bool:
        """Return True for an exempt item: it never reaches any output."""
        return self.exempt

    @property
    def anchor(self) -> str:
        """Return the permanent anchor: 'item-5-24' for '5/24'; unnumbered items use the title."""
        label = self.number if self.number is not None else self.title
        return "item-" + _NOT_ALPHANUMERIC.sub("-", label.lower()).strip("-")


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
    authority: AuthorityId = Field(description="Authority id.")
    body: Slug = Field(description="Body id within the authority.")
    date: dt.date = Field(description="Date of the meeting.")
    time: Annotated[str, StringConstraints(pattern=TIME_PATTERN), LABEL] | None = Field(
        default=None, description="Start time, 24-hour 'HH:MM', in quotes.")
    venue: Place | None = Field(default=None, description="Where the meeting was held.")
    paper: PaperKind = Field(description="Whether we have the agenda or the minutes.")
    source: Source | None = Field(
        default=None, description="The paper and its lines; required once approved."
    )
    summary: Summary | None = Field(default=None, description="Plain-language 'In short'.")
    attendance: Attendance = Field(default_factory=Attendance)
    items: list[Item] = Field(default_factory=list)
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")

    @field_validator("time", mode="before")
    @classmethod
    def _time_is_text(cls, value: Any) -> Any:
        if isinstance(value, int):
            raise ValueError(f'{value} is a number, not a time: write it like "18:00"')
        if isinstance(value, str) and not re.match(TIME_PATTERN, value):
            raise ValueError(f"'{value}' is not a 24-hour time like \"18:00\"")
        return value

    @model_validator(mode="after")
    def _agenda_cannot_know_who_came(self) -> Meeting:
        if self.paper == "agenda" and self.attendance.present:
            raise ValueError("an agenda cannot say who was present: list its members under "
                             "attendance.expected")
        return self

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

    text: Plain = Field(description="The finding, in plain words.")
    source: LineRange | None = Field(default=None, description="Lines in the source paper.")


class Review(Sourced):
    """An annual report, case review, inspection or other report."""

    id: Slug = Field(description="Identifier; part of URLs.")
    status: Status = Field(description="Only approved records are published.")
    kind: ReviewKind = Field(description="What sort of report this is.")
    authority: AuthorityId = Field(description="Authority id.")
    title: Title = Field(description="Title as published.")
    publisher: Label = Field(description="Who published it.")
    period: Period | None = Field(default=None, description="Period covered.")
    summary: Summary | None = Field(default=None, description="Plain-language 'In short'.")
    findings: list[ReviewFinding] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    topics: list[TopicId] = Field(default_factory=list, description="Topic ids from topics.yaml.")
    considered_at: MeetingId | None = Field(
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
    title: TitlePlain = Field(description="A short headline.")
    text: Summary = Field(description="The update, in plain words.")
    authority: AuthorityId | None = Field(default=None,
                                          description="The area it is about, if one.")
    topics: list[TopicId] = Field(default_factory=list, description="Topic ids from topics.yaml.")
    allow: list[Allowance] = Field(default_factory=list, description="Accepted check findings.")


class Topic(Strict):
    """A subject readers follow across authorities."""

    id: Slug = Field(description="Identifier; part of URLs.")
    name: TitleLabel = Field(description="The topic's name.")
    description: Plain = Field(description="What the topic covers, in plain words.")


class GlossaryScope(Strict):
    """Limits a glossary entry to one authority, where an acronym means different things."""

    authority: AuthorityId | None = None


class GlossaryTerm(Strict):
    """An acronym or term with a plain explanation."""

    id: Slug = Field(description="Anchor on the glossary page.")
    term: Label = Field(description="The acronym or term as written, for example 'MASH'.")
    expansion: Label | None = Field(default=None, description="What the letters stand for.")
    explanation: Plain = Field(description="What it means, in plain words.")
    aliases: list[Label] = Field(default_factory=list, description="Other spellings.")
    scope: GlossaryScope | None = Field(default=None, description="Where this meaning applies.")
    related: list[TermId] = Field(default_factory=list, description="Ids of related terms.")


class TopicsFile(Strict):
    """content/topics.yaml."""

    topics: list[Topic]


class GlossaryFile(Strict):
    """content/glossary.yaml."""

    terms: list[GlossaryTerm]


class AutomatedAudit(Strict):
    """The last automated accessibility test of the whole site."""

    tool: Label = Field(description="Tool and version, for example 'axe-core 4.12.1'.")
    date: dt.date = Field(description="When the test was run.")
    pages: int = Field(ge=1, description="How many pages were tested.")
    widths: list[int] = Field(min_length=1, description="Screen widths tested, in pixels.")
    violations: int = Field(ge=0, description="WCAG 2.2 A and AA failures found.")


class ManualCheck(Strict):
    """One check a person made by hand, and what they found."""

    check: Plain
    result: Plain


class AccessibilityStatement(Strict):
    """content/accessibility.yaml: the facts behind the accessibility statement."""

    prepared: dt.date = Field(description="When the statement was first prepared.")
    reviewed: dt.date = Field(description="When it was last reviewed.")
    compliance: Literal["fully", "partially", "not"] = Field(
        description="Compliance with WCAG 2.2 AA, as the regulations ask it to be stated."
    )
    automated: AutomatedAudit
    manual: list[ManualCheck] = Field(default_factory=list)
    known_issues: list[Plain] = Field(default_factory=list, description="What does not work yet.")


# --- the kinds of content, and walking a record by roles ----------------------------------------

Shape = Literal["record", "list", "single"]


@dataclass(frozen=True)
class Kind:
    """One kind of content file: where it lives, its model, and how it is published.

    ``record`` files hold one record with an id and a status; ``list`` files hold a list of
    entries under ``key`` (topics.yaml); a ``single`` file holds settings-like facts.
    """

    name: str
    pattern: str
    model: type[Strict]
    shape: Shape = "record"
    key: str = ""
    # Where content files point their editor at a JSON Schema (schemas/<name>.schema.json).
    schema: bool = True
    # Where a new record is written, from its own fields (for `digest new` and the editor);
    # always a path that ``pattern`` matches. Files of a list or single kind have one name.
    file_name: str = ""

    def file_for(self, **fields: str) -> str:
        """Return the file (under content/) of a record with these field values."""
        return (self.file_name or self.pattern).format(**fields)


KINDS: tuple[Kind, ...] = (
    Kind("authority", "authorities/*.yaml", Authority, file_name="authorities/{id}.yaml"),
    Kind("meeting", "meetings/*/*.yaml", Meeting,
         file_name="meetings/{authority}/{date}-{body}.yaml"),
    Kind("review", "reviews/*/*.yaml", Review, file_name="reviews/{authority}/{id}.yaml"),
    Kind("update", "updates/*.yaml", Update, file_name="updates/{id}.yaml"),
    Kind("topics", "topics.yaml", TopicsFile, shape="list", key="topics"),
    Kind("glossary", "glossary.yaml", GlossaryFile, shape="list", key="terms"),
    Kind("accessibility", "accessibility.yaml", AccessibilityStatement, shape="single",
         schema=False),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Entry:
    """One validated record with the file it came from and where in that file it stands."""

    kind: Kind
    record: Strict
    document: RawDocument
    loc: Loc = ()

    @property
    def key(self) -> tuple[str, str]:
        """Return (kind, id): unique for records with an id."""
        return self.kind.name, str(getattr(self.record, "id", ""))

    def fingerprint(self) -> str:
        """Return a fingerprint of the record as written: its values and the line of each,
        known from the file's text where it was read from one (the same text always reads as
        the same values and lines), else from the values and lines themselves."""
        document = self.document
        if document.source_hash:
            text = repr((document.path, document.kind, self.loc, document.source_hash))
        else:
            text = repr((document.path, self.loc, document.data, sorted(document.lines.items())))
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def is_draft(self) -> bool:
        """Return True for a record still marked draft."""
        return getattr(self.record, "status", "approved") == "draft"

    @property
    def authority(self) -> str | None:
        """Return the authority whose area this record belongs to, if any."""
        record = self.record
        if isinstance(record, Authority):
            return record.id
        if isinstance(record, GlossaryTerm):
            return record.scope.authority if record.scope else None
        found = getattr(record, "authority", None)
        return found if isinstance(found, str) else None


@dataclass
class Content:
    """All validated content: every record as an entry, and views by kind for pages.

    The views are worked out once: make a new Content rather than changing ``entries``.
    """

    entries: list[Entry] = field(default_factory=list)
    papers: set[str] = field(default_factory=set)
    papers_dir: Path | None = None  # where the papers are, for checks that read their lines

    def of(self, kind: str) -> list[Entry]:
        """Return the entries of one kind, in the order they were read."""
        return [entry for entry in self.entries if entry.kind.name == kind]

    @functools.cached_property
    def fingerprints(self) -> dict[int, str]:
        """Return a fingerprint of each record as written (its values and the line of each),
        by ``id(entry)``: what the caches between builds key a record by."""
        return {id(entry): entry.fingerprint() for entry in self.entries}

    @functools.cached_property
    def record_fingerprints(self) -> dict[int, str]:
        """Return each record's fingerprint by ``id(record)``, for work that holds the record."""
        return {id(entry.record): self.fingerprints[id(entry)] for entry in self.entries}

    @functools.cached_property
    def authorities(self) -> dict[str, Authority]:
        """Return the authorities by id."""
        return {e.record.id: e.record for e in self.of("authority")
                if isinstance(e.record, Authority)}

    @functools.cached_property
    def meetings(self) -> list[Meeting]:
        """Return every meeting."""
        return [e.record for e in self.of("meeting") if isinstance(e.record, Meeting)]

    @functools.cached_property
    def reviews(self) -> list[Review]:
        """Return every review and report."""
        return [e.record for e in self.of("review") if isinstance(e.record, Review)]

    @functools.cached_property
    def updates(self) -> list[Update]:
        """Return every update."""
        return [e.record for e in self.of("update") if isinstance(e.record, Update)]

    @functools.cached_property
    def topics(self) -> dict[str, Topic]:
        """Return the topics by id."""
        return {e.record.id: e.record for e in self.of("topics") if isinstance(e.record, Topic)}

    @functools.cached_property
    def glossary(self) -> list[GlossaryTerm]:
        """Return every glossary term."""
        return [e.record for e in self.of("glossary") if isinstance(e.record, GlossaryTerm)]

    @functools.cached_property
    def accessibility(self) -> AccessibilityStatement | None:
        """Return the accessibility statement's facts, if there are any."""
        found = [e.record for e in self.of("accessibility")
                 if isinstance(e.record, AccessibilityStatement)]
        return found[0] if found else None

    def entry(self, kind: str, record_id: str) -> Entry:
        """Return the entry of a record by kind and id."""
        return next(e for e in self.of(kind) if e.key == (kind, record_id))


def role_of(annotation: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> Role | None:
    """Return the role declared on a string type (in its Annotated metadata), if any."""
    for item in metadata:
        if isinstance(item, Role):
            return item
    if get_origin(annotation) is Annotated:
        return role_of(None, get_args(annotation)[1:])
    return None


def string_fields(model: type[BaseModel]) -> Iterator[tuple[Loc, Any, Role | None]]:
    """Yield every string slot of a model, as (schema path, annotation, role); lists as '[]'.

    The schema path uses '[]' for list items and '{}' for mapping keys, so tests and the
    editor's configuration can reach a field that no content file fills yet.
    """
    for name, info in model.model_fields.items():
        yield from _slots(info.annotation, tuple(info.metadata), (name,))


def _slots(annotation: Any, metadata: tuple[Any, ...], loc: Loc) -> Iterator[
        tuple[Loc, Any, Role | None]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        yield from _slots(inner, (*metadata, *extra), loc)
    elif origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            if arg is not type(None):
                yield from _slots(arg, metadata, loc)
    elif origin is list:
        yield from _slots(get_args(annotation)[0], (), (*loc, "[]"))
    elif origin is dict:
        key, _ = get_args(annotation)
        yield from _slots(key, (), (*loc, "{}"))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for sub_loc, sub, role in string_fields(annotation):
            yield (*loc, *sub_loc), sub, role
    elif annotation is str:
        yield loc, annotation, role_of(None, metadata)


def published_strings(record: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, Role]]:
    """Yield every string of a record that a reader can see, with its place and role.

    Withheld parts (exempt items) are skipped whole; so are internal fields.
    """
    for name, walk in _field_walkers(type(record)):
        yield from walk(getattr(record, name), (*loc, name))


_Walker = Callable[[Any, Loc], Iterator[tuple[Loc, str, Role]]]


@functools.cache
def _field_walkers(model: type[BaseModel]) -> tuple[tuple[str, _Walker], ...]:
    """Return a walker for each field of a model that can hold published text, made once from
    its type; fields that cannot (dates, numbers, internal notes) are left out.

    Every check, page and export walks every record this way, so the types are read once per
    model rather than once per value (a national corpus has millions of values).
    """
    walkers = ((name, _walker(info.annotation, tuple(info.metadata)))
               for name, info in model.model_fields.items())
    return tuple((name, walk) for name, walk in walkers if walk is not None)


def _walker(annotation: Any, metadata: tuple[Any, ...]) -> _Walker | None:
    """Return a walker for values of one declared type (with its Annotated metadata), or None
    if no value of that type is ever published."""
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _walker(inner, (*metadata, *extra))
    if origin in (Union, types.UnionType):
        arg = next((a for a in get_args(annotation) if a is not type(None)), None)
        return _walker(arg, metadata)
    if origin in (list, tuple):
        return _items_walker(_walker(get_args(annotation)[0], ()))
    if origin is dict:
        return _keys_walker(_if_published(role_of(get_args(annotation)[0])))
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return _record_walker
    if annotation is str or origin is Literal:
        return _text_walker(_if_published(role_of(None, metadata)))
    return None


def _record_walker(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, Role]]:
    if value is not None and not value.withheld:  # an exempt item is skipped whole
        yield from published_strings(value, loc)


def _items_walker(items: _Walker | None) -> _Walker | None:
    if items is None:
        return None

    def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, Role]]:
        for i, item in enumerate(value or ()):
            yield from items(item, (*loc, i))

    return walk


def _keys_walker(role: Role | None) -> _Walker | None:
    if role is None:
        return None

    def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, Role]]:
        for key in value or ():
            yield (*loc, key), key, role

    return walk


def _text_walker(role: Role | None) -> _Walker | None:
    if role is None:
        return None

    def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, Role]]:
        if value is not None:
            yield loc, value, role

    return walk


def _if_published(role: Role | None) -> Role | None:
    return role if role is not None and role.published else None
