# The two commands of the README: `make benchmark` and `make test`; and `make update` for maintainers.
# Each builds .venv from pinned versions when it is missing or older than the pins.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OFFLINE := HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1

.PHONY: benchmark test update bench lint lock clean-venv

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required (found %d.%d); set PYTHON=/path/to/python3.11" % sys.version_info[:2])'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,transformer]'
	touch $(STAMP)

## The main job: regenerate, validate and build the dataset, run every baseline, write results/ and the docs' numbers.
benchmark: $(STAMP)
	$(BIN)/indogeoie ingest
	$(BIN)/indogeoie config
	$(BIN)/indogeoie validate
	$(BIN)/indogeoie stats
	$(BIN)/indogeoie build
	$(OFFLINE) $(BIN)/indogeoie benchmark
	$(BIN)/indogeoie docs

## After any change to the corpus or the gold (a new article, a pull): give new articles their split, then regenerate
## everything derived from the gold. `make test` passes afterwards.
update: $(STAMP)
	$(BIN)/indogeoie ingest
	$(BIN)/indogeoie splits assign
	$(MAKE) benchmark

## The test suite: every generated file is current, the gold passes the audit, lint and types, then pytest.
test: $(STAMP)
	$(BIN)/indogeoie ingest --check
	$(BIN)/indogeoie config --check
	$(BIN)/indogeoie validate
	$(BIN)/indogeoie audit
	$(BIN)/indogeoie stats --check
	$(BIN)/indogeoie build --check
	$(BIN)/indogeoie docs --check
	$(BIN)/ruff check src baselines tests scripts
	$(BIN)/mypy
	$(OFFLINE) $(BIN)/python -m pytest -q src tests

## Speed and memory from 1x to 30x the corpus (about 15 minutes): results/BENCH.md, bench.json, bench.png.
bench: $(STAMP)
	$(OFFLINE) $(BIN)/python scripts/bench.py

## Re-resolve the transitive pins from pyproject.toml into requirements.lock.
lock:
	rm -rf .cache/lockenv && $(PYTHON) -m venv .cache/lockenv
	.cache/lockenv/bin/pip install --quiet --disable-pip-version-check -e '.[dev,transformer]'
	.cache/lockenv/bin/pip freeze --exclude-editable | grep -v '^indogeoie' > requirements.lock

clean-venv:
	rm -rf $(VENV)
