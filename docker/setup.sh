#!/usr/bin/env bash
# One-shot setup of the Docker stack (the `setup` service of docker-compose.yml). Idempotent:
# running it again changes nothing that is already in place.
#
#   1. wait for Elasticsearch (authenticated cluster health, yellow or better)
#   2. set the built-in kibana_system user's password to KIBANA_PASSWORD
#   3. `newsetl setup`: the versioned index news-v2-<ts> behind the alias news, and news-rejections
#   4. wait for Kibana, then import kibana/saved_objects.ndjson (data views, saved searches,
#      the "News overview" dashboard) with overwrite=true, and make the `news` data view
#      Kibana's default unless someone chose another one
#
# Environment (the same variables every newsetl command reads, plus Kibana's):
#   NEWSETL_ES_URL        default http://elasticsearch:9200
#   NEWSETL_ES_USERNAME   default elastic (a superuser: it sets kibana_system's password)
#   NEWSETL_ES_PASSWORD   required
#   NEWSETL_ES_CA_CERTS   optional CA certificate (PEM) for an https:// cluster
#   KIBANA_URL            default http://kibana:5601
#   KIBANA_PASSWORD       required: the password Kibana's kibana_system user gets
#   SAVED_OBJECTS         default /opt/newsetl/kibana/saved_objects.ndjson
#   SETUP_TIMEOUT         seconds to wait for each of Elasticsearch and Kibana (default 600)
# Passwords are never printed and never put on a command line (curl reads them from a config
# on a file descriptor).
set -euo pipefail

ES_URL="${NEWSETL_ES_URL:-http://elasticsearch:9200}"
ES_URL="${ES_URL%/}"
ES_USER="${NEWSETL_ES_USERNAME:-elastic}"
export NEWSETL_ES_URL="$ES_URL" NEWSETL_ES_USERNAME="$ES_USER"  # what `newsetl setup` connects with
KIBANA_URL="${KIBANA_URL:-http://kibana:5601}"
KIBANA_URL="${KIBANA_URL%/}"
SAVED_OBJECTS="${SAVED_OBJECTS:-/opt/newsetl/kibana/saved_objects.ndjson}"
SETUP_TIMEOUT="${SETUP_TIMEOUT:-600}"

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

[[ -n "${NEWSETL_ES_PASSWORD:-}" ]] || die "NEWSETL_ES_PASSWORD is not set (docker-compose.yml passes ELASTIC_PASSWORD from .env)"
[[ -n "${KIBANA_PASSWORD:-}" ]] || die "KIBANA_PASSWORD is not set (put it in .env; see .env.example)"
if [[ "$NEWSETL_ES_PASSWORD" == change-me* || "$KIBANA_PASSWORD" == change-me* ]]; then
    log "warning: a password is still the placeholder from .env.example; make real ones (openssl rand -hex 16)"
fi
[[ -r "$SAVED_OBJECTS" ]] || die "saved objects file $SAVED_OBJECTS is missing"
command -v curl >/dev/null || die "curl is not installed"
command -v newsetl >/dev/null || die "the newsetl command is not installed"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

CURL_TLS=()
if [[ -n "${NEWSETL_ES_CA_CERTS:-}" ]]; then
    CURL_TLS=(--cacert "$NEWSETL_ES_CA_CERTS")
fi

# curl as $ES_USER, the credentials passed in a curl config on a file descriptor (not in argv)
curl_auth() {
    local escaped="${NEWSETL_ES_PASSWORD//\\/\\\\}"
    escaped="${escaped//\"/\\\"}"
    curl --silent --show-error --config <(printf 'user = "%s:%s"\n' "$ES_USER" "$escaped") "$@"
}

# wait_for NAME COMMAND...: retry COMMAND every 5 s until it succeeds or SETUP_TIMEOUT passes
wait_for() {
    local name="$1"; shift
    local deadline=$((SECONDS + SETUP_TIMEOUT))
    log "waiting for $name ..."
    until "$@"; do
        if ((SECONDS >= deadline)); then
            die "$name did not become ready within ${SETUP_TIMEOUT}s"
        fi
        sleep 5
    done
    log "$name is ready"
}

es_ready() {
    local code
    code=$(curl_auth "${CURL_TLS[@]}" --output /dev/null --write-out '%{http_code}' \
        "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null) || return 1
    if [[ "$code" == 401 ]]; then
        die "Elasticsearch at $ES_URL refused the credentials of '$ES_USER' (HTTP 401): check ELASTIC_PASSWORD in .env (it only takes effect on an empty esdata volume)"
    fi
    [[ "$code" == 200 ]]
}

kibana_ready() {
    # /api/status needs authentication when security is on; level "available" = ready to import
    local body
    body=$(curl_auth --max-time 10 "$KIBANA_URL/api/status" 2>/dev/null) || return 1
    python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1])["status"]["overall"]["level"] != "available")' \
        "$body" 2>/dev/null
}

# 1. Elasticsearch
wait_for "Elasticsearch at $ES_URL" es_ready

# 2. kibana_system's password (the body is built by python so any character survives JSON)
log "setting the kibana_system user's password"
body=$(python3 -c 'import json, os; print(json.dumps({"password": os.environ["KIBANA_PASSWORD"]}))')
code=$(curl_auth "${CURL_TLS[@]}" --output "$WORK/password.json" --write-out '%{http_code}' \
    -X POST "$ES_URL/_security/user/kibana_system/_password" \
    -H 'Content-Type: application/json' --data-binary @- <<<"$body") \
    || die "could not reach Elasticsearch at $ES_URL"
if [[ "$code" != 200 ]]; then
    die "setting kibana_system's password failed (HTTP $code): $(head -c 500 "$WORK/password.json")"
fi

# 3. the versioned index (explicit mapping) behind the alias, and the rejections index
log "creating the index behind the alias (newsetl setup)"
newsetl setup || die "newsetl setup failed (see the line above)"

# 4. Kibana saved objects
wait_for "Kibana at $KIBANA_URL" kibana_ready
log "importing $(wc -l <"$SAVED_OBJECTS") saved objects from $SAVED_OBJECTS"
code=$(curl_auth --output "$WORK/import.json" --write-out '%{http_code}' \
    -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
    -H 'kbn-xsrf: true' --form "file=@$SAVED_OBJECTS") \
    || die "could not reach Kibana at $KIBANA_URL"
if [[ "$code" != 200 ]]; then
    die "the saved objects import failed (HTTP $code): $(head -c 1000 "$WORK/import.json")"
fi
python3 - "$WORK/import.json" <<'PY' || die "Kibana rejected some saved objects (listed above)"
import json, sys

result = json.load(open(sys.argv[1]))
for error in result.get("errors", []):
    print(f"setup: error: {error.get('type')} {error.get('id')}: {json.dumps(error.get('error'))}", file=sys.stderr)
print(f"setup: imported {result.get('successCount', 0)} saved objects")
sys.exit(0 if result.get("success") else 1)
PY

code=$(curl_auth --output "$WORK/default.json" --write-out '%{http_code}' \
    -X POST "$KIBANA_URL/api/data_views/default" -H 'kbn-xsrf: true' -H 'Content-Type: application/json' \
    --data '{"data_view_id": "newsetl-news", "force": false}') || code=000
if [[ "$code" != 200 ]]; then
    log "warning: could not make 'news' the default data view (HTTP $code); choose it in Discover"
fi

log "done: Kibana http://localhost:5601 (user $ES_USER) -> Dashboards -> \"News overview\""
