"""The reading page's "Who said what" panel (server/web/render.py, templates/reader.html): after the header, the key
speakers with their counts, every other source behind one toggle, each statement whole (all its fragments)."""

from __future__ import annotations

from lxml import html

from server.pipeline import clean
from server.web.render import PANEL_KEY_SPEAKERS, panel_groups, render_page, speaker_groups

ARTICLE = """<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>
<p>The council met on Monday to vote on the harbour plan, which has divided the town for a year.</p>
<p>“We were stunned,” Mayor Maria Lopez said. “Nobody expected the vote to pass.”</p>
<p>“We will rebuild the quay first.”</p>
<p>Lopez added that the work would start in spring and that the budget was already set aside.</p>
<p>Residents said the harbour had been neglected for years and that the plan came late.</p>
<p>Critics said the cost would double before the work was done, and the report said so too.</p>
<p>“It is a good day for the town,” said Tom Baker, who runs the ferry.</p>
</article></body></html>"""


def _page() -> tuple[object, html.HtmlElement]:
    result = clean(ARTICLE, "https://example.org/harbour")
    return result, html.fromstring(render_page(result))


def test_the_panel_opens_on_key_speakers_with_counts_and_hides_the_rest_behind_a_toggle():
    result, page = _page()
    key, others = panel_groups(result)
    assert key and len(key) <= PANEL_KEY_SPEAKERS and all(group.key for group in key)
    assert key[0].name == "Maria Lopez" and len(key[0].items) == 2  # the split quote and "added": one speaker
    panel = page.xpath("//aside[@class='panel']")[0]
    assert panel.getprevious().tag == "header" and panel.getnext().tag == "article"  # after the header
    opened = panel.xpath("./ul[@class='speakers']/li")
    assert [li.xpath(".//span[@class='speaker']")[0].text for li in opened] == [group.name for group in key]
    assert opened[0].xpath(".//span[@class='count']")[0].text == "2"
    hidden = panel.xpath("./details[@class='more']//span[@class='speaker']/text()")
    assert sorted(hidden) == sorted(group.name for group in others) and "residents" in [h.lower() for h in hidden]
    assert not set(hidden) & {group.name for group in key}


def test_a_split_quote_reads_whole_in_the_panel_and_every_fragment_is_marked_in_the_text():
    result, page = _page()
    lopez = next(a for a in result.attributions if a["speaker"] == "Maria Lopez" and a["cue"] == "said")
    assert len(lopez["content_fragments"]) == 3  # "X," said. "Y." and the cue-less paragraph after
    link = page.xpath(f"//aside//a[@href='#attr-{lopez['id']}']")[0]
    assert link.text == "“We were stunned,” … “Nobody expected the vote to pass.” … “We will rebuild the quay first.”"
    marked = page.xpath(f"//article//span[@class='attr-content'][@data-attr='{lopez['id']}']")
    assert [span.text_content() for span in marked] == [
        "“We were stunned,”",
        "“Nobody expected the vote to pass.”",
        "“We will rebuild the quay first.”",
    ]


def test_groups_merge_case_and_leave_beliefs_out():
    items = [
        {"id": "a1", "speaker": None, "source": "The report", "kind": "indirect", "key": False, "rank": None},
        {"id": "a2", "speaker": None, "source": "the report", "kind": "indirect", "key": False, "rank": None},
        {"id": "a3", "speaker": "Jo Li", "source": "Li", "kind": "belief", "key": True, "rank": 1},
    ]
    assert [(name, [item["id"] for item in group]) for name, group in speaker_groups(items)] == [
        ("The report", ["a1", "a2"])
    ]
