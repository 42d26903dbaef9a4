"""HTML: whole pages through trafilatura, feed-entry fragments through a small text collector.

Page furniture (related-links blocks, "READ ALSO" lines, captions, newsletter and cookie boxes)
is left out: blocks by their class or id before extraction, lines by their wording after
(``data/boilerplate.toml``).
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from typing import Any

from .._errors import InputError
from ..lexicon import Lexicon, Words, load
from ._article import parse_timestamp
from ._credits import split_names
from ._decode import warn
from ._metadata import Metadata

# Fewer words than this is navigation or a stub, not an article.
_MIN_BODY_WORDS = 8
_PARAGRAPH_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    ]
)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_SHORT_WORDS = 40
"""A box or caption is shorter than this many words."""


class Boilerplate(Lexicon):
    """Page furniture (``data/boilerplate.toml``)."""

    blocks: Words
    labels: Words
    boxes: Words
    captions: Words


class _Furniture:
    """The boilerplate words, compiled."""

    def __init__(self, data: Boilerplate) -> None:
        self.blocks = frozenset(word.casefold() for word in data.blocks)
        labels = "|".join(re.escape(label) for label in sorted(data.labels, key=len, reverse=True))
        self.label = re.compile(rf"^\W*(?:{labels})\s*(?::|$)", re.IGNORECASE)
        self.boxes = tuple(word.casefold() for word in data.boxes)
        self.captions = tuple(word.casefold() for word in data.captions)

    def is_block(self, attribute: str) -> bool:
        value = attribute.casefold().strip()
        parts = set(re.split(r"[\s_-]+", value))
        return value in self.blocks or bool(parts & self.blocks)

    def is_furniture(self, paragraph: str) -> bool:
        """A "READ ALSO: ..." line, or a short newsletter, cookie or caption paragraph."""
        if self.label.match(paragraph):
            return True
        if len(paragraph.split()) >= _SHORT_WORDS:
            return False
        folded = paragraph.casefold()
        return any(word in folded for word in self.boxes + self.captions)


@functools.cache
def _furniture() -> _Furniture:
    return _Furniture(load("wirecoder.ingest", "boilerplate", Boilerplate))


class _TextCollector(HTMLParser):
    """Text of an HTML fragment: block elements become paragraphs, ``<br>`` a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment with paragraph breaks kept (whitespace is normalized
    later)."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)


def _without_blocks(page: Any) -> Any:
    """The page (its text, or a tree already parsed) as a tree without the furniture blocks,
    or as given when it does not parse."""
    # lxml ships no type information (trafilatura, which depends on it, is untyped as well).
    from lxml import etree, html  # type: ignore[import-untyped]

    if isinstance(page, str):
        try:
            tree = html.document_fromstring(page)
        except (etree.ParserError, ValueError):
            return page
    else:
        tree = page
    furniture = _furniture()
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in ("html", "body", "head", "article", "main")
        and any(furniture.is_block(element.get(name) or "") for name in ("class", "id"))
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return tree


_DEPTH_LIMIT = "Excessive depth in document"


def _parse(page: bytes, huge: bool) -> tuple[Any, bool]:
    """The page parsed by lxml as trafilatura parses it, and whether the parser hit its depth
    limit (255 levels; 2,048 with ``huge``) and dropped what lies deeper."""
    import lxml.html  # type: ignore[import-untyped]  # trafilatura's parser, no stubs

    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge,
    )
    try:
        tree = lxml.html.fromstring(page, parser=parser)
    except Exception:  # noqa: BLE001 - lxml refuses some pages; trafilatura reads them its own way
        return None, False
    return tree, any(_DEPTH_LIMIT in entry.message for entry in parser.error_log)


def _deep_page(page: str, source: str) -> Any:
    """For a page nested deeper than lxml's 255 levels (whose deeper paragraphs trafilatura's
    parse would drop), the tree parsed without that limit, with a warning; else None."""
    encoded = page.encode("utf-8", errors="replace")
    _, too_deep = _parse(encoded, huge=False)
    if not too_deep:
        return None
    tree, still_too_deep = _parse(encoded, huge=True)
    if tree is None:
        return None
    lost = "; text nested deeper than 2,048 levels is dropped" if still_too_deep else ", read whole"
    warn(source, f"the HTML nests elements more than 255 levels deep{lost}")
    return tree


def read_html(page: str, source: str) -> tuple[str, Metadata]:
    """The article body of a page and its metadata (title, date, site name as publisher, url)."""
    import trafilatura
    from trafilatura.settings import Document

    deep = _deep_page(page, source)
    extracted = trafilatura.bare_extraction(
        _without_blocks(page if deep is None else deep), with_metadata=True
    )
    document = extracted if isinstance(extracted, Document) else None  # a dict only if asked
    body = document.text if document is not None and document.text else ""
    furniture = _furniture()
    paragraphs = [
        line for line in body.split("\n") if line.strip() and not furniture.is_furniture(line)
    ]
    if document is None or len(" ".join(paragraphs).split()) < _MIN_BODY_WORDS:
        raise InputError(source, "no article body found in the HTML page")
    title = document.title or None
    if title and paragraphs[0].strip() == title.strip():
        paragraphs.pop(0)
    metadata = Metadata(
        published=parse_timestamp(document.date, source) if document.date else None,
        publisher=document.sitename or None,
        title=title,
        url=document.url or None,
        byline=tuple(split_names(document.author)) if document.author else (),
    )
    return "\n\n".join(paragraphs), metadata
