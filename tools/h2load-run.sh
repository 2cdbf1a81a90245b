#!/usr/bin/env bash
# The service's unary rate with a cheap client: h2load (nghttp2, C) sends the same gRPC request again and again over
# h2c, so the client takes far less of the 2 vCPUs than scrubber-load does. Builds Release, starts the server as
# tools/perf-run.sh does (Production settings, an API key of the run's own, the durable audit store), then runs
# ScrubClaim and the no-op Admin.Ping with the same h2load options and prints both rates, their ratio, and the CPU
# seconds the server and h2load each used while measuring.
#
#   tools/h2load-run.sh
#
# Environment: REQUESTS (measured requests per RPC, default 100000; a warm-up of a tenth runs first), CLIENTS (h2load
# connections, default 4), STREAMS (streams in flight per connection, default 32), TABLES (generated: perf-run.sh's
# full-size generated practitioner table and 100-rule pack, and a claim on its active pairs for that pack's payer;
# sample: the bundled sample tables and packs, and the six-line claim of 'scrubber-load h2load-body'; default
# generated), DATA (where the generated tables are kept, shared with perf-run.sh; default /tmp/scrubber-perf),
# POSTGRES (an Npgsql connection string: the store is that PostgreSQL database, Audit:Provider=Postgres, instead of a
# fresh SQLite file), REPLICAS (with POSTGRES: 1 or 2 server processes on that one database, each loaded by its own
# h2load with half the requests, the rates summed over the slower one's time; default 1), STORE (an existing SQLite store to run on, e.g. one filled by 'scrubber-bench grow-store';
# default a fresh file). With a fresh SQLite file, the run ends by stopping the server (which checkpoints the file)
# and printing the file's bytes per recorded scrub.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${DATA:-/tmp/scrubber-perf}"
requests="${REQUESTS:-100000}"
clients="${CLIENTS:-4}"
streams="${STREAMS:-32}"
tables="${TABLES:-generated}"
replicas="${REPLICAS:-1}"
case "$replicas" in 1) ;; 2) [ -n "${POSTGRES:-}" ] || { echo "REPLICAS=2 needs POSTGRES: replicas share one PostgreSQL database." >&2; exit 2; } ;;
  *) echo "REPLICAS must be 1 or 2, not '$replicas'." >&2; exit 2 ;; esac
urls=()
for ((i = 0; i < replicas; i++)); do urls+=("http://127.0.0.1:$((5292 + 2 * i))"); done
url="${urls[0]}"
case "$tables" in generated | sample) ;; *) echo "TABLES must be generated or sample, not '$tables'." >&2; exit 2 ;; esac
for tool in h2load nghttp /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (Debian packages nghttp2-client and time)." >&2; exit 1; }
done

work="$(mktemp -d /tmp/scrubber-h2load.XXXXXX)"
server_pids=()
trap 'for p in "${server_pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

dotnet build -c Release "$root/src/Scrubber.Server" -v quiet -nologo >/dev/null
dotnet build -c Release "$root/tools/Scrubber.Load" -v quiet -nologo >/dev/null
dotnet build -c Release "$root/tools/Scrubber.Cli" -v quiet -nologo >/dev/null
scrubctl() { dotnet "$root/tools/Scrubber.Cli/bin/Release/net10.0/scrubctl.dll" "$@"; }
load() { dotnet "$root/tools/Scrubber.Load/bin/Release/net10.0/scrubber-load.dll" "$@"; }

server_args=()
if [ -n "${POSTGRES:-}" ]; then
  server_args+=(--Audit:Provider=Postgres --Audit:ConnectionString="$POSTGRES")
fi
if [ "$tables" = generated ]; then
  # As perf-run.sh prepares them (and shares them with it): the table once, the pack fresh each run.
  mkdir -p "$data"
  [ -f "$data/ncci/active-pairs.tsv" ] || scrubctl ncci generate --out "$data/ncci" >/dev/null 2>&1
  [ -f "$data/ccipra-v322r0.ncci" ] || scrubctl ncci compile "$data/ncci" --out "$data/ccipra-v322r0.ncci" >/dev/null 2>&1
  rm -rf "$data/packs"
  scrubctl rules generate --out "$data/packs/bench-pack" --pairs "$data/ncci/active-pairs.tsv" --rules 100 --payer BENCH01 >/dev/null
  server_args+=(--Ncci:Practitioner:0="$data/ccipra-v322r0.ncci" --Packs:Root="$data/packs")
  load h2load-body --out "$work/scrub.bin" --pairs "$data/ncci/active-pairs.tsv" --payer BENCH01 --lines 6
else
  load h2load-body --out "$work/scrub.bin"
fi
load h2load-body --rpc ping --out "$work/ping.bin"

export SCRUBBER_API_KEY="scr_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
api_key_hash="sha256:$(printf %s "$SCRUBBER_API_KEY" | sha256sum | cut -d ' ' -f 1)"
for ((i = 0; i < replicas; i++)); do
  (cd "$root/src/Scrubber.Server" && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/Scrubber.Server.dll \
    --Kestrel:Endpoints:Grpc:Url="${urls[$i]}" --Kestrel:Endpoints:Web:Url="http://127.0.0.1:$((5293 + 2 * i))" \
    "${server_args[@]}" --Packs:Watch=false \
    --Audit:Path="${STORE:-$work/scrubber.db}" --Audit:PatientKeySecret=performance-run-only-patient-key-secret-0000 \
    --Security:ApiKeys:0:Name=perf --Security:ApiKeys:0:Hash="$api_key_hash" \
    --Security:ApiKeys:0:Scopes:0=scrub --Security:ApiKeys:0:Scopes:1=admin \
    --Logging:LogLevel:Default=Warning >"$work/server-$i.log" 2>&1) &
  server_pids+=($!)
  load wait --server "${urls[$i]}" --timeout 60 >/dev/null
done

headers=(-H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $SCRUBBER_API_KEY")
path_of() { [ "$1" = scrub ] && echo /scrubber.v1.ClaimScrubber/ScrubClaim || echo /scrubber.v1.Admin/Ping; }
ticks="$(getconf CLK_TCK)"
# The servers' user + system CPU time so far, in clock ticks (fields 14 and 15 of /proc/PID/stat).
server_ticks() { for p in "${server_pids[@]}"; do sed 's/.*) //' "/proc/$p/stat"; done | awk '{ t += $12 + $13 } END { print t }'; }
scrubs() { scrubctl status --server "$url" | sed -n 's/^Store: \([0-9,]*\) scrubs.*/\1/p' | tr -d ,; }

# Each RPC once with nghttp -v, which prints the trailers: h2load counts an HTTP 200 as a success, but gRPC answers
# its errors with a 200 too and puts the outcome in the grpc-status trailer (which h2load -v does not show).
for rpc in scrub ping; do
  nghttp -v -n "${headers[@]}" -d "$work/$rpc.bin" "$url$(path_of "$rpc")" >"$work/$rpc-check.txt" 2>&1 || true
  if ! grep -q 'recv (stream_id=[0-9]*) grpc-status: 0$' "$work/$rpc-check.txt"; then
    grep -v ' DATA frame\|WINDOW_UPDATE\|SETTINGS\|PING' "$work/$rpc-check.txt" >&2
    echo "$(path_of "$rpc") did not answer grpc-status 0 (above: nghttp -v)." >&2
    exit 1
  fi
done

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(git -C "$root" rev-parse --short HEAD), TABLES=$tables, $(h2load --version | head -1)"
echo "one call of each answered grpc-status 0 (nghttp -v)"
declare -A rate
for rpc in scrub ping; do
  warmups=()
  for u in "${urls[@]}"; do h2load -n $((requests / 10 / replicas)) -c "$clients" -m "$streams" "${headers[@]}" -d "$work/$rpc.bin" "$u$(path_of "$rpc")" >/dev/null & warmups+=($!); done
  wait "${warmups[@]}"
  [ "$rpc" = scrub ] && before_scrubs="$(scrubs)"
  before="$(server_ticks)"
  for ((i = 0; i < replicas; i++)); do
    /usr/bin/time -f '%e %U %S' -o "$work/time-$i.txt" \
      h2load -n $((requests / replicas)) -c "$clients" -m "$streams" "${headers[@]}" -d "$work/$rpc.bin" "${urls[$i]}$(path_of "$rpc")" >"$work/$rpc.h2load-$i.txt" &
    h2load_pids[$i]=$!
  done
  wait "${h2load_pids[@]}"
  after="$(server_ticks)"
  # One replica: its own report. Two: the requests summed and the rate over the slower h2load's time.
  cat "$work"/time-*.txt | awk '{ if ($1 > w) w = $1; u += $2; y += $3 } END { print w, u, y }' >"$work/time.txt"
  cp "$work/$rpc.h2load-0.txt" "$work/$rpc.txt"
  if [ "$replicas" -gt 1 ]; then
    awk -v n="$requests" '{ printf "finished in %.2fs, %.2f req/s (%d replicas, each its own h2load)\n", $1, n / $1, '"$replicas"' }' "$work/time.txt" >"$work/$rpc.txt"
    cat "$work"/$rpc.h2load-*.txt | grep -E '^(requests:|status codes:)' | awk '
      /^requests:/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /succeeded/) s += $i; r += $2 }
      /^status codes:/ { c += $3 }
      END { printf "requests: %d total, %d succeeded\nstatus codes: %d 2xx\n", r, s, c }' >>"$work/$rpc.txt"
    grep -h "^time for request:" "$work"/$rpc.h2load-*.txt >>"$work/$rpc.txt"
  fi
  echo "## $rpc: h2load -n $((requests / replicas)) -c $clients -m $streams -d $rpc.bin ($(stat -c %s "$work/$rpc.bin") bytes) against each of ${urls[*]}, path $(path_of "$rpc")"
  grep -E '^(finished in|requests:|status codes:|time for request:)' "$work/$rpc.txt"
  read -r wall client_user client_system <"$work/time.txt"
  awk -v s="$(( after - before ))" -v t="$ticks" -v w="$wall" -v u="$client_user" -v y="$client_system" 'BEGIN {
    server = s / t; client = u + y
    printf "CPU over %.2f s: server %.2f s (%.0f %% of one CPU), h2load %.2f s (user %.2f, system %.2f; %.0f %% of one CPU); h2load used %.0f %% of the CPU the two used\n",
      w, server, 100 * server / w, client, u, y, 100 * client / w, 100 * client / (server + client) }'

  succeeded="$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' "$work/$rpc.txt")"
  ok="$(sed -n 's/^status codes: \([0-9]*\) 2xx.*/\1/p' "$work/$rpc.txt")"
  if [ "$succeeded" != "$requests" ] || [ "$ok" != "$requests" ]; then
    echo "Not every request got a 2xx answer ($succeeded succeeded, $ok 2xx of $requests)." >&2
    exit 1
  fi
  if [ "$rpc" = scrub ]; then
    recorded=$(( $(scrubs) - before_scrubs ))
    echo "the audit store recorded $recorded scrubs for the $requests requests"
    [ "$recorded" -eq "$requests" ] || { echo "Some ScrubClaim calls were not scrubbed (a gRPC error under HTTP 200)." >&2; exit 1; }
  fi
  rate[$rpc]="$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$work/$rpc.txt")"
done
awk -v s="${rate[scrub]}" -v p="${rate[ping]}" 'BEGIN { printf "ScrubClaim %.0f/s, Admin.Ping %.0f/s: ScrubClaim reached %.1f %% of the no-op rate\n", s, p, 100 * s / p }'
if [ -z "${POSTGRES:-}" ] && [ -z "${STORE:-}" ]; then
  total="$(scrubs)"
  # SIGTERM, not SIGINT: a job a script starts in the background ignores SIGINT, so the server would never stop.
  kill -TERM "${server_pids[0]}" && wait "${server_pids[0]}" || true
  server_pids=()
  bytes=$(( $(stat -c %s "$work/scrubber.db") + $( [ -f "$work/scrubber.db-wal" ] && stat -c %s "$work/scrubber.db-wal" || echo 0) ))
  awk -v b="$bytes" -v n="$total" 'BEGIN { printf "store after a checkpoint: %d bytes for %d scrubs, %.0f bytes per scrub (indexes included)\n", b, n, b / n }'
fi
