# news-etl — the two README commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ES_PORT ?= 9200
TEST_ES_PORT ?= 9250

export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: install run test es-up es-down es-status clean

$(BIN)/newsetl: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/newsetl ## create .venv and install the project with its dev tools

run: install ## start the local Elasticsearch node (127.0.0.1:9200, left running) and ingest seeds/
	$(BIN)/newsetl es up --port $(ES_PORT)
	NEWSETL_ES_URL=http://127.0.0.1:$(ES_PORT) $(BIN)/newsetl run seeds

test: install ## start a throwaway node on $(TEST_ES_PORT), run every test against it, stop it
	@set -u; \
	$(BIN)/newsetl es up --port $(TEST_ES_PORT) --ephemeral || exit 1; \
	trap '$(BIN)/newsetl es down --port $(TEST_ES_PORT)' EXIT; \
	NEWSETL_ES_URL=http://127.0.0.1:$(TEST_ES_PORT) NEWSETL_TEST_ES_PORT=$(TEST_ES_PORT) \
	  $(BIN)/python -m pytest $(PYTEST_ARGS)

es-up: install
	$(BIN)/newsetl es up --port $(ES_PORT)

es-down: install
	$(BIN)/newsetl es down --port $(ES_PORT)

es-status: install
	$(BIN)/newsetl es status --port $(ES_PORT)

clean:
	rm -rf $(VENV) .prefect .pytest_cache *.egg-info
