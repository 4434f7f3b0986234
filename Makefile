# The two commands of the README: `make benchmark` and `make test`.
# Both build .venv from pinned versions when it is missing or older than the pins.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: benchmark test bench lock clean-venv

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required (found %d.%d); set PYTHON=/path/to/python3.11" % sys.version_info[:2])'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,transformer]'
	touch $(STAMP)

## The main job: regenerate, validate and build the dataset, then train and score every baseline.
benchmark: $(STAMP)
	$(BIN)/indogeoie ingest
	$(BIN)/indogeoie config
	$(BIN)/indogeoie validate
	$(BIN)/indogeoie stats
	$(BIN)/indogeoie build
	HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 $(BIN)/indogeoie benchmark

## The test suite (unit, property and integration tests).
test: $(STAMP)
	$(BIN)/indogeoie ingest --check
	$(BIN)/indogeoie config --check
	$(BIN)/indogeoie validate
	$(BIN)/indogeoie stats --check
	$(BIN)/indogeoie build --check
	HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 $(BIN)/python -m pytest -q src tests

## Speed and memory from 1x to 1000x the corpus (several minutes): results/BENCH.md, bench.json, bench.png.
bench: $(STAMP)
	HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 $(BIN)/python scripts/bench.py

## Re-resolve the transitive pins from pyproject.toml into requirements.lock.
lock:
	rm -rf .cache/lockenv && $(PYTHON) -m venv .cache/lockenv
	.cache/lockenv/bin/pip install --quiet --disable-pip-version-check -e '.[dev,transformer]'
	.cache/lockenv/bin/pip freeze --exclude-editable | grep -v '^indogeoie' > requirements.lock

clean-venv:
	rm -rf $(VENV)
