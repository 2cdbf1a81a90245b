#!/usr/bin/env bash
# Makes the audit store fixtures in tests/fixtures/audit-stores/: for each earlier commit, a real SQLite store written
# by that commit's own server, so that a test can prove a store of an earlier format migrates on start and keeps every
# record. See tests/fixtures/audit-stores/README.md for what each file holds.
#
#   tools/make-audit-store-fixtures.sh [--out DIR] [--work DIR] [--keep] [COMMIT...]
#
# COMMIT defaults to 2835daf and e6d4e96. For each one it:
#   1. adds a detached worktree of the commit (WORK/store-COMMIT, default /tmp/store-COMMIT);
#   2. builds src/Scrubber.Server and tools/Scrubber.Cli in Release, and tools/audit-store-fixtures/client (the
#      ConfirmSubmission and UpdateResolution calls scrubctl has no command for) against that commit's proto;
#   3. starts that server (Development settings and key, loopback ports that are free, Audit:Path on a fresh file);
#   4. scrubs claims made from the commit's tools/samples/claims for two patients (re-scrubs, cross-claim edits, a
#      claim without a patient, a replacement where the commit knows frequency codes), confirms some, ingests two 835s
#      written here (CO-97 denials, an unmatched claim, a reversal), records resolutions, and signs in to the
#      dashboard where the commit keeps sessions in the store;
#   5. stops the server with SIGINT, checkpoints the WAL into the file, checks the counts, and copies the file to
#      OUT/store-COMMIT.db (default tests/fixtures/audit-stores), then removes the worktree (unless --keep).
#
# Needs the .NET SDK of global.json, git, jq, curl, python3 (its sqlite3 module) and a repository that has the commits.
# Scrub ids and timestamps differ from run to run; the counts, claim and line ids, amounts and the 835s (so their
# SHA-256 file ids) do not.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
client_src="$repo/tools/audit-store-fixtures/client"
out="$repo/tests/fixtures/audit-stores"
work="/tmp"
keep=0
commits=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) commits+=("$1"); shift ;;
  esac
done
[ ${#commits[@]} -gt 0 ] || commits=(2835daf e6d4e96)

for tool in git dotnet jq curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required" >&2; exit 1; }
done
python3 -c 'import sqlite3' || { echo "python3 with its sqlite3 module is required" >&2; exit 1; }
mkdir -p "$out"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -INT "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

log() { printf '\n== %s\n' "$*" >&2; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# Runs SQL against the store and prints the rows, tab-separated.
sql() { python3 - "$1" "$2" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]):
    print("\t".join("" if v is None else str(v) for v in row))
con.close()
PY
}

expect() { # expect DESCRIPTION ACTUAL WANTED
  if [ "$2" != "$3" ]; then
    echo "check failed: $1: got '$2', want '$3'" >&2
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------------------------- 835s
# Separators * : ^ ~, a newline after each segment, as the project's Remittance835Writer writes them.
write_835() { # write_835 FILE YYYYMMDD CONTROL SEGMENT... (the segments between LX and SE)
  local file="$1" date="$2" control="$3"; shift 3
  local body=("ST*835*$control" "BPR*I*0*C*NON************${date}" "TRN*1*${control}*1512345678" "DTM*405*${date}"
              "N1*PR*FIXTURE PAYER" "N3*1 PAYER WAY" "N4*BALTIMORE*MD*21244"
              "N1*PE*FIXTURE MEDICAL GROUP*XX*1234567893" "LX*1" "$@")
  local count=$(( ${#body[@]} + 1 ))
  {
    printf 'ISA*00*          *00*          *ZZ*FIXTUREPAYER   *ZZ*SCRUBBER       *%s*1200*^*00501*%09d*0*T*:~\n' "${date:2}" "$control"
    printf 'GS*HP*FIXTUREPAYER*SCRUBBER*%s*1200*%d*X*005010X221A1~\n' "$date" "$control"
    printf '%s~\n' "${body[@]}"
    printf 'SE*%d*%s~\nGE*1*%d~\n' "$count" "$control" "$control"
    printf 'IEA*1*%09d~\n' "$control"
  } > "$file"
}

# ------------------------------------------------------------------------------------------------------- one commit
make_store() {
  local commit="$1"
  local wt="$work/store-$commit"
  local db="$work/store-$commit.db"
  local logs="$work/store-$commit.logs"
  local full
  full="$(git -C "$repo" rev-parse --verify "$commit^{commit}")"
  rm -rf "$logs"; mkdir -p "$logs"

  log "$commit: worktree $wt"
  if [ -d "$wt" ] && [ "$(git -C "$wt" rev-parse HEAD 2>/dev/null)" = "$full" ]; then
    echo "reusing the worktree already there" >&2
  else
    if [ -d "$wt" ]; then git -C "$repo" worktree remove --force "$wt"; fi
    git -C "$repo" worktree add --detach "$wt" "$full" >&2
  fi

  log "$commit: build (Release)"
  (cd "$wt" && dotnet build -c Release src/Scrubber.Server -nologo -v q) > "$logs/build-server.log" 2>&1 || { tail -n 30 "$logs/build-server.log" >&2; exit 1; }
  (cd "$wt" && dotnet build -c Release tools/Scrubber.Cli -nologo -v q) > "$logs/build-cli.log" 2>&1 || { tail -n 30 "$logs/build-cli.log" >&2; exit 1; }
  mkdir -p "$wt/tools/AuditStoreFixtureClient"
  cp "$client_src/Program.cs" "$client_src/AuditStoreFixtureClient.csproj" "$wt/tools/AuditStoreFixtureClient/"
  (cd "$wt" && dotnet build -c Release tools/AuditStoreFixtureClient -nologo -v q) > "$logs/build-client.log" 2>&1 || { tail -n 30 "$logs/build-client.log" >&2; exit 1; }

  local scrubctl=(dotnet "$wt/tools/Scrubber.Cli/bin/Release/net10.0/scrubctl.dll")
  local client=(dotnet "$wt/tools/AuditStoreFixtureClient/bin/Release/net10.0/audit-store-fixture-client.dll")
  local samples="$wt/tools/samples/claims"
  local has_frequency=0 has_sessions=0
  grep -q 'original_claim_id' "$wt/proto/scrubber/v1/scrubber.proto" && has_frequency=1
  grep -q 'dashboard_sessions' "$wt/src/Scrubber.Audit/Schema/Migrations.cs" && has_sessions=1
  local em_sample="$samples/em-with-procedure-needs-25.json"
  [ -f "$em_sample" ] || em_sample="$samples/em-with-procedure-warning.json"

  log "$commit: start the server on a fresh store $db"
  rm -rf "$db" "$db-wal" "$db-shm" "$db-journal" "$db.keys"
  local grpc_port web_port
  grpc_port="$(free_port)"; web_port="$(free_port)"
  while [ "$web_port" = "$grpc_port" ]; do web_port="$(free_port)"; done
  export SCRUBBER_SERVER="http://127.0.0.1:$grpc_port"
  unset SCRUBBER_API_KEY
  # What `dotnet run --project src/Scrubber.Server` does (Development settings, content root src/Scrubber.Server),
  # on the Release build and with a process id that SIGINT reaches directly.
  # Job control on while it starts: a background job of a script otherwise inherits SIGINT ignored, and the stop below
  # is SIGINT, as Ctrl+C would be.
  set -m
  (cd "$wt/src/Scrubber.Server" && exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
      Audit__Path="$db" Packs__Watch=false \
      Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc_port" Kestrel__Endpoints__Web__Url="http://127.0.0.1:$web_port" \
      dotnet bin/Release/net10.0/Scrubber.Server.dll) > "$logs/server.log" 2>&1 &
  server_pid=$!
  set +m
  local ready=0
  for _ in $(seq 1 120); do
    if ! kill -0 "$server_pid" 2>/dev/null; then tail -n 30 "$logs/server.log" >&2; echo "the server stopped" >&2; exit 1; fi
    if "${scrubctl[@]}" status --format json 2>/dev/null | jq -e '(.ncciTables | length) > 0 and (.packs | length) > 0' >/dev/null 2>&1; then
      ready=1; break
    fi
    sleep 1
  done
  [ "$ready" = 1 ] || { tail -n 30 "$logs/server.log" >&2; echo "the server did not load its tables and packs" >&2; exit 1; }

  local claims="$logs/claims"
  mkdir -p "$claims"
  declare -A scrub_ids=()
  scrub() { # scrub NAME CLAIM.json: scrubs the claim, keeps its scrub id under NAME
    local name="$1" file="$2" answer
    answer="$("${scrubctl[@]}" scrub "$file" --format json)"
    printf '%s\n' "$answer" > "$logs/scrub-$name.json"
    scrub_ids[$name]="$(jq -r '.scrubId' <<<"$answer")"
    printf '  scrub %-10s %s %s, %s edit(s)\n' "$name" "${scrub_ids[$name]}" "$(jq -r '.disposition' <<<"$answer")" "$(jq '.edits | length' <<<"$answer")" >&2
  }
  confirm() { # confirm NAME
    "${client[@]}" confirm "${scrub_ids[$1]}" > "$logs/confirm-$1.json"
    printf '  confirm %-8s %s\n' "$1" "$(cat "$logs/confirm-$1.json")" >&2
  }
  resolve() { # resolve CLAIM LINE STATUS DATE AMOUNT|- NOTE
    "${client[@]}" resolve "$@" >> "$logs/resolutions.json"
    printf '  resolve %s line %s: %s on %s\n' "$1" "$2" "$3" "$4" >&2
  }
  claim() { # claim OUT SAMPLE JQ-FILTER: a claim made from a bundled sample
    jq "$3" "$2" > "$claims/$1.json"
    printf '%s' "$claims/$1.json"
  }
  local A="FIXTURE-PATIENT-A" B="FIXTURE-PATIENT-B"

  log "$commit: scrubs and confirmations"
  # Patient A, 2023-06-15: 0001A + 36591 (NCCI indicator 0, a hard stop), sent anyway.
  scrub FX-1001 "$(claim FX-1001 "$samples/indicator-0-hard-stop.json" ".claimId=\"FX-1001\" | .patientId=\"$A\"")"
  confirm FX-1001
  # Patient A, same day: 99213 + 0001A (indicator 1, wants 25 on the E/M; pairs across claims with FX-1001), then
  # re-scrubbed with 25 on the E/M and the re-scrub sent.
  scrub FX-1002a "$(claim FX-1002a "$em_sample" ".claimId=\"FX-1002\" | .patientId=\"$A\"")"
  scrub FX-1002b "$(claim FX-1002b "$em_sample" ".claimId=\"FX-1002\" | .patientId=\"$A\" | .lines[0].modifiers=[\"25\"]")"
  confirm FX-1002b
  # Patient B, 2026-07-01: 0001U + 0030U-XS (indicator 1 bypassed by XS), sent.
  scrub FX-1003 "$(claim FX-1003 "$samples/bypassed-by-xs.json" ".claimId=\"FX-1003\" | .patientId=\"$B\"")"
  confirm FX-1003
  # Patient B, 2026-07-14, payer ACME01: ECG with a visit that lacks 25 (the acme-commercial pack), then with 25; sent.
  scrub FX-1004a "$(claim FX-1004a "$samples/acme-ecg-with-visit.json" ".claimId=\"FX-1004\" | .patientId=\"$B\"")"
  scrub FX-1004b "$(claim FX-1004b "$samples/acme-ecg-with-visit.json" ".claimId=\"FX-1004\" | .patientId=\"$B\" | .lines[0].modifiers=[\"25\"]")"
  confirm FX-1004b
  # Patient A, 2023-06-15: 36591 alone, a hard stop against FX-1001's 0001A across claims; a draft, never confirmed.
  scrub FX-1005 "$(claim FX-1005 "$samples/indicator-0-hard-stop.json" ".claimId=\"FX-1005\" | .patientId=\"$A\" | .lines=[.lines[1] | .lineId=\"1\"]")"
  # Patient B, 2026-07-01: 0030U without XS, paired across claims with FX-1003's 0001U; sent anyway.
  scrub FX-1006 "$(claim FX-1006 "$samples/bypassed-by-xs.json" ".claimId=\"FX-1006\" | .patientId=\"$B\" | .lines=[.lines[1] | .lineId=\"1\" | del(.modifiers)]")"
  confirm FX-1006
  # No patient id (patient_key ''): a draft.
  scrub FX-1010 "$(claim FX-1010 "$samples/bypassed-by-xs.json" ".claimId=\"FX-1010\" | del(.patientId)")"
  if [ -f "$samples/mue-units-over-limit.json" ] && [ -f "$samples/add-on-without-primary.json" ]; then
    # Patient A, 2026-08-03: 0009U over its MUE, sent. Patient B, same day: an add-on without its primary, a draft.
    scrub FX-1007 "$(claim FX-1007 "$samples/mue-units-over-limit.json" ".claimId=\"FX-1007\" | .patientId=\"$A\"")"
    confirm FX-1007
    scrub FX-1008 "$(claim FX-1008 "$samples/add-on-without-primary.json" ".claimId=\"FX-1008\" | .patientId=\"$B\"")"
  fi

  log "$commit: 835 #1 (2026-07-20): FX-1001, FX-1002, FX-1003, FX-1006 and one claim never scrubbed"
  local era1="$logs/era-2026-07-20.835" era2="$logs/era-2026-07-27.835"
  write_835 "$era1" 20260720 101 \
    "CLP*FX-1001*1*65*40**12*ICN-FX-1001*11*1" "NM1*QC*1*DOE*ANNA****MI*FXA000001" \
      "SVC*HC:0001A*40*40**1" "DTM*472*20230615" "REF*6R*1" "AMT*B6*40" \
      "SVC*HC:36591*25*0**1" "DTM*472*20230615" "CAS*CO*97*25" "REF*6R*2" "LQ*HE*M15" \
    "CLP*FX-1002*1*150*150**12*ICN-FX-1002*11*1" "NM1*QC*1*DOE*ANNA****MI*FXA000001" \
      "SVC*HC:99213:25*110*110**1" "DTM*472*20230615" "REF*6R*1" "AMT*B6*110" \
      "SVC*HC:0001A*40*40**1" "DTM*472*20230615" "REF*6R*2" "AMT*B6*40" \
    "CLP*FX-1003*1*480*300**12*ICN-FX-1003*11*1" "NM1*QC*1*ROE*BEN****MI*FXB000002" \
      "SVC*HC:0001U*300*300**1" "DTM*472*20260701" "AMT*B6*300" \
      "SVC*HC:0030U:XS*180*0**1" "DTM*472*20260701" "CAS*CO*97*180" "REF*6R*2" "LQ*HE*M15" \
    "CLP*FX-1006*4*180*0**12*ICN-FX-1006*11*1" "NM1*QC*1*ROE*BEN****MI*FXB000002" \
      "SVC*HC:0030U*180*0**1" "DTM*472*20260701" "CAS*CO*97*180" "REF*6R*1" "LQ*HE*M15" \
    "CLP*FX-9999*1*95*95**12*ICN-FX-9999*11*1" "NM1*QC*1*POE*CAL****MI*FXC000003" \
      "SVC*HC:99214*95*95**1" "DTM*472*20260705" "REF*6R*1" "AMT*B6*95"
  "${scrubctl[@]}" remit ingest "$era1" | tee "$logs/ingest-1.txt" >&2

  log "$commit: resolutions"
  resolve FX-1001 2 appealed 2026-07-24 - "Appeal sent with the operative note"
  resolve FX-1003 2 written_off 2026-07-27 180.00 "XS not supported by the documentation"
  resolve FX-1006 1 corrected_claim_sent 2026-07-22 - "Corrected claim with XS"

  log "$commit: the corrected claim for FX-1006$([ "$has_frequency" = 1 ] && echo ' (a replacement, frequency 7)')"
  if [ "$has_frequency" = 1 ]; then
    scrub FX-1011 "$(claim FX-1011 "$samples/bypassed-by-xs.json" ".claimId=\"FX-1011\" | .patientId=\"$B\" | .lines=[.lines[1] | .lineId=\"1\"] | .frequency=\"CLAIM_FREQUENCY_REPLACEMENT\" | .originalClaimId=\"FX-1006\" | .payerClaimControlNumber=\"ICN-FX-1006\"")"
  else
    scrub FX-1011 "$(claim FX-1011 "$samples/bypassed-by-xs.json" ".claimId=\"FX-1011\" | .patientId=\"$B\" | .lines=[.lines[1] | .lineId=\"1\"]")"
  fi
  confirm FX-1011

  log "$commit: 835 #2 (2026-07-27): FX-1002 reversed and paid again, FX-1011 paid"
  write_835 "$era2" 20260727 102 \
    "CLP*FX-1002*22*-150*-150**12*ICN-FX-1002*11*1" "NM1*QC*1*DOE*ANNA****MI*FXA000001" \
      "SVC*HC:99213:25*-110*-110**-1" "DTM*472*20230615" "REF*6R*1" \
      "SVC*HC:0001A*-40*-40**-1" "DTM*472*20230615" "REF*6R*2" \
    "CLP*FX-1002*1*150*135**12*ICN-FX-1002*11*1" "NM1*QC*1*DOE*ANNA****MI*FXA000001" \
      "SVC*HC:99213:25*110*95**1" "DTM*472*20230615" "CAS*CO*45*15" "REF*6R*1" "AMT*B6*95" \
      "SVC*HC:0001A*40*40**1" "DTM*472*20230615" "REF*6R*2" "AMT*B6*40" \
    "CLP*FX-1011*1*180*180**12*ICN-FX-1011*11*1" "NM1*QC*1*ROE*BEN****MI*FXB000002" \
      "SVC*HC:0030U:XS*180*180**1" "DTM*472*20260701" "REF*6R*1" "AMT*B6*180"
  "${scrubctl[@]}" remit ingest "$era2" | tee "$logs/ingest-2.txt" >&2

  # A second step on the appealed line: the appeal won.
  resolve FX-1001 2 recovered 2026-08-10 25.00 "Appeal upheld, paid in full"

  if [ "$has_sessions" = 1 ]; then
    log "$commit: dashboard sessions (two sign-ins, one signed out)"
    local web="http://127.0.0.1:$web_port" n
    for n in 1 2; do
      local jar="$logs/cookies-$n.txt" page field token status
      page="$(curl -sf -c "$jar" -b "$jar" "$web/signin")"
      field="$(sed -n 's/.*<input type="hidden" name="\([^"]*\)" value="\([^"]*\)".*/\1/p' <<<"$page")"
      token="$(sed -n 's/.*<input type="hidden" name="\([^"]*\)" value="\([^"]*\)".*/\2/p' <<<"$page")"
      status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "key=scr_dev_loopback_only_not_a_secret" --data-urlencode "$field=$token" "$web/signin")"
      expect "sign-in $n answers a redirect" "$status" 302
    done
    curl -s -o /dev/null -c "$logs/cookies-1.txt" -b "$logs/cookies-1.txt" "$web/signout"
  fi

  log "$commit: stop the server (SIGINT)"
  kill -INT "$server_pid"
  for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$server_pid" 2>/dev/null && { echo "the server did not stop within 60 s of SIGINT" >&2; exit 1; }
  local code=0
  wait "$server_pid" || code=$?
  server_pid=""
  expect "server exit code after SIGINT" "$code" 0

  # A clean stop leaves no WAL; if one is left, fold it into the file.
  if [ -e "$db-wal" ] || [ -e "$db-shm" ]; then
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()); c.close()' "$db" >&2
    rm -f "$db-wal" "$db-shm"
  fi
  expect "integrity_check" "$(sql "$db" 'PRAGMA integrity_check')" ok

  log "$commit: what the store holds"
  local t
  for t in scrubs scrub_lines edits claim_submissions remittance_files remit_claims remit_lines remit_adjustments resolutions sent_lines dashboard_sessions; do
    if [ -n "$(sql "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '$t'")" ]; then
      printf '  %-20s %s\n' "$t" "$(sql "$db" "SELECT COUNT(*) FROM $t")" >&2
    fi
  done
  printf '  %-20s %s\n' "schema_version" "$(sql "$db" 'SELECT MAX(version) FROM schema_version')" >&2

  # What the scenario made, whatever the commit.
  local extra=0
  [ -n "${scrub_ids[FX-1007]:-}" ] && extra=2
  expect "scrubs" "$(sql "$db" 'SELECT COUNT(*) FROM scrubs')" $((10 + extra))
  expect "confirmed claims" "$(sql "$db" 'SELECT COUNT(*) FROM claim_submissions WHERE confirmed_at IS NOT NULL')" $((6 + extra / 2))
  expect "remittance files" "$(sql "$db" 'SELECT COUNT(*) FROM remittance_files')" 2
  expect "matched remit claims" "$(sql "$db" 'SELECT COUNT(*) FROM remit_claims WHERE scrub_id IS NOT NULL')" 7
  expect "unmatched remit claims" "$(sql "$db" "SELECT group_concat(claim_id) FROM remit_claims WHERE scrub_id IS NULL")" FX-9999
  expect "matched remit lines" "$(sql "$db" 'SELECT COUNT(*) FROM remit_lines WHERE scrub_id IS NOT NULL')" 12
  expect "lines matched without REF*6R" "$(sql "$db" "SELECT COUNT(*) FROM remit_lines WHERE scrub_id IS NOT NULL AND line_control_number = ''")" 1
  expect "reversed remit claims" "$(sql "$db" 'SELECT COUNT(*) FROM remit_claims WHERE reversed_by IS NOT NULL')" 1
  expect "resolutions" "$(sql "$db" 'SELECT COUNT(*) FROM resolutions')" 4
  expect "denied lines" "$(sql "$db" "SELECT group_concat(claim_id || '/' || line_id, ' ') FROM (SELECT claim_id, line_id FROM line_outcomes WHERE outcome = 'denied' ORDER BY claim_id, line_id)")" "FX-1001/2 FX-1003/2 FX-1006/1"

  cp "$db" "$out/store-$commit.db"
  chmod 0644 "$out/store-$commit.db"
  log "$commit: wrote $out/store-$commit.db ($(stat -c %s "$out/store-$commit.db") bytes); logs, claims and 835s in $logs"

  if [ "$keep" = 0 ]; then
    git -C "$repo" worktree remove --force "$wt"
  fi
}

for commit in "${commits[@]}"; do
  make_store "$commit"
done
