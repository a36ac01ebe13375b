# Two commands for an operator: `make run` (the daemon on its embedded default) and
# `make test` (the whole suite, with a real Dovecot). Everything else is a helper.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck unit bench clean help

help:
	@echo "make run    - install into .venv and start the daemon (local Maildir state/inbox by default)"
	@echo "make test   - install dev tools, Dovecot and PostgreSQL if missing; ruff, mypy, pytest, eval"
	@echo "make bench  - benchmarks: documents, then the full sync, memory, IDLE and status (about 15 min); writes bench/results.json"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs exactly the locked versions, then mailbot itself without resolving again.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements-dev.lock
	$(PIP) install --no-deps -e .
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/mailbot run

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check mailbot tests bench
	$(BIN)/ruff format --check mailbot tests bench

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

test: $(VENV)/.installed-dev
	bash scripts/ensure-dovecot
	bash scripts/ensure-postgres
	bash scripts/ensure-chromium
	$(BIN)/ruff check mailbot tests bench
	$(BIN)/mypy
	MAILBOT_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest
	$(BIN)/mailbot eval tests/corpus --check
	$(BIN)/mailbot eval tests/corpus_holdout --check
	$(BIN)/mailbot eval tests/corpus_real --check
	$(BIN)/mailbot eval tests/corpus_real_holdout  # a holdout: its score is printed, never tuned against

bench: $(VENV)/.installed-dev
	bash scripts/ensure-dovecot
	$(BIN)/python -m pytest bench -o python_files="bench_*.py" -p no:cacheprovider
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
