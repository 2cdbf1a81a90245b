#!/usr/bin/env bash
# The service's published load figures, reproducibly: builds Release, prepares the full-size generated practitioner
# table (compiled snapshot) and a generated 100-rule pack, starts the server with the durable audit
# store (synchronous=FULL, group commit), and runs the load tool against it. Prints every result line; the figures in
# tools/results/performance.md come from this script.
#
#   tools/perf-run.sh [PHASES...]     phases: unary stream paced swap-tables swap-packs soak (default: all but soak)
#
# Environment: CONCURRENCY (unary, default 128), DURATION (seconds per phase, default 20), RATE (paced phase's claims
# per second; default 70 % of the unary phase's rate), SOAK (soak seconds, default 600), DATA (default /tmp/scrubber-perf),
# CONFIRM_RATIO (the share of scrubs confirmed as sent, default 0.8; 0 compares with h2load, which confirms nothing),
# POSTGRES (an Npgsql connection string: the store is that PostgreSQL database, Audit:Provider=Postgres, instead of
# a fresh SQLite file under DATA), STORE (an existing SQLite store to run on, e.g. one filled by 'scrubber-bench
# grow-store'; default a fresh file under DATA).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${DATA:-/tmp/scrubber-perf}"
concurrency="${CONCURRENCY:-128}"
duration="${DURATION:-20}"
phases=("$@")
[ ${#phases[@]} -eq 0 ] && phases=(unary stream paced swap-tables swap-packs)
url="http://127.0.0.1:5290"
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null' EXIT

dotnet build -c Release "$root/src/Scrubber.Server" -v quiet -nologo >/dev/null
dotnet build -c Release "$root/tools/Scrubber.Load" -v quiet -nologo >/dev/null
dotnet build -c Release "$root/tools/Scrubber.Cli" -v quiet -nologo >/dev/null
scrubctl() { dotnet "$root/tools/Scrubber.Cli/bin/Release/net10.0/scrubctl.dll" "$@"; }
load() { dotnet "$root/tools/Scrubber.Load/bin/Release/net10.0/scrubber-load.dll" "$@"; }

mkdir -p "$data"
if [ ! -f "$data/ncci/active-pairs.tsv" ]; then
  scrubctl ncci generate --out "$data/ncci" >/dev/null 2>&1
fi
[ -f "$data/ccipra-v322r0.ncci" ] || scrubctl ncci compile "$data/ncci" --out "$data/ccipra-v322r0.ncci" >/dev/null 2>&1
# The generated pack alone: the sample packs' examples are written against the sample tables, not the generated ones.
rm -rf "$data/packs"
scrubctl rules generate --out "$data/packs/bench-pack" --pairs "$data/ncci/active-pairs.tsv" --rules 100 --payer BENCH01 >/dev/null
rm -rf "$data"/scrubber.db*
store_args=(--Audit:Path="${STORE:-$data/scrubber.db}")
[ -n "${POSTGRES:-}" ] && store_args=(--Audit:Provider=Postgres --Audit:ConnectionString="$POSTGRES")

export SCRUBBER_API_KEY="scr_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
api_key_hash="sha256:$(printf %s "$SCRUBBER_API_KEY" | sha256sum | cut -d ' ' -f 1)"
(cd "$root/src/Scrubber.Server" && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/Scrubber.Server.dll \
  --Kestrel:Endpoints:Grpc:Url="$url" --Kestrel:Endpoints:Web:Url=http://127.0.0.1:5291 \
  --Ncci:Practitioner:0="$data/ccipra-v322r0.ncci" --Packs:Root="$data/packs" --Packs:Watch=false \
  "${store_args[@]}" --Audit:PatientKeySecret=performance-run-only-patient-key-secret-0000 \
  --Security:ApiKeys:0:Name=perf --Security:ApiKeys:0:Hash="$api_key_hash" \
  --Security:ApiKeys:0:Scopes:0=scrub --Security:ApiKeys:0:Scopes:1=admin --Security:ApiKeys:0:Scopes:2=outcomes \
  --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1) &
server_pid=$!
load wait --server "$url" --timeout 60 >/dev/null
# RATE, else 70 % of the rate the last unary phase reached.
paced_rate() { echo "${RATE:-$(sed -n 's/.* rate=\([0-9]*\)\/s.*/\1/p' "$data/unary.txt" | head -1 | awk '{ printf "%d", $1 * 0.7 }')}"; }
common=(--server "$url" --pairs "$data/ncci/active-pairs.tsv" --payer BENCH01 --lines 6 --server-pid "$server_pid" --confirm-ratio "${CONFIRM_RATIO:-0.8}")

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(git -C "$root" rev-parse --short HEAD)"
for phase in "${phases[@]}"; do
  echo "## $phase"
  case "$phase" in
    unary)
      load run "${common[@]}" --mode unary --concurrency "$concurrency" --duration "$duration" --warmup 5 --ceiling | tee "$data/unary.txt" ;;
    stream)
      load run "${common[@]}" --mode stream --concurrency 16 --duration "$duration" --warmup 5 ;;
    paced)
      load run "${common[@]}" --mode unary --concurrency "$concurrency" --duration "$duration" --warmup 5 --rate "$(paced_rate)" ;;
    swap-tables)
      load run "${common[@]}" --mode unary --concurrency "$concurrency" --duration 40 --warmup 5 --swap tables --swap-every 8 ;;
    swap-packs)
      load run "${common[@]}" --mode unary --concurrency "$concurrency" --duration 40 --warmup 5 --swap packs --swap-every 8 \
        --pack-file "$data/packs/bench-pack/pack.json" ;;
    soak)
      load run "${common[@]}" --mode unary --concurrency "$concurrency" --duration "${SOAK:-600}" --warmup 30 --rate "$(paced_rate)" --memory-every 60 ;;
    *) echo "unknown phase $phase" >&2; exit 2 ;;
  esac
done
