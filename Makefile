# Two commands for a newcomer: `make serve` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONTENT ?= content
OUTPUT ?= output
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: build check serve test system-deps bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/agenda build --content $(CONTENT) --output $(OUTPUT)

check: $(STAMP)
	$(BIN)/agenda check --content $(CONTENT)

serve: $(STAMP)
	$(BIN)/agenda serve --content $(CONTENT) --output $(OUTPUT) --host $(HOST) --port $(PORT)

# Debian packages the browser and HTML-validation tests need; quick when present.
system-deps:
	@./tools/system-deps.sh

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

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
