#!/usr/bin/env bash
# How long each feedback report takes against a running service (for a store grown with
# 'scrubber-bench grow-store'): every report for one ISO week, for one payer in that week, and over the whole store,
# each run three times; prints the wall seconds of each run (scrubctl's own start included) and the rows returned.
#
#   SERVER=http://127.0.0.1:5292 WEEK=2025-W20 PAYER=ACME01 tools/report-timings.sh
#
# The key is $SCRUBBER_API_KEY (reports scope), else scrubctl's default (the development key).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
server="${SERVER:-http://127.0.0.1:5292}"
week="${WEEK:?WEEK, an ISO week such as 2025-W20}"
payer="${PAYER:-ACME01}"
dotnet build -c Release "$root/tools/Scrubber.Cli" -v quiet -nologo >/dev/null
scrubctl() { dotnet "$root/tools/Scrubber.Cli/bin/Release/net10.0/scrubctl.dll" "$@"; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$root" rev-parse --short HEAD), $(scrubctl status --server "$server" | grep '^Store:')"
for scope in "week $week" "payer $payer, week $week" "whole store"; do
  case "$scope" in
    week*) filter=(--week "$week") ;;
    payer*) filter=(--week "$week" --payer "$payer") ;;
    *) filter=() ;;
  esac
  for report in weekly missed kpis patterns overridden-then-denied; do
    times=()
    for _ in 1 2 3; do
      start=$(date +%s.%N)
      rows=$(scrubctl report "$report" "${filter[@]}" --format csv --server "$server" | wc -l)
      times+=("$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')")
    done
    echo "$scope: report $report: ${times[*]} s ($((rows - 1)) rows)"
  done
done
