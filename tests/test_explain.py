"""Glossary terms are explained and linked on their first use on a page, and only there."""

from __future__ import annotations

import pytest

from digest import explain as explain_module
from digest.checks.texts import published_values
from digest.explain import Explainer
from digest.model import GlossaryScope, GlossaryTerm
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import PROJECT

GLOSSARY = [
    GlossaryTerm(id="mash", term="MASH", expansion="Multi-Agency Safeguarding Hub",
                 explanation="The team that looks at worries."),
    GlossaryTerm(id="scrutiny", term="Scrutiny", explanation="Councillors checking the council."),
    GlossaryTerm(id="care-walsall", term="CARE", expansion="Community Activities Reducing "
                 "Exploitation", explanation="A Walsall project.",
                 scope=GlossaryScope(authority="walsall")),
]


def test_first_use_is_expanded_and_linked_later_uses_are_not() -> None:
    explain = Explainer(GLOSSARY, "meetings/x.md", None)
    assert explain("The MASH checks worries. The MASH meets daily.") == (
        'The [MASH](../glossary.md#mash "Multi-Agency Safeguarding Hub") '
        "(Multi-Agency Safeguarding Hub) checks worries. The MASH meets daily."
    )
    assert explain("Later the MASH met again.") == "Later the MASH met again."


def test_a_term_inside_a_name_is_left_alone() -> None:
    explain = Explainer(GLOSSARY, "index.md", None)
    assert explain("The Overview and Scrutiny Committee met.") == (
        "The Overview and Scrutiny Committee met."
    )
    assert explain("Councillors said scrutiny matters.") == (
        'Councillors said [scrutiny](glossary.md#scrutiny "Councillors checking the council.") '
        "matters."
    )


def test_scoped_terms_apply_only_to_their_authority() -> None:
    assert Explainer(GLOSSARY, "a.md", "sandwell")("The CARE project.") == "The CARE project."
    assert "(Community Activities Reducing Exploitation)" in Explainer(
        GLOSSARY, "a.md", "walsall")("The CARE project.")


def test_text_is_still_escaped() -> None:
    explain = Explainer(GLOSSARY, "a.md", None)
    assert explain("<script>MASH</script>") == (
        '&lt;script&gt;[MASH](glossary.md#mash "Multi-Agency Safeguarding Hub") '
        "(Multi-Agency Safeguarding Hub)&lt;/script&gt;"
    )


def test_texts_are_explained_the_same_without_the_first_look(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A text none of whose words starts a term is passed by at once: every text of the
    bundled content, and awkward ones, must come out as they do when every word is read."""
    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    texts = [*published_values(visible), "non-MASH work", "mash-up", "MASH’s work", "",
             "Scrutiny. MASH, CARE and care", "The [MASH] *Scrutiny*", "SCRUTINY of care"]

    def explained() -> list[str]:
        pages = [(Explainer(visible.glossary + GLOSSARY, f"meetings/{i}.md", "walsall"), chunk)
                 for i, chunk in enumerate(texts[start:start + 20]
                                           for start in range(0, len(texts), 20))]
        return [str(explain(text)) for explain, chunk in pages for text in chunk]

    quick = explained()
    monkeypatch.setattr(explain_module, "_starts_no_term", lambda text, index: False)
    assert explained() == quick
    assert sum("](../glossary.md#" in text for text in quick) > 50
