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

clean:
	[ ! -f "$(OUTPUT)/.agenda-output" ] || rm -rf "$(OUTPUT)"
