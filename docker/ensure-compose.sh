#!/usr/bin/env bash
# Make sure a `docker-compose` command exists, for tests/unit/test_docker.py (which validates
# docker-compose.yml offline with `docker-compose config`; no Docker engine needed).
#
# Present already: print its version, exit 0. Missing and we are root on a Debian/Ubuntu system:
# install Debian's docker-compose package (1.29.x) with apt-get. Otherwise: say how to get it and
# exit 1. The Makefile's test target calls this, so CI on a fresh machine has the tool.
set -euo pipefail

if command -v docker-compose >/dev/null 2>&1; then
    printf 'ensure-compose: %s\n' "$(docker-compose version --short 2>/dev/null || docker-compose --version)"
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    echo "ensure-compose: docker-compose is not installed and this is not root;" >&2
    echo "ensure-compose: install it with 'sudo apt-get install docker-compose' (Debian/Ubuntu) and run again" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-compose: docker-compose is not installed and there is no apt-get here;" >&2
    echo "ensure-compose: install Docker Compose (the docker-compose command) another way and run again" >&2
    exit 1
fi

echo "ensure-compose: installing Debian's docker-compose package with apt-get ..."
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends docker-compose >/dev/null 2>&1; then
    # a fresh machine may have empty package lists
    apt-get update -qq
    apt-get install -y --no-install-recommends docker-compose >/dev/null
fi
command -v docker-compose >/dev/null 2>&1 || {
    echo "ensure-compose: apt-get finished but docker-compose is still missing" >&2
    exit 1
}
printf 'ensure-compose: installed %s\n' "$(docker-compose version --short 2>/dev/null || docker-compose --version)"
