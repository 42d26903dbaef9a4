"""Finding the candidates: every rule's matches in a text, from one scan of it."""

from __future__ import annotations

import re

from ._resolution import Candidate, Rule
from ._rules import FLAGS, RULES, START


def _group_source(source: str, name: str) -> str:
    """The text of the group ``name`` in a pattern's source, parentheses included."""
    start = source.index(f"(?P<{name}>")
    depth, index, in_class = 0, start, False
    while True:
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += source[index + 1] == "]"  # a leading "]" is literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return source[start : index + 1]
        index += 1


_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_BACK_REFERENCE = re.compile(r"\(\?P=(\w+)\)")


def _unnamed(source: str) -> str:
    """A pattern with its groups unnamed and each back-reference standing for what its group
    can match: it matches wherever ``source`` does, and can share a pattern with others."""
    source = _BACK_REFERENCE.sub(lambda m: _group_source(source, m[1]), source)
    return _GROUP_NAME.sub("(?:", source)


def _joint_scan(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One pattern matching wherever any rule matches, its group ``r<i>`` naming the first
    such rule: one scan of the text finds the positions where rules are worth trying."""
    alternatives = "|".join(
        f"(?P<r{index}>{_unnamed(rule.pattern.pattern.removeprefix(START))})"
        for index, rule in enumerate(rules)
    )
    return re.compile(f"{START}(?:{alternatives})", FLAGS)


_JOINT = _joint_scan(RULES)
_FIRST_RULE = {f"r{index}": index for index in range(len(RULES))}
_EXPRESSION_GROUP = tuple("span" if "span" in rule.pattern.groupindex else 0 for rule in RULES)


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's standalone matches, overlapping ones included, rule by rule in text order:
    those a scan of the text with each rule in turn finds, from one scan with all of them.

    Rules are tried only where the joint pattern matches, from the first rule it names on; a
    rule is next tried after the end of its own match."""
    found: list[list[Candidate]] = [[] for _ in RULES]
    resume = [0] * len(RULES)
    position = 0
    while (hit := _JOINT.search(text, position)) is not None:
        start = position = hit.start()
        position += 1
        for index in range(_FIRST_RULE[hit.lastgroup or ""], len(RULES)):
            if resume[index] > start:
                continue
            rule = RULES[index]
            if (match := rule.pattern.match(text, start)) is None:
                continue
            group = _EXPRESSION_GROUP[index]
            found[index].append(Candidate(match.start(group), match.end(group), rule, match))
            resume[index] = max(match.end(), start + 1)
    return [candidate for candidates in found for candidate in candidates]
