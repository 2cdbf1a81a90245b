#!/usr/bin/env bash
# Crash safety: kill the server with SIGKILL while clients are scrubbing, restart it, and check that every scrub a
# client saw answered is in the audit store. Repeats RUNS times (default 20) on one database and prints one line
# per run and a total. Exit 0 only when no acknowledged scrub is ever missing.
#
#   tools/crash-test.sh [RUNS]
set -euo pipefail

runs="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port=5190
url="http://127.0.0.1:${port}"
server_pid=""
trap '[ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

# A key of this run's own with the scrub scope: the server holds its hash, the load tool sends it.
export SCRUBBER_API_KEY="scr_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
api_key_hash="sha256:$(printf %s "$SCRUBBER_API_KEY" | sha256sum | cut -d ' ' -f 1)"

dotnet build -c Release "$root/src/Scrubber.Server" -v quiet -nologo >/dev/null
dotnet build -c Release "$root/tools/Scrubber.Load" -v quiet -nologo >/dev/null
server_dll="$root/src/Scrubber.Server/bin/Release/net10.0/Scrubber.Server.dll"
load="$root/tools/Scrubber.Load/bin/Release/net10.0/scrubber-load.dll"
db="$work/scrubber.db"
acks="$work/acks.txt"
: > "$acks"

start_server() {
  (cd "$root/src/Scrubber.Server" && exec dotnet "$server_dll" \
    --Kestrel:Endpoints:Grpc:Url="$url" --Audit:Path="$db" \
    --Audit:PatientKeySecret=crash-test-only-patient-key-secret-000000 \
    --Security:ApiKeys:0:Name=crash-test --Security:ApiKeys:0:Hash="$api_key_hash" --Security:ApiKeys:0:Scopes:0=scrub \
    --Logging:LogLevel:Default=Warning >>"$work/server.log" 2>&1) &
  server_pid=$!
  dotnet "$load" wait --server "$url" --timeout 60 >/dev/null
}

total_missing=0
for run in $(seq 1 "$runs"); do
  start_server
  before=$(wc -l <"$acks")
  dotnet "$load" run --server "$url" --mode unary --concurrency 32 --duration 60 --warmup 0 --acks "$acks" --seed "$run" >/dev/null 2>&1 &
  load_pid=$!
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.1f", 2 + (r % 30) / 10 }')"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  sleep 0.5
  kill "$load_pid" 2>/dev/null || true
  wait "$load_pid" 2>/dev/null || true

  # The restarted server must open the same file and serve again.
  start_server
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""

  acked=$(( $(wc -l <"$acks") - before ))
  result="$(dotnet "$load" verify --db "$db" --acks "$acks")"
  missing="$(sed -n 's/.*missing=\([0-9]*\).*/\1/p' <<<"$result" | head -n 1)"
  total_missing=$((total_missing + missing))
  echo "run ${run}: ${acked} scrubs acknowledged before the kill; store check: ${result%%$'\n'*}"
done

echo "crash test: ${runs} runs, $(wc -l <"$acks") acknowledged scrubs in all, ${total_missing} missing"
[ "$total_missing" -eq 0 ]
