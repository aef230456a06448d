#!/usr/bin/env bash
# Runs every test of Bulkhead. Installs what the tests need first (idempotent), so it works on a fresh machine.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
  if need apt-get; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null;
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; fi
  fi
}

# PostgreSQL 15 for the fleet coordination store's tests (tests/Bulkhead.Fleet.Tests/Coordination and the CLI lease
# tests): installed if missing, started, a role and database for tests created once; BULKHEAD_TEST_POSTGRES points the
# tests at it (in CI those tests fail, not skip, without it).
as_postgres() { (cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
[ -x /usr/lib/postgresql/15/bin/postgres ] && need pg_ctlcluster || apt_install postgresql-15
if [ -x /usr/lib/postgresql/15/bin/postgres ]; then
  pg_lsclusters -h 2>/dev/null | grep '^15 \+main ' >/dev/null || as_root pg_createcluster 15 main >/dev/null
  pg_ctlcluster 15 main status >/dev/null 2>&1 || as_root pg_ctlcluster 15 main start
  pg_port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $3 }')
  as_postgres psql -p "$pg_port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'bulkhead_test'" | grep 1 >/dev/null \
    || as_postgres psql -p "$pg_port" -qc "CREATE ROLE bulkhead_test LOGIN CREATEDB PASSWORD 'bulkhead_test'"
  as_postgres psql -p "$pg_port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'bulkhead_test'" | grep 1 >/dev/null \
    || as_postgres createdb -p "$pg_port" -O bulkhead_test bulkhead_test
  export BULKHEAD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=bulkhead_test;Username=bulkhead_test;Password=bulkhead_test"
fi

# The multi-host test bed (tests/Bulkhead.EndToEnd.Tests/Hosts): network namespaces, veth pairs and a bridge (iproute2)
# and partitions as nftables drop rules inside a host's namespace. Needs root; in CI those tests fail without it.
{ need ip && need nft; } || apt_install iproute2 nftables

# Node.js runs the independent signing-vector fixture (tests/…/Signing/fixtures) and builds the dashboard's page
# (src/Bulkhead.Dashboard/web, during the dotnet build).
{ need node && need npm; } || apt_install nodejs npm
if [ -f tests/Bulkhead.Kraken.Tests/Signing/fixtures/package.json ]; then
  (cd tests/Bulkhead.Kraken.Tests/Signing/fixtures && npm ci --no-audit --no-fund --silent)
fi
# Debian's Chromium for the dashboard's browser tests (tests/Bulkhead.Dashboard.Tests/E2E): Playwright drives
# /usr/bin/chromium, never a browser build of its own (none is downloaded).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
[ -x /usr/bin/chromium ] || apt_install chromium
# Debian's prometheus for the metrics tests (tests/Bulkhead.Dashboard.Tests/Metrics): `promtool check metrics` lints the
# supervisor's /metrics, and a real Prometheus server (started by the test on a free port, its data in a temp folder)
# scrapes it.
{ need promtool && need prometheus; } || apt_install prometheus
# The package starts a Prometheus service on :9090 that nothing here uses; the tests start their own.
if need systemctl && systemctl is-active --quiet prometheus 2>/dev/null; then as_root systemctl stop prometheus || true; fi
# ccxt and kraken-api for the end-to-end tests against the sandbox (tests/Bulkhead.EndToEnd.Tests/clients).
(cd tests/Bulkhead.EndToEnd.Tests/clients && npm ci --no-audit --no-fund --silent)
# krakenex and python-kraken-sdk for the Python end-to-end tests (tests/Bulkhead.EndToEnd.Tests/pyclients), from PyPI.
# Where PyPI cannot be reached the venv stays without clients (no .venv/installed marker) and those tests are skipped.
if need python3; then
  (cd tests/Bulkhead.EndToEnd.Tests/pyclients &&
    { [ -f .venv/installed ] && cmp -s requirements.txt .venv/installed ||
      { { [ -x .venv/bin/python ] || python3 -m venv .venv; } &&
        .venv/bin/pip install -q --retries 1 --timeout 20 -r requirements.txt && cp requirements.txt .venv/installed; }; } ) ||
    echo "test.sh: could not install the Python clients (PyPI unreachable?): their end-to-end tests will be skipped" >&2
fi

dotnet build Bulkhead.slnx -c Release -warnaserror -nologo -v quiet
# The strategy SDK packed and the desk's own example strategies built against the package only (the Runtime tests load
# artifacts/strategies/Desk.Strategies.dll like a user's assembly).
examples/strategies/build.sh >/dev/null

# The output goes to a file that is followed until dotnet test exits (not through a pipe: a process a test left behind
# that inherited the pipe would hold it open and the run would never end). A test running longer than 10 minutes is a
# hang: --blame-hang-timeout names it, ends its test host and fails the run instead of letting it run forever.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Bulkhead.slnx -c Release --no-build -nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@" >"$log" 2>&1 &
test_pid=$!
tail -n +1 -f --pid="$test_pid" "$log"
wait "$test_pid"
status=$?
set -e

# One plain closing line over all test projects.
awk '
  /(Passed|Failed)! *- *Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
