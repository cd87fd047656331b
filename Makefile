# Two commands for a newcomer: `make serve` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
CONTENT ?= content
OUTPUT ?= output
HOST ?= 127.0.0.1
PORT ?= 8000
# The public address the site is served from, e.g. https://example.org/meetings/2022/
# (canonical links, sitemap, QR codes, absolute 404 links): make build BASE_URL=...
BASE_URL ?=
SITE_ARGS = --content $(CONTENT) --output $(OUTPUT)$(if $(BASE_URL), --base-url '$(BASE_URL)')

.PHONY: build check serve test fuzz system-deps golden bench clean i18n

# A venv without pip is a half-made one (python3-venv was missing): make it again.
$(BIN)/pip:
	@./tools/system-deps.sh venv $(PYTHON)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# build and serve need the runtime only; tests add Playwright, axe and the HTML checker.
$(STAMP): pyproject.toml | $(BIN)/pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP) $(STAMP)

build: $(STAMP)
	$(BIN)/agenda build $(SITE_ARGS)

check: $(STAMP)
	$(BIN)/agenda check --content $(CONTENT)

serve: $(STAMP)
	$(BIN)/agenda serve $(SITE_ARGS) --host $(HOST) --port $(PORT)

# Debian packages the browser and HTML-validation tests need; quick when present.
system-deps:
	@./tools/system-deps.sh

test: $(TEST_STAMP) system-deps
	$(BIN)/python -m pytest

# The long fuzzing run: 10,000 random mutations of the default content (make test runs
# a fixed 15); FUZZ_EXAMPLES=N chooses another number.
FUZZ_EXAMPLES ?= 10000
fuzz: $(TEST_STAMP)
	AGENDA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/test_fuzz.py

# Rebuild the golden output trees tests/test_golden.py compares builds with, after a
# change meant to change the site; review `git diff tests/golden` before committing.
golden: $(STAMP)
	$(BIN)/python -m tools.golden

# Extract the interface's words (templates, Python, scripts) and update every
# catalogue in generator/locales; prints each language's untranslated count.
i18n: $(STAMP)
	$(BIN)/python -m tools.i18n

# Benchmark against Hugo, Pelican and MkDocs in a venv of its own (bench/run.py);
# BENCH_ARGS e.g. "--sizes 1000 --runs 3".
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
BENCH_ARGS ?=

$(BENCH_STAMP): pyproject.toml bench/requirements.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e . -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python -m bench.run $(BENCH_ARGS)

clean:
	[ ! -f "$(OUTPUT)/.agenda-output" ] || rm -rf "$(OUTPUT)"
