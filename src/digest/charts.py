"""Bar charts drawn at build time as inline SVG: no JavaScript, and always a table beside them.

Each chart has a title and a description that lists every value, so a screen reader gets the
same numbers as a sighted reader; the page also shows them as a table.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from digest.model import Statistic
from digest.render_text import amount

WIDTH = 400
ROW = 44
BAR_TOP = 18
BAR_HEIGHT = 16
BAR_SPACE = 300
BAR_COLOUR = "#0b4f6c"  # 8.6:1 on white: far above the 3:1 needed for graphics
TEXT_COLOUR = "#1f1f1f"


def bar_chart(stat: Statistic, chart_id: str) -> Markup:
    """Return a figure with a horizontal bar chart of a statistic's breakdown."""
    parts = list((stat.breakdown or {}).items())
    biggest = max((abs(value) for _, value in parts), default=0) or 1
    height = ROW * len(parts) + 8
    title = f"{stat.label}{', ' + stat.period if stat.period else ''}"
    description = "Bar chart. " + "; ".join(f"{label}: {amount(value, stat.unit)}"
                                            for label, value in parts) + "."
    rows = []
    for index, (label, value) in enumerate(parts):
        top = index * ROW
        length = max(1.0, BAR_SPACE * abs(value) / biggest)
        rows.append(
            f'<text x="0" y="{top + 13}" fill="{TEXT_COLOUR}" font-size="14">{escape(label)}</text>'
            f'<rect x="0" y="{top + BAR_TOP}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{BAR_COLOUR}"></rect>'
            f'<text x="{length + 6:.1f}" y="{top + BAR_TOP + 13}" fill="{TEXT_COLOUR}" '
            f'font-size="14">{escape(amount(value, stat.unit))}</text>'
        )
    svg = (
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(rows) + "</svg>"
    )
    caption = f"{escape(title)}. The same numbers are in the table below."
    # The title comes first, as a reader meets it, then the bars.
    return Markup(f'<figure class="digest-chart"><figcaption>{caption}</figcaption>{svg}</figure>')
