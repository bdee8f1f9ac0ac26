# news-etl — the two README commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ES_PORT ?= 9200
TEST_ES_PORT ?= 9250
TEST_PREFECT_PORTS ?=
PREFECT_PORT ?= 4200
SERVE_DIR ?= seeds
SERVE_CRON ?= */15 * * * *

# Prefect's state (run history, profiles) stays where Prefect keeps it, PREFECT_HOME or ~/.prefect, so
# `make run`, `newsetl` run by hand and `.venv/bin/prefect` share one history; only `make test` has its own (one per session, tests/conftest.py).
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

CORPORA := $(abspath $(CURDIR)/../shared/corpora)

.PHONY: install run test golden serve bench es-up es-down es-status cluster clean

$(BIN)/newsetl: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/newsetl ## create .venv and install the project with its dev tools

run: install ## start the local Elasticsearch node (127.0.0.1:9200, left running) and ingest seeds/
	$(BIN)/newsetl es up --port $(ES_PORT)
	NEWSETL_ES_URL=http://127.0.0.1:$(ES_PORT) $(BIN)/newsetl run seeds

test: install ## start a throwaway node on $(TEST_ES_PORT), run every test against it, stop it (TEST_PREFECT_PORTS=FIRST-LAST: the e2e tests' Prefect servers use those ports)
	@test -d "$(CORPORA)" || { echo "error: $(CORPORA) is missing: the tests read the corpora from ../shared/corpora beside the repository" >&2; exit 1; }
	@bash docker/ensure-compose.sh
	@set -u; \
	$(BIN)/newsetl es up --port $(TEST_ES_PORT) --ephemeral || exit 1; \
	trap '$(BIN)/newsetl es down --port $(TEST_ES_PORT)' EXIT; \
	NEWSETL_ES_URL=http://127.0.0.1:$(TEST_ES_PORT) NEWSETL_TEST_ES_PORT=$(TEST_ES_PORT) NEWSETL_TEST_PREFECT_PORTS=$(TEST_PREFECT_PORTS) \
	  $(BIN)/python -m pytest $(PYTEST_ARGS)

golden: install ## rewrite tests/golden/build.json from what a build makes now (bump BUILD_REVISION first when it changed)
	$(BIN)/python -m tests.golden --update

# The server's UI asks /ui-settings where the API is; `--port` alone leaves that at 127.0.0.1:4200
# (Prefect derives it from PREFECT_SERVER_API_PORT or PREFECT_API_URL), hence the variables.
serve: install ## Elasticsearch on $(ES_PORT), a local Prefect server on 127.0.0.1:$(PREFECT_PORT) and the scheduled ingest of $(SERVE_DIR); Ctrl-C stops the server and the deployment
	$(BIN)/newsetl es up --port $(ES_PORT)
	@set -u; home="$${PREFECT_HOME:-$$HOME/.prefect}"; mkdir -p "$$home"; \
	api=http://127.0.0.1:$(PREFECT_PORT)/api; \
	up() { $(BIN)/python -c "import sys,urllib.request; urllib.request.urlopen(sys.argv[1] + '/health', timeout=10)" "$$api" 2>/dev/null; }; \
	if up; then echo "using the Prefect server already at $$api"; else \
	  echo "starting Prefect server at $$api (log: $$home/server.log)"; \
	  PREFECT_SERVER_API_HOST=127.0.0.1 PREFECT_SERVER_API_PORT=$(PREFECT_PORT) PREFECT_UI_API_URL=$$api \
	    $(BIN)/prefect server start --host 127.0.0.1 --port $(PREFECT_PORT) > "$$home/server.log" 2>&1 & server=$$!; \
	  trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null' EXIT; \
	  for i in $$(seq 1 180); do up && break; kill -0 $$server 2>/dev/null || break; sleep 1; done; \
	  up || { echo "Prefect server did not start; see $$home/server.log"; exit 1; }; \
	fi; \
	echo "Prefect UI: http://127.0.0.1:$(PREFECT_PORT)  schedule: $(SERVE_CRON)  folder: $(SERVE_DIR)"; \
	PREFECT_API_URL=$$api NEWSETL_ES_URL=http://127.0.0.1:$(ES_PORT) $(BIN)/newsetl serve $(SERVE_DIR) --cron "$(SERVE_CRON)"

bench: install ## throughput benchmark on ../shared/corpora/silver-seeds and a x10 copy (node on $(ES_PORT), left running); prints figures and ratios
	$(BIN)/newsetl es up --port $(ES_PORT)
	NEWSETL_ES_URL=http://127.0.0.1:$(ES_PORT) $(BIN)/python bench/throughput.py $(BENCH_ARGS)

es-up: install
	$(BIN)/newsetl es up --port $(ES_PORT)

cluster: install ## a local three-node cluster on ports $(ES_PORT)-$$(($(ES_PORT)+2)) (transport +100), left running; `make es-down` stops it
	$(BIN)/newsetl es up --nodes 3 --port $(ES_PORT)

es-down: install
	$(BIN)/newsetl es down --port $(ES_PORT)

es-status: install
	$(BIN)/newsetl es status --port $(ES_PORT)

clean:
	rm -rf $(VENV) .prefect .pytest_cache *.egg-info
