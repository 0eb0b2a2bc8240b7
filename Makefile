# Set-up and checks. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo serve-demo test lint typecheck pytest accuracy package-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## Install, ingest the bundled sample archive into ./pathmine.db (SQLite) and print the flags.
demo: $(VENV)/.installed
	$(BIN)/pathmine demo

## The demo, then the review web app on http://127.0.0.1:8000/ with a demo reviewer (password printed once).
serve-demo: $(VENV)/.installed
	$(BIN)/pathmine demo --serve

## Install and run the whole test suite (lint, types, tests on SQLite and a throwaway PostgreSQL).
test: $(VENV)/.installed lint typecheck pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests db corpora benchmarks

typecheck: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed
	$(BIN)/python -m pytest

## Build sdist -> wheel from it -> fresh venv, and run the demo from the installed wheel.
package-check: $(VENV)/.installed
	bash .ci/package-check

## Accuracy against the gold corpora (writes docs/accuracy.md).
accuracy: $(VENV)/.installed
	$(BIN)/pathmine evaluate --gold corpora/dev/gold.jsonl corpora/dev/reports.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
