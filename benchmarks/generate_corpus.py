"""Write a realistic synthetic content/ folder for benchmarks: N authorities, 10 years each.

Each authority has a scrutiny committee meeting about 8 times a year (6 to 10 items each, with
attendance, decisions and now and then an exempt item) and a yearly safeguarding report with
statistics. Place names are invented, so no real council is credited with made-up meetings.
The same seed always writes the same files, and everything passes the digest's validation.

    python benchmarks/generate_corpus.py --authorities 150 --out build/corpus/content
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXEMPT_MARKER = "EXEMPT-CORPUS-MARKER"
STARTS = ["Ash", "Bram", "Cal", "Dun", "Elm", "Fair", "Glen", "Hart", "Ivy", "Kings", "Lang",
          "Marsh", "Nor", "Oak", "Pen", "Ring", "Stan", "Thorn", "Up", "Wel"]
ENDS = ["bury", "ford", "ham", "ley", "mouth", "stead", "ton", "wick"]
SURNAMES = ["Ahmed", "Baker", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes", "Iqbal",
            "Jones", "Khan", "Lewis", "Morris", "Novak", "Owen", "Patel", "Quinn", "Reid",
            "Singh", "Turner", "Walker", "Young"]
ITEMS = [
    ("Children at risk of exploitation", "exploitation",
     "Officers explained how they find and protect children who are used for crime."),
    ("Child neglect strategy", "neglect",
     "Councillors looked at the plan to spot neglect early and help families."),
    ("Children in care update", "children-in-care",
     "Councillors heard how children in care are doing at home and at school."),
    ("Early help services", "early-help",
     "Officers said more families now get help before problems grow."),
    ("School attendance", "education",
     "Councillors heard that more children are missing school than before."),
    ("Mental health support for young people", "mental-health",
     "Officers said children wait too long for help with how they feel."),
    ("Children who go missing", "missing-children",
     "The team visits each child after they come home, to find out why they left."),
    ("Learning from case reviews", "case-reviews",
     "Councillors heard what services learned after a child was badly hurt."),
    ("Homes for children in care", "childrens-homes",
     "There are not enough local homes for children in care."),
    ("Domestic abuse and children", "domestic-abuse",
     "Officers explained how children living with domestic abuse are helped."),
]
STANDING = [("Apologies", "Two councillors could not come."),
            ("Declarations of interest", "No councillor said they had a personal interest."),
            ("Minutes", "Councillors agreed the notes of the last meeting were correct.")]
DECISIONS = [("noted", "That the report be noted.", "The committee read the report."),
             ("agreed", "That a further report be brought to a future meeting.",
              "The committee will hear more at a later meeting."),
             ("action", "That the chair writes to the police about the findings.",
              "The chair will write to the police about what was found."),
             ("recommended", "That the plan be recommended to Cabinet.",
              "The committee asks the council's leaders to agree the plan.")]


def place_names(count: int, rng: random.Random) -> list[str]:
    """Return ``count`` distinct invented place names."""
    names = sorted({start + end for start in STARTS for end in ENDS})
    rng.shuffle(names)
    if count > len(names):
        raise SystemExit(f"at most {len(names)} authorities")
    return sorted(names[:count])


def generate(out: Path, authorities: int, years: int = 10, seed: int = 1) -> dict[str, int]:
    """Write the corpus into ``out`` (replacing it); return how many records of each kind."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "papers").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "topics.yaml", out / "topics.yaml")
    glossary = yaml.safe_load((ROOT / "content" / "glossary.yaml").read_text(encoding="utf-8"))
    for term in glossary["terms"]:
        term.pop("scope", None)  # the real areas are not in the corpus
    _write(out / "glossary.yaml", glossary)
    counts = {"authorities": 0, "meetings": 0, "reviews": 0, "items": 0}
    first_year = 2025 - years
    for name in place_names(authorities, rng):
        authority = name.lower()
        _write(out / "authorities" / f"{authority}.yaml", {
            "id": authority, "name": f"{name} Council", "kind": "unitary",
            "website": f"https://www.{authority}.example.org",
            "bodies": [{"id": "childrens-scrutiny", "name": "Children's Scrutiny Committee",
                        "kind": "scrutiny"}],
        })
        counts["authorities"] += 1
        councillors = [f"Councillor {s}" for s in rng.sample(SURNAMES, 9)]
        for year in range(first_year, first_year + years):
            paper = f"{authority}-{year}-papers.md"
            lines = 0
            said: dict[int, str] = {}  # what the paper says on the lines the records cite
            for number, month in enumerate(sorted(rng.sample(range(1, 13), 8))):
                date = dt.date(year, month, rng.randint(1, 28))
                meeting, used = _meeting(authority, date, councillors, paper, lines, rng,
                                         number * 20 + 1, said)
                lines += used
                _write(out / "meetings" / authority / f"{date}-childrens-scrutiny.yaml", meeting)
                counts["meetings"] += 1
                counts["items"] += len(meeting["items"])
            _write(out / "reviews" / authority / f"{authority}-annual-report-{year}.yaml",
                   _review(name, authority, year, paper, lines, rng, said))
            counts["reviews"] += 1
            (out / "papers" / paper).write_text(
                "\n".join(said.get(i, f"Line {i} of the {name} papers.") for i in
                          range(1, lines + 60)) + "\n", encoding="utf-8")
    return counts


def _meeting(authority: str, date: dt.date, councillors: list[str], paper: str, start: int,
             rng: random.Random, first_number: int,
             said: dict[int, str]) -> tuple[dict[str, Any], int]:
    topics = rng.sample(ITEMS, rng.randint(3, 7))
    items: list[dict[str, Any]] = []
    said[start + 1] = f"Minutes of the meeting held on {date:%d %B %Y} at 6.00 pm."
    line = start + 10
    for offset, (title, summary) in enumerate(STANDING):
        items.append({"number": str(first_number + offset), "title": title, "summary": summary,
                      "source": {"lines": [line, line + 2]}})
        line += 3
    for offset, (title, topic, summary) in enumerate(topics, start=len(STANDING)):
        kind, text, plain = rng.choice(DECISIONS)
        item: dict[str, Any] = {
            "number": str(first_number + offset), "title": title, "topics": [topic],
            "summary": summary,
            "points": [f"Councillors asked about {title.lower()} in {date.year}.",
                       "Officers said the work would be checked again next year."],
            "decisions": [{"text": text, "plain": plain, "kind": kind}],
            "source": {"lines": [line, line + 8]},
        }
        said[line] = f"{first_number + offset} **{title}**, considered on {date:%d %B %Y}."
        said[line + 1] = text
        if rng.random() < 0.2:
            referrals = rng.randint(20, 900)
            item["statistics"] = [{"label": "Referrals this year", "value": referrals,
                                   "unit": "referrals"}]
            said[line + 2] = f"There were {referrals} referrals this year."
        items.append(item)
        line += 9
    if rng.random() < 0.05:
        items.append({"number": str(first_number + len(items)), "title": "Contract matter",
                      "exempt": True, "summary": f"{EXEMPT_MARKER} not for publication.",
                      "source": {"lines": [line, line + 2]}})
        line += 3
    meeting = {
        "id": f"{authority}-{date}-childrens-scrutiny", "status": "approved",
        "authority": authority, "body": "childrens-scrutiny", "date": date, "time": "18:00",
        "venue": "Council Chamber, Town Hall", "paper": "minutes",
        "source": {"paper": paper, "lines": [start + 1, line]},
        "summary": (f"Councillors looked at {topics[0][0].lower()} and "
                    f"{topics[-1][0].lower()}. They agreed what should happen next."),
        "attendance": {"chair": councillors[0],
                       "present": [f"{councillors[0]} (Chair)", *councillors[1:8]],
                       "apologies": [councillors[8]],
                       "officers": [{"name": "A. Director", "role": "Director of Children's "
                                     "Services"}]},
        "items": items,
    }
    return meeting, line - start + 1


def _review(name: str, authority: str, year: int, paper: str, start: int,
            rng: random.Random, said: dict[int, str]) -> dict[str, Any]:
    deaths = {str(y): rng.randint(10, 40) for y in range(year - 4, year + 1)}
    referrals = rng.randint(1000, 9000)
    said.update({
        start + 2: "More families got early help. Neglect is still the most common worry.",
        start + 3: "We recommend training more staff to spot neglect.",
        start + 4: "Child deaths by year: " + ", ".join(f"{y}: {n}" for y, n in deaths.items()),
        start + 5: f"There were {referrals} referrals to the MASH in {year}.",
    })
    return {
        "id": f"{authority}-annual-report-{year}", "status": "approved", "kind": "annual_report",
        "authority": authority, "title": f"{name} Safeguarding Partnership Annual Report {year}",
        "publisher": f"{name} Safeguarding Partnership",
        "period": {"start": dt.date(year, 4, 1), "end": dt.date(year + 1, 3, 31)},
        "summary": f"This is the yearly report of the group that keeps children safe in {name}. "
                   "It says more families got help early.",
        "findings": [{"text": "More families got early help.",
                      "source": {"lines": [start + 2, start + 2]}},
                     {"text": "Neglect is still the most common worry.",
                      "source": {"lines": [start + 2, start + 2]}}],
        "recommendations": [{"text": "Train more staff to spot neglect.",
                             "plain": "Teach more staff how to spot neglect.", "status": "open",
                             "source": {"lines": [start + 3, start + 3]}}],
        "statistics": [{"label": "Child deaths by year", "value": deaths[str(year)],
                        "unit": "deaths", "breakdown": deaths,
                        "source": {"lines": [start + 4, start + 4]}},
                       {"label": "Referrals to the MASH", "value": referrals,
                        "unit": "referrals", "period": str(year),
                        "source": {"lines": [start + 5, start + 5]}}],
        "topics": ["partnership", "neglect"],
        "source": {"paper": paper, "lines": [start + 1, start + 40]},
    }


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--authorities", type=int, default=150)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "corpus" / "content")
    args = parser.parse_args()
    counts = generate(args.out, args.authorities, args.years, args.seed)
    print(", ".join(f"{count} {kind}" for kind, count in counts.items()), f"in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
