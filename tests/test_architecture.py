"""The layout rules of ARCHITECTURE.md, checked on the source tree rather than trusted."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "wirecoder"
MAX_LINES = 600


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, absolute module, imported names) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ""
    if path.is_relative_to(PACKAGE):
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            yield node.lineno, module, [alias.name for alias in node.names]


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if parts[:2] == ["wirecoder", "stages"] and len(parts) > 2 else None


def _is_private(module: str, names: list[str]) -> bool:
    parts = module.split(".")
    return any(part.startswith("_") for part in parts) or any(
        name.startswith("_") and not name.startswith("__") for name in names
    )


@pytest.mark.parametrize("path", _modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_the_line_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (limit {MAX_LINES})"


def test_a_stage_reaches_another_stage_only_through_its_public_names() -> None:
    offences = []
    for path in _modules(PACKAGE):
        own = _stage_of(_module_name(path))
        for line, module, _ in _imports(path):
            other = _stage_of(module)
            if other is not None and other != own and module != f"wirecoder.stages.{other}":
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not offences, "\n".join(offences)


def test_only_tests_and_benches_use_the_test_data_generator() -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _modules(PACKAGE)
        if not _module_name(path).startswith("wirecoder.testing")
        for line, module, _ in _imports(path)
        if module.startswith("wirecoder.testing")
    ]
    assert not offences, offences


@pytest.mark.parametrize("folder", ["tests", "bench"])
def test_tests_and_benches_use_public_names_only(folder: str) -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {module} {names}"
        for path in _modules(ROOT / folder)
        for line, module, names in _imports(path)
        if module.startswith("wirecoder") and _is_private(module, names)
    ]
    assert not offences, "\n".join(offences)


def test_every_data_file_of_a_stage_is_read_by_its_stage() -> None:
    unread = []
    for data_file in sorted((PACKAGE / "stages").glob("*/data/*.toml")):
        package = data_file.parent.parent
        code = "".join(path.read_text(encoding="utf-8") for path in package.rglob("*.py"))
        if f'"{data_file.stem}"' not in code:
            unread.append(str(data_file.relative_to(ROOT)))
    assert not unread, f"data files no code loads by name: {unread}"
