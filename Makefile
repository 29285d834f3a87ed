# 规划参考门户 — the two commands of the README, and a few more.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: serve test golden site offline check schema bench clean lock

# Exact versions and hashes from requirements.lock (make lock); the project itself without dependencies.
# Without network (README): make serve WHEELHOUSE=wheelhouse installs from that folder only.
WHEELHOUSE ?=
PIP_FROM   := $(if $(WHEELHOUSE),--no-index --find-links $(WHEELHOUSE))

$(STAMP): pyproject.toml requirements.lock requirements-divisions.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet $(PIP_FROM) --require-hashes -r requirements.lock
	PYTHONWARNINGS='ignore:Editable installation' $(PY) -m pip install --quiet $(PIP_FROM) --no-deps --no-build-isolation -e .
	$(PY) -m pip install --quiet $(PIP_FROM) --no-deps --require-hashes -r requirements-divisions.txt
	touch $(STAMP)

lock:                      ## regenerate requirements.lock from pyproject.toml (Python 3.11, needs PyPI)
	PYTHON=$(PYTHON) bash tools/lock.sh

PORT ?= 8000
MEASURES ?= 3000
serve: $(STAMP)            ## build and serve the portal at http://127.0.0.1:$(PORT) (make serve PORT=8001 for another port)
	$(PY) -m generator serve --dev-addr 127.0.0.1:$(PORT)

test: $(STAMP)             ## the whole test suite (browser tests need /usr/bin/chromium)
	$(PY) -m pytest -q

golden: $(STAMP)           ## accept the generated output of tests/fixtures/golden as the new expected tree
	$(PY) -m pytest -q tests/test_golden.py --update-golden

site: $(STAMP)             ## build site/ for copying to an intranet web server
	$(PY) -m generator build --site-dir site

offline: $(STAMP)          ## build site-offline/ that works when opened from disk (file://)
	$(PY) -m generator build --offline --site-dir site-offline --docs-dir build/docs-offline

check: $(STAMP)            ## check every plan file
	$(PY) -m generator check

schema: $(STAMP)           ## regenerate site_config/*.schema.json from the model
	$(PY) -m generator schema

bench: $(STAMP)            ## benchmarks (not part of the tests); MEASURES=10000 for a larger corpus
	$(PY) benchmarks/bench_related.py
	$(PY) benchmarks/bench_search.py
	$(PY) benchmarks/bench_build.py --measures $(MEASURES) --vs-bare --edit

clean:
	rm -rf build site site-offline .cache tests/artifacts
