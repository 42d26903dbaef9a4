"""Fuzzing the readers, the pipeline and the command line with generated input (hypothesis).

Each property holds for any input: the run finishes; every item is analysed or named as failed
(and a text the readers accepted is never failed by the analysis: a stage that raises is a bug);
every analysis validates against ``schema/analysis.schema.json`` and every span slices the text
it claims. Inputs mix wire-story fragments with what breaks parsers: lone surrogates, control
and bidi characters, superscript and other-script digits, runs of thousands of digits, deep JSON,
character references to no character, stray bytes, dates at the ends of the calendar.

The suite runs a fixed, small sample of each property (derandomized, so CI is repeatable, and
bounded to well under a minute); ``bench/fuzz.py`` runs the same properties on many random cases.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import jsonschema  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wirecoder import Analysis, Failure, Pipeline
from wirecoder.cli import app
from wirecoder.ingest import EARLIEST_DATE, LATEST_DATE, article_from_text, read_inputs
from wirecoder.schema import Article

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))


def budget(examples: int, derandomize: bool = True) -> settings:
    """Settings that run ``examples`` cases of a property, the same ones every run unless
    ``derandomize`` is off (bench/fuzz.py's long runs)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=derandomize,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- what the inputs are made of -------------------------------------------------------------

ACTORS = [
    "Russian forces",
    "The Rapid Support Forces",
    "Israeli aircraft",
    "M23 rebels",
    "Gunmen",
    "Myanmar's military",
    "Houthi fighters",
    "He",
]
VERBS = ["shelled", "attacked", "seized", "struck", "killed", "bombed", "besieged", "raided"]
PLACES = [
    "Kharkiv",
    "El Fasher",
    "Gaza City",
    "Goma",
    "a village 20 km north of Menaka",
    "Sagaing region",
    "the port of Hodeidah",
    "Springfield",
]
SOURCES = [
    "officials said",
    "the regional governor said on Telegram",
    "according to a U.N. spokesperson",
    "a witness told Reuters",
    "the ministry claimed, citing unnamed sources",
    "it was not immediately possible to verify",
]
NUMBERS = [
    "two",
    "14",
    "1²",
    "²³",
    "4⁵",
    "١٢",
    "½",
    "2.5",
    "1,000,000,000,000",
    "9" * 40,
    "12345678901234567890",
    "dozens of",
    "at least 7",
    "between 3 and 5",
    "-5",
    "0",
]
WHEN = [
    "on Monday",
    "overnight",
    "last week",
    "on 31 February 2023",
    "in the year 9999",
    "3,000 years ago",
    "in 0001",
    "on March 14",
    "in 2199",
    "since 1800",
    "in the next 10,000 years",
    "on 12/31/9999",
    "yesterday",
    "during Ramadan",
]
ODD = [
    "\ud800",
    "\udfff",
    "\u202e",
    "\x1b[31m",
    "\x9b2J",
    "\u200b",
    "\ufeff",
    "\x00",
    "&#55296;",
    "<script>alert(1)</script>",
    "=HYPERLINK(1)",
    "|",
    "“",
    "\u2028",
    "\r\n",
    "\t",
    "\n\n",
    "\u0301",
    "🇺🇦",
    "[link=x]",
]

noise = st.text(st.characters(blacklist_categories=()), max_size=12)
"""Any code points at all, lone surrogates and controls included."""


@st.composite
def sentences(draw: st.DrawFn) -> str:
    sentence = (
        f"{draw(st.sampled_from(ACTORS))} {draw(st.sampled_from(VERBS))} "
        f"{draw(st.sampled_from(PLACES))} {draw(st.sampled_from(WHEN))}, killing "
        f"{draw(st.sampled_from(NUMBERS))} people, {draw(st.sampled_from(SOURCES))}."
    )
    if draw(st.booleans()):
        at = draw(st.integers(0, len(sentence)))
        extra = draw(st.one_of(st.sampled_from(ODD), noise))
        sentence = sentence[:at] + extra + sentence[at:]
    return sentence


@st.composite
def stories(draw: st.DrawFn) -> str:
    """A wire story: a few sentences in a paragraph or two, sometimes with a dateline."""
    body = draw(st.lists(sentences(), min_size=1, max_size=5))
    breaks = draw(st.sampled_from([" ", "\n\n", "\n"]))
    story = breaks.join(body)
    if draw(st.booleans()):
        story = (
            f"KYIV, {draw(st.sampled_from(['March 3', 'Feb 29', 'May 2']))} (Reuters) - " + story
        )
    return story


days = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)
any_day = st.one_of(days, st.dates())
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> str:
    """One JSONL line: mostly an article record with odd fields, sometimes anything at all."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(noise).replace("\n", " ")  # a line is what lies between newlines
    if kind == 1:
        return draw(st.sampled_from(["[" * 3000 + "]" * 3000, '{"text": ' + "9" * 5001 + "}"]))
    record: dict[str, Any] = {"text": draw(st.one_of(stories(), json_values))}
    for key in draw(st.lists(st.sampled_from(["published", "title", "publisher", "byline"]))):
        record[key] = draw(
            st.one_of(json_values, any_day.map(dt.date.isoformat), st.sampled_from(ODD))
        )
    line = json.dumps(record, ensure_ascii=draw(st.booleans()))
    return line.replace("\n", " ")


@st.composite
def feeds(draw: st.DrawFn) -> str:
    entries = "".join(
        f"<item><title>{draw(st.sampled_from(ODD))}</title><description>{story}"
        "</description></item>"
        for story in draw(st.lists(stories(), min_size=1, max_size=3))
    )
    closing = draw(st.sampled_from(["</channel></rss>", "</channel>", ""]))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{entries}{closing}'


@st.composite
def pages(draw: st.DrawFn) -> str:
    depth = draw(st.sampled_from([0, 3, 300]))
    paragraphs = "".join(f"<p>{story}</p>" for story in draw(st.lists(stories(), max_size=3)))
    return (
        f"<html><head><title>{draw(st.sampled_from(ODD))}</title></head><body><article>"
        f"{'<div>' * depth}{paragraphs}{'</div>' * depth}</article></body></html>"
    )


@st.composite
def input_files(draw: st.DrawFn) -> tuple[str, bytes, bytes | None]:
    """A file name, its bytes, and the bytes of a sidecar beside it (or None)."""
    kind = draw(st.sampled_from(["txt", "jsonl", "xml", "html", "bin"]))
    if kind == "txt":
        text = draw(stories())
    elif kind == "jsonl":
        text = "\n".join(draw(st.lists(jsonl_lines(), min_size=1, max_size=4)))
    elif kind == "xml":
        text = draw(feeds())
    elif kind == "html":
        text = draw(pages())
    else:
        return "story.txt", draw(st.binary(max_size=200)), None
    data = text.encode("utf-8", errors=draw(st.sampled_from(["surrogatepass", "replace"])))
    if draw(st.booleans()):  # a stray byte of another encoding
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + draw(st.sampled_from([b"\xe9", b"\x96", b"\xff", b"\xe2\x80"])) + data[at:]
        )
    sidecar = None
    if kind == "txt" and draw(st.booleans()):
        sidecar = draw(
            st.one_of(
                json_values.map(lambda value: json.dumps(value).encode()),
                st.sampled_from([b"[" * 100_000, b'{"title": ' + b"7" * 5000 + b"}"]),
            )
        )
    return f"story.{kind}", data, sidecar


# --- what must hold ---------------------------------------------------------------------------


@cache
def pipeline() -> Pipeline:
    return Pipeline()


@cache
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMA)


def spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every span (a ``{start, end, text}`` object) in a JSON document."""
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:
            yield value
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)


def check_analysis(analysis: Analysis) -> None:
    """Writable as UTF-8 JSON, valid against the checked-in schema, every span in place."""
    document = json.loads(analysis.model_dump_json())
    validator().validate(document)
    text = document["article"]["text"]
    for span in spans({key: value for key, value in document.items() if key != "article"}):
        assert text[span["start"] : span["end"]] == span["text"], span


def check_read(items: list[Article | Failure]) -> None:
    for item in items:
        assert isinstance(item, Article | Failure)
        if isinstance(item, Article):
            assert item.text.strip()
            item.model_dump_json()  # no lone surrogate left in any field
        else:
            assert item.source and item.reason
            str(item).encode("utf-8")


def check_files(files: list[tuple[str, bytes, bytes | None]]) -> list[Article | Failure]:
    with TemporaryDirectory() as folder:
        for number, (name, data, sidecar) in enumerate(files):
            path = Path(folder, f"{number}-{name}")
            path.write_bytes(data)
            if sidecar is not None:
                path.with_suffix(".json").write_bytes(sidecar)
        items = list(read_inputs([folder]))
    check_read(items)
    return items


def check_pipeline(articles: list[Article]) -> None:
    results = pipeline().analyze_batch(articles)
    assert len(results) == len(articles)
    for article, result in zip(articles, results, strict=True):
        assert not isinstance(result, Failure), result  # a stage raised on text read as valid
        assert result.article == article
        check_analysis(result)


# --- the properties ---------------------------------------------------------------------------


def readers_name_every_item(files: list[tuple[str, bytes, bytes | None]]) -> None:
    check_files(files)


def jsonl_gives_one_item_per_line(lines: list[str]) -> None:
    items = check_files([("wire.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"), None)])
    assert len(items) == sum(1 for line in lines if line.strip()) or (
        len(items) == 1 and isinstance(items[0], Failure)  # a file that is no text at all
    )


def pipeline_analyses_every_story(stories_and_days: list[tuple[str, dt.date | None]]) -> None:
    articles = []
    for story, day in stories_and_days:
        try:
            articles.append(article_from_text(story, published=day))
        except Exception as error:  # noqa: BLE001 - only InputError may refuse a text
            assert type(error).__name__ == "InputError", error
    check_pipeline(articles)


def cli_run_accounts_for_every_item(
    files: list[tuple[str, bytes, bytes | None]], output_format: str
) -> None:
    items = check_files(files)
    with TemporaryDirectory() as folder:
        for number, (name, data, sidecar) in enumerate(files):
            path = Path(folder, f"{number}-{name}")
            path.write_bytes(data)
            if sidecar is not None:
                path.with_suffix(".json").write_bytes(sidecar)
        output = Path(folder, "out", f"analysis.{output_format}")
        result = CliRunner().invoke(
            app, ["analyze", folder, "-f", output_format, "-o", str(output)]
        )
        failed = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert result.exit_code == (1 if failed else 0), result.output
        assert "Traceback" not in result.output
        analysed = _documents(output, output_format)
    assert len(analysed) + len(failed) == len(items), (result.stderr, len(analysed))
    assert len(analysed) == sum(isinstance(item, Article) for item in items)
    for document in analysed:
        check_analysis(Analysis.model_validate(document))


PROPERTIES: dict[str, tuple[Any, tuple[st.SearchStrategy[Any], ...], int]] = {
    "readers": (
        readers_name_every_item,
        (st.lists(input_files(), min_size=1, max_size=4),),
        120,
    ),
    "jsonl": (
        jsonl_gives_one_item_per_line,
        (st.lists(jsonl_lines(), min_size=1, max_size=6),),
        120,
    ),
    "pipeline": (
        pipeline_analyses_every_story,
        (st.lists(st.tuples(stories(), st.one_of(st.none(), days)), min_size=1, max_size=3),),
        30,
    ),
    "cli": (
        cli_run_accounts_for_every_item,
        (st.lists(input_files(), min_size=1, max_size=3), st.sampled_from(["json", "jsonl"])),
        8,
    ),
}
"""Each property: the function that checks one case, the strategies of its arguments, and how
many cases the suite runs."""


def suite_test(name: str) -> Any:
    check, strategies, examples = PROPERTIES[name]
    return budget(examples)(given(*strategies)(check))


test_readers_name_every_item = suite_test("readers")
test_jsonl_gives_one_item_per_line = suite_test("jsonl")
test_pipeline_analyses_every_story = suite_test("pipeline")
test_cli_run_finishes_and_accounts_for_every_item = suite_test("cli")


def _documents(output: Path, output_format: str) -> list[dict[str, Any]]:
    if not output.exists():
        return []
    text = output.read_text(encoding="utf-8")
    if output_format == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    loaded = json.loads(text)
    return loaded if isinstance(loaded, list) else [loaded]
