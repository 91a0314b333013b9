"""Glossary terms are explained and linked on their first use on a page, and only there."""

from __future__ import annotations

from digest.explain import Explainer
from digest.model import GlossaryScope, GlossaryTerm

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
