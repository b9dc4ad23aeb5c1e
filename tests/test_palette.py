"""The course's chart colours, checked by simulation (issue 16): every pair of colours of a categorical
palette stays distinguishable for readers with protanopia, deuteranopia or tritanopia (colorspacious's
CVD model at severity 100), and text and marks have the contrast WCAG 2.2 AA asks on the white page.
"""

from __future__ import annotations

import itertools

import pytest

colorspacious = pytest.importorskip("colorspacious")

from nbkit.charts import theme  # noqa: E402
from nbkit.charts.progress_chart import STATUS_COLOURS  # noqa: E402

#: Smallest colour difference between two categories, in CAM02-UCS ΔE′ (1 is about one just-noticeable
#: difference; 10 is the distance between Okabe–Ito's closest pair seen by a tritanope, rounded down).
MIN_DELTA_E = 10.0
CVD_TYPES = ("protanomaly", "deuteranomaly", "tritanomaly")
#: Every categorical palette a chart uses (name -> colours), from where the charts take them.
PALETTES = {
    "Okabe–Ito (answer paragraphs, actor kinds)": theme.OKABE_ITO,
    "stance": list(theme.STANCE_COLOURS.values()),
    "marker kind": list(theme.MARKER_KIND_COLOURS.values()),
    "quiz status": list(STATUS_COLOURS.values()),
    "timeline before/after": theme.OKABE_ITO[4:6],
}


def _rgb(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def seen_with(colour: str, cvd: str | None):
    """``colour`` as sRGB1, as a reader with ``cvd`` (None: typical colour vision) sees it."""
    import numpy as np

    rgb = np.array(_rgb(colour))
    if cvd is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
    return np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)


def closest_pair(colours, cvd: str | None) -> tuple[float, str, str]:
    """The smallest CAM02-UCS difference between two of ``colours`` under ``cvd``, and that pair."""
    return min(
        (float(colorspacious.deltaE(seen_with(a, cvd), seen_with(b, cvd), input_space="sRGB1")), a, b)
        for a, b in itertools.combinations(colours, 2)
    )


def contrast(fore: str, back: str) -> float:
    """WCAG 2.2 contrast ratio of two sRGB colours (relative luminance, 1 to 21)."""

    def luminance(colour):
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fore), luminance(back)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_wcag():
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes 4.5:1 on white
    assert round(contrast("#F0E442", "#ffffff"), 2) == 1.32


def test_simulation_changes_colours_and_finds_a_known_confusion():
    # red and green, told apart easily with typical vision, nearly merge for a deuteranope
    typical, _, _ = closest_pair(["#D62728", "#2CA02C"], None)
    deutan, _, _ = closest_pair(["#D62728", "#2CA02C"], "deuteranomaly")
    assert typical > 50 and deutan < MIN_DELTA_E


@pytest.mark.parametrize("cvd", [None, *CVD_TYPES])
@pytest.mark.parametrize("name", list(PALETTES))
def test_every_pair_of_categories_stays_distinguishable(name, cvd):
    distance, a, b = closest_pair(PALETTES[name], cvd)
    assert distance >= MIN_DELTA_E, f"{name}: {a} and {b} differ by only {distance:.1f} ΔE′ ({cvd or 'typical'})"


def test_text_has_4_5_to_1_contrast():
    config = theme.THEME_CONFIG
    texts = [config["title"]["color"], config["title"]["subtitleColor"], config["text"]["color"]]
    for part in ("axis", "legend", "header"):
        texts += [config[part]["labelColor"], config[part]["titleColor"]]
    assert config["background"] == theme.BACKGROUND
    ratios = {c: round(contrast(c, theme.BACKGROUND), 2) for c in texts}
    assert min(ratios.values()) >= 4.5, ratios
    assert ratios[theme.TEXT] == 17.4 and ratios[theme.MUTED_TEXT] == 8.45


def test_every_mark_colour_or_its_outline_has_3_to_1_contrast():
    outline = contrast(theme.OUTLINE, theme.BACKGROUND)
    assert outline >= 3.0
    for mark in ("bar", "rect", "arc", "area", "point"):
        assert theme.THEME_CONFIG[mark]["stroke"] == theme.OUTLINE
    light = sorted({c for colours in PALETTES.values() for c in colours if contrast(c, theme.BACKGROUND) < 3.0})
    # these fills rely on the outline; the rest stand out on their own
    assert light == ["#56B4E9", "#999999", "#BBBBBB", "#E69F00", "#F0E442"]
    assert round(contrast(theme.OUTLINE, theme.BACKGROUND), 2) == 12.63


def test_lines_have_3_to_1_contrast():
    assert round(contrast(theme.LINK_GREY, theme.BACKGROUND), 2) == 4.54
    r, g, b = (theme.LINK_OPACITY * c + (1 - theme.LINK_OPACITY) for c in _rgb(theme.OKABE_ITO[4]))
    blended = "#" + "".join(f"{round(v * 255):02x}" for v in (r, g, b))  # the blue line drawn over white
    assert blended == "#4d9cc9" and round(contrast(blended, theme.BACKGROUND), 2) == 3.04
