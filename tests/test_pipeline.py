"""The stage registry, the config, and the pipeline that wires them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from wirecoder import (
    Config,
    ConfigError,
    Document,
    Failure,
    Pipeline,
    analyze_stream,
    check_order,
    get_stage,
    stage,
)
from wirecoder.schema import Analysis, Article

MENTIONS_ONLY = Config(model=Config.default().model, stages=("mentions.v1",))


def test_stages_are_found_by_versioned_name() -> None:
    spec = get_stage("mentions.v1")
    assert (spec.name, spec.version, spec.assigns) == ("mentions", "1", ("mentions",))


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("mentions.v9", "no stage registered"),
        ("nosuchstage.v1", "no stage module"),
        ("mentions", "name.vN"),
    ],
)
def test_unknown_stage_is_a_config_error(key: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        get_stage(key)


def test_order_is_checked_before_anything_runs() -> None:
    @stage("needs_claims_probe", "1", assigns=("events",), requires=("claims",))
    def factory(nlp: Any, settings: Mapping[str, Any]) -> Any:
        return lambda document: None

    with pytest.raises(ConfigError, match="requires \\['claims'\\]"):
        check_order([get_stage("mentions.v1"), get_stage("needs_claims_probe.v1")])


def test_unknown_document_part_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown document parts"):
        stage("bad_probe", "1", assigns=("sentiment",))


def test_default_config_names_every_stage_in_a_valid_order() -> None:
    config = Config.default()
    check_order([get_stage(key) for key in config.stages])
    assert config.stages[0] == "mentions.v1"


def test_config_errors_name_the_origin(tmp_path: Any) -> None:
    bad = tmp_path / "pipeline.toml"
    bad.write_text("[nlp]\nmodel = 'x'\n")
    with pytest.raises(ConfigError, match="pipeline.toml: missing"):
        Config.from_path(bad)
    bad.write_text("not toml [")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.from_path(bad)


def test_missing_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        Pipeline(Config(model="no_such_spacy_model_xyz", stages=("mentions.v1",)))


def test_stage_settings_reach_the_factory() -> None:
    config = Config(
        model=MENTIONS_ONLY.model,
        stages=("mentions.v1",),
        settings={"mentions.v1": {"skip_labels": ["DATE", "GPE", "NORP", "PERSON", "ORG"]}},
    )
    analysis = Pipeline(config).analyze(Article(text="Ukrainian troops left Avdiivka on Saturday."))
    assert {mention.label for mention in analysis.mentions}.isdisjoint({"DATE", "NORP"})


def test_a_failing_stage_fails_only_its_article() -> None:
    @stage("fails_on_marker_probe", "1", assigns=("events",), requires=("doc",))
    def factory(nlp: Any, settings: Mapping[str, Any]) -> Any:
        def run(document: Document) -> None:
            if "MARKER" in document.text:
                raise RuntimeError("probe failure")

        return run

    config = Config(model=MENTIONS_ONLY.model, stages=("mentions.v1", "fails_on_marker_probe.v1"))
    articles = [
        Article(text="Shelling hit Kherson.", source="a"),
        Article(text="MARKER", source="b"),
        Article(text="Talks resumed in Istanbul.", source="c"),
    ]
    results = Pipeline(config).analyze_batch(articles)
    assert [type(result).__name__ for result in results] == ["Analysis", "Failure", "Analysis"]
    assert isinstance(results[1], Failure) and "b: analysis failed" in str(results[1])


@pytest.mark.slow
def test_two_workers_give_the_same_analyses_as_one() -> None:
    articles = [
        Article(text=f"Russian forces shelled Kharkiv {n} times, officials said.", source=str(n))
        for n in range(6)
    ]
    config = Config(model=MENTIONS_ONLY.model, stages=MENTIONS_ONLY.stages, batch_size=2)
    one = [dump(result) for result in analyze_stream(articles, config, workers=1)]
    two = [dump(result) for result in analyze_stream(articles, config, workers=2)]
    assert one == two and len(one) == 6


def dump(result: Analysis | Failure) -> dict[str, Any]:
    assert isinstance(result, Analysis), result
    return result.model_dump()


def test_a_part_read_when_present_must_come_from_an_earlier_stage() -> None:
    with pytest.raises(
        ConfigError, match=r"actors.v1 reads \[.places.\], which places.v1 assigns after"
    ):
        check_order(
            [get_stage(key) for key in ("mentions.v1", "actors.v1", "events.v1", "places.v1")]
        )
    # without the places stage at all, events run on what there is
    check_order([get_stage(key) for key in ("mentions.v1", "actors.v1", "events.v1")])


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"places.v1": {"focus_country": ["UA"]}}, r"places.v1: focus_country: Extra inputs"),
        ({"events.v1": {"keep_negated": "perhaps"}}, r"events.v1: keep_negated: Input should be"),
        ({"plcaes.v1": {}}, r"no stage module named 'plcaes'"),
    ],
)
def test_a_misspelled_setting_or_stage_table_is_a_config_error(
    tmp_path: Any, settings: dict[str, dict[str, Any]], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        Pipeline(Config(model=MENTIONS_ONLY.model, stages=("mentions.v1",), settings=settings))
    table, values = next(iter(settings.items()))
    lines = "".join(f"{key} = {value!r}\n".replace("'", '"') for key, value in values.items())
    path = tmp_path / "pipeline.toml"
    path.write_text(
        f'[nlp]\nmodel = "x"\n[pipeline]\nstages = ["mentions.v1"]\n[stages."{table}"]\n{lines}'
    )
    with pytest.raises(ConfigError, match="pipeline.toml: .*" + message):
        Config.from_path(path)
