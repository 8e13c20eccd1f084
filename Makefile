# Two jobs: `make run` sets up and builds the bundled example; `make test` sets up and runs the
# whole suite. Both create .venv on first use with nothing but python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench template clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	@mkdir -p out
	$(BIN)/contractgen build examples/district.yaml -o out/district-contract.docx

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/build.py
	$(BIN)/python bench/lint.py
	$(BIN)/python bench/compare.py

template: $(STAMP)
	$(BIN)/python scripts/make_template.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache
