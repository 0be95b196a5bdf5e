# The README's two commands: `make demo` and `make test`. Both set up first.
PY ?= python3
VENV := .venv
CHECKOV_VENV := .venv-checkov
BIN := $(VENV)/bin
CHECKOV_VERSION := checkov>=3.3,<3.4

.PHONY: setup demo test lint typecheck unit bench clean

setup: $(VENV)/.stamp $(CHECKOV_VENV)/.stamp node_modules/.stamp

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

node_modules/.stamp: package.json
	npm install --no-audit --no-fund --silent
	touch $@

demo: setup
	$(BIN)/fixbot demo

lint: setup
	$(BIN)/ruff check bot rewriters tests
	$(BIN)/mypy

test: setup lint
	$(BIN)/python -m pytest
	
bench: setup
	$(BIN)/python -m bot.bench

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) node_modules
