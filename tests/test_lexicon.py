"""The one loader of language data: a bad data file fails at set-up, naming file and entry."""

from __future__ import annotations

import pytest

from wirecoder import ConfigError
from wirecoder.lexicon import NUMBER_WORDS, Lexicon, OrderedWords, Words, parse


class _Cues(Lexicon):
    verbs: Words
    order: OrderedWords = ()
    strength: dict[str, int] = {}


def test_word_lists_read_as_strings_or_arrays() -> None:
    cues = parse('verbs = "say tell"\norder = ["go on", "add"]\n', "cues.toml", _Cues)
    assert cues.verbs == frozenset({"say", "tell"})
    assert cues.order == ("go on", "add")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('verbs = "say tell say"', r"cues.toml: verbs: .*listed more than once: 'say'"),
        ('verbs = ["go on", "go on"]', r"listed more than once: 'go on'"),
        ('verbs = "say"\nverb = "tell"', r"cues.toml: verb: Extra inputs"),
        ('verbs = "say"\n[strength]\nsay = "high"', r"cues.toml: strength.say: Input should be"),
        ("verbs = 3", r"cues.toml: verbs:"),
        ('verbs = "say"\nverbs = "tell"', r"cues.toml: not valid TOML"),
    ],
)
def test_a_bad_data_file_names_the_file_and_the_entry(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse(text, "cues.toml", _Cues)


def test_loaded_data_is_read_only() -> None:
    cues = parse('verbs = "say"', "cues.toml", _Cues)
    with pytest.raises(ValueError, match="frozen"):
        cues.verbs = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        NUMBER_WORDS["one"] = 2  # type: ignore[index]


def test_the_shared_number_words() -> None:
    assert (
        NUMBER_WORDS["twelve"] == 12 and NUMBER_WORDS["an"] == 1 and NUMBER_WORDS["hundred"] == 100
    )
