# The two commands of README.md: `make run` and `make test`.
# Needs only Python 3.11, make and apt on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium

.PHONY: run test setup setup-test build chromium lint

## Set everything up, build the site from catalogue/, serve on 127.0.0.1:8000.
run: build
	$(BIN)/terbuka serve

## Run every check: lint, formatting and the whole test suite.
test: setup-test chromium lint
	$(BIN)/python -m pytest

build: setup
	$(BIN)/terbuka build

setup: $(VENV)/.runtime-installed

setup-test: $(VENV)/.test-installed

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed: installing python3-venv"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && \
	  $(PYTHON) -m venv $(VENV); }

$(VENV)/.runtime-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium for the browser tests; Playwright never downloads one.
chromium:
	@test -x $(CHROMIUM) || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

lint: setup-test
	$(BIN)/ruff check relay site_src scripts tests
	$(BIN)/ruff format --check relay site_src scripts tests
