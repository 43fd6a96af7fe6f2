"""bench/removals.py: a snippet the output lacks is credited to the removal that held it, to the candidate choice
when none did, or to the page when its text lacks it; the repairs' and the live readability pass's removals count."""

from __future__ import annotations

import lxml.html

from bench.removals import CHOICE, PAGE, trace_page
from server.extract import readability as readability_module

STORY = " ".join(
    f"Paragraph {n} of the story says that the council voted on the new tram line, which will link the station, "
    "the harbour and the old town, after a decade of debate over its cost."
    for n in range(8)
)
PAGE_HTML = f"""<html><head><title>Tram line approved</title></head><body>
<article><h1>Tram line approved</h1>
{"".join(f"<p>{sentence}.</p>" for sentence in STORY.split(". ") if sentence)}
<div class="newsletter-signup"><p>Get our morning briefing in your inbox every day.</p></div>
</article>
<aside class="sidebar"><p>Most read: the mayor's garden party, and the harbour festival's programme.</p></aside>
</body></html>"""


def test_snippets_are_credited_to_what_took_them() -> None:
    trace = trace_page(
        PAGE_HTML,
        "https://courier.example/city/tram",
        with_snippets=("Paragraph 3 of the story", "A sentence the page never had"),
        without_snippets=("Get our morning briefing", "the harbour festival's programme"),
    )
    credited = {snippet: name for _, name, snippet in trace.snippets}
    assert credited["A sentence the page never had"] == PAGE
    assert credited["Get our morning briefing"].startswith("rule:newsletter.yaml:newsletter:")
    # The sidebar is readability's to drop (its unlikely words) or to leave out of its pick.
    assert credited["the harbour festival's programme"] in (CHOICE, "extract/readability:remove_unlikely_candidates")
    assert "Paragraph 3 of the story" not in credited  # the output holds it: nothing to credit


def test_the_run_leaves_nothing_wrapped() -> None:
    before = (lxml.html.HtmlMixin.drop_tree, readability_module.TreeDocument._cleaned)
    trace_page(PAGE_HTML, None, (), ())
    assert (lxml.html.HtmlMixin.drop_tree, readability_module.TreeDocument._cleaned) == before


def test_shingles_are_measured_against_the_expected_article() -> None:
    trace = trace_page(PAGE_HTML, "https://courier.example/city/tram", (), (), expected=STORY)
    lost, clutter = trace.shingles[next(name for name in trace.shingles if "newsletter" in name)]
    assert lost == 0 and clutter > 0
