# The two set-up commands: `make demo` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint schema bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirecoder analyze examples/kostiantynivka-2025-03-14.txt --format markdown

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

# Types and style: mypy --strict over src, tests and bench; ruff's lint rules and formatting.
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

schema: $(STAMP)
	$(BIN)/python -m wirecoder.cli schema --output schema/analysis.schema.json

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
