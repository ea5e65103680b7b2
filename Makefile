# The WayOut knowledge base. `make help` lists the targets.
#
# Everything runs from .venv, which the first target that needs it creates from the exact pins
# in requirements/*.lock. A stamp file per lock re-installs when a lock or pyproject.toml changes.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# The newest Python 3.11+ on PATH; override with `make PYTHON=/path/to/python3.12 ...`.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
HOST ?= 127.0.0.1
PORT ?= 8000

BIBTEX_VENV := .venv-mkdocs-bibtex

.PHONY: help setup serve build offline check test test-unit test-browser browser bench bench-scale bench-citations bench-preview clean

help:
	@echo "WayOut knowledge base"
	@echo "  make serve         set up .venv, build every language, serve on http://$(HOST):$(PORT)"
	@echo "  make serve LANG=fr preview one language only (en, fr, de, nl or pt): faster rebuilds"
	@echo "  make test          install test tools and Chromium, run the whole test suite"
	@echo "  make build         build every language into site/ (strict: a warning fails)"
	@echo "  make offline       build, then zip the site to read from file:// with no network (dist/)"
	@echo "  make check         validate sources (front matter) without building HTML"
	@echo "  make test-unit     run the tests that need no browser"
	@echo "  make test-browser  run only the real-browser tests"
	@echo "  make bench         run every benchmark and print its table (about 45 minutes)"
	@echo "  make bench-scale   our plugins against plain Material at 250 to 2,000 pages, 24 languages, preview"
	@echo "  make setup         only create .venv and install the pinned dependencies"
	@echo "  make clean         remove site/, dist/ and .venv/"

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: no Python 3.11 or newer on PATH — install it, or run make PYTHON=/path/to/python3.11"; \
		exit 1; fi
	@echo "==> creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): $(VENV)/bin/python requirements/site.lock pyproject.toml
	@echo "==> installing the pinned site dependencies (requirements/site.lock)"
	$(PIP) install --quiet -r requirements/site.lock
	$(PIP) install --quiet --no-deps --no-build-isolation --editable .
	@# An editable install is not compiled, as pip compiles every other package; without this, a
	@# machine with PYTHONDONTWRITEBYTECODE recompiles scripts/wayout in every build.
	$(BIN)/python -m compileall -q scripts/wayout
	@touch $@

$(TEST_STAMP): $(SITE_STAMP) requirements/test.lock
	@echo "==> installing the pinned test dependencies (requirements/test.lock)"
	$(PIP) install --quiet -r requirements/test.lock
	@touch $@

setup: $(SITE_STAMP)

# `make serve LANG=fr` previews one language only, which rebuilds much faster. LANG inherited from
# the environment is a locale (C.UTF-8, fr_FR.UTF-8), not a site language, and is ignored.
SITE_LANGUAGES := en fr de nl pt
PREVIEW_LANGUAGE := $(filter $(SITE_LANGUAGES),$(LANG))

serve: $(SITE_STAMP)
	@# PDFs add most of a minute to every rebuild: off while previewing, unless WAYOUT_PDF=true.
	@# One language rebuilds only the pages whose files changed (--dirty): about a second after an
	@# edit; search and lists on other pages catch up at the next full build (make serve). Not strict:
	@# MkDocs warns on every --dirty build, and strict mode would stop each rebuild on that warning;
	@# our plugins still stop on bad input, and make serve and make build stay strict.
	$(if $(PREVIEW_LANGUAGE),WAYOUT_LANGUAGE=$(PREVIEW_LANGUAGE) )WAYOUT_PDF=$${WAYOUT_PDF:-false} $(BIN)/mkdocs serve $(if $(PREVIEW_LANGUAGE),--no-strict --dirty,--strict) --dev-addr $(HOST):$(PORT)

build: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The site as a zip to read from file:// on a machine with no network (wayout/offline.py says how).
offline: build
	$(BIN)/python -m wayout.offline site dist/wayout-offline.zip

check: $(SITE_STAMP)
	$(BIN)/wayout check

browser:
	@bash scripts/install-chromium.sh

test: $(TEST_STAMP) browser
	$(BIN)/python -m pytest

test-unit: $(TEST_STAMP)
	$(BIN)/python -m pytest -m "not browser"

test-browser: $(TEST_STAMP) browser
	$(BIN)/python -m pytest -m browser

$(BIBTEX_VENV)/.installed: $(VENV)/bin/python benchmarks/mkdocs-bibtex.lock requirements/site.lock
	@echo "==> creating $(BIBTEX_VENV): mkdocs-bibtex 4.4, only for comparison in the citation benchmark"
	$(PYTHON) -m venv $(BIBTEX_VENV)
	$(BIBTEX_VENV)/bin/python -m pip --disable-pip-version-check install --quiet -r benchmarks/mkdocs-bibtex.lock
	@touch $@

bench-citations: $(SITE_STAMP) $(BIBTEX_VENV)/.installed
	$(BIN)/python -m benchmarks.bench_citations --bibtex-python $(BIBTEX_VENV)/bin/python

bench-preview: $(SITE_STAMP)
	$(BIN)/python -m benchmarks.bench_preview --language fr

# Synthetic sites of 250 to 2,000 pages in 5 languages and one in 24, each built with our plugins
# and with plain Material; then the preview rebuild of the real site. SCALE_ARGS passes options,
# e.g. make bench-scale SCALE_ARGS="--scales 250,500 --no-preview".
bench-scale: $(SITE_STAMP)
	$(BIN)/python -m benchmarks.bench_scale $(SCALE_ARGS)

# Both benchmarks run even when the first misses a target; the exit status says whether all were met.
bench: $(SITE_STAMP) $(BIBTEX_VENV)/.installed
	@status=0; \
	$(MAKE) --no-print-directory bench-scale || status=1; \
	$(MAKE) --no-print-directory bench-citations || status=1; \
	exit $$status

clean:
	rm -rf site dist $(VENV) $(BIBTEX_VENV)
