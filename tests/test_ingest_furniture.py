"""Page furniture stays out of an article's body: related-links blocks, "READ ALSO" lines,
captions, newsletter, cookie and sharing boxes (pages written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.ingest import read_inputs
from wirecoder.schema import Article

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Shelling hits Kramatorsk market | Plains Courier</title>
<meta property="og:site_name" content="Plains Courier">
<meta property="article:published_time" content="2024-03-09T12:00:00+02:00">
</head><body>
<div id="gdpr-consent">We use cookies to give you the best experience. Accept all cookies</div>
<article>
<h1>Shelling hits Kramatorsk market</h1>
<figure><img src="/m.jpg"><figcaption>Smoke rises over the market.
Photo: Plains Courier</figcaption></figure>
<p>Russian artillery shelled a covered market in Kramatorsk on Saturday morning, killing two
traders and wounding six shoppers, the city's military administration said.</p>
<p>READ ALSO: {pointer}</p>
<p>The market had reopened last month after an earlier strike damaged its roof.</p>
<p>Photograph: Ilya Marchuk for the Plains Courier</p>
<div class="share-tools"><p>Share this article on social media</p></div>
<aside class="related-links"><h3>More on Donbas</h3>
<p><a href="/x">Floods close roads in Odesa region</a></p></aside>
<p>{box}</p>
</article></body></html>
"""


@pytest.mark.parametrize(
    ("pointer", "box"),
    [
        ("Texas rancher charged over wildfire", "Sign up for our morning newsletter, free."),
        ("Bond yields climb as markets wait", "Subscribe to get the Donbas briefing by email."),
    ],
)  # fmt: skip
def test_a_page_keeps_its_reporting_and_drops_its_furniture(
    tmp_path: Path, pointer: str, box: str
) -> None:
    page = tmp_path / "kramatorsk.html"
    page.write_text(PAGE.format(pointer=pointer, box=box), encoding="utf-8")
    [article] = list(read_inputs([page]))
    assert isinstance(article, Article), article
    assert article.text.startswith("Russian artillery shelled a covered market")
    assert "reopened last month" in article.text
    for furniture in (pointer, box, "cookies", "Photo:", "Photograph:", "Share this", "Floods"):
        assert furniture not in article.text
    assert article.publisher == "Plains Courier"


def test_a_page_of_nothing_but_furniture_has_no_body(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<html><body><article><p>READ ALSO: Storm closes airport</p>"
        "<p>Sign up for our newsletter to get the news first every morning.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [failure] = list(read_inputs([page]))
    assert not isinstance(failure, Article)
