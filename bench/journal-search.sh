#!/usr/bin/env bash
# Journal search at scale. Builds the real `message` table with its indexes (the V1 and V6 migrations) in a
# scratch schema of the local PostgreSQL, loads N messages shaped like production (40 systems of skewed
# size, ~50 messages per NIB, 180 days, 97% delivered), then runs each search shape of MessageSearch —
# the same SQL: filters, keyset condition, newest first, limit 51 — with random parameters and reports the
# server-side execution time (EXPLAIN ANALYZE) as p50/p95/p99 and the index the planner chose.
#
#   bench/journal-search.sh [rows=2000000] [runs=30]     → bench/journal-search-results.md
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000000}
runs=${2:-30}
schema=journal_bench
out=bench/journal-search-results.md
PSQL=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qAt)

if [ "${SKIP_LOAD:-}" != 1 ]; then   # SKIP_LOAD=1 reuses the rows of an earlier run
echo "loading $rows messages into $schema ..."
start=$(date +%s)
"${PSQL[@]}" <<SQL
drop schema if exists $schema cascade;
create schema $schema;
set search_path = $schema;
\i src/main/resources/db/migration/V1__journal_and_delivery.sql
\i src/main/resources/db/migration/V6__journal_search.sql
\i src/main/resources/db/migration/V10__message_document_apart.sql
insert into message (message_id, direction, opd_code, system_id, source_ref, method, business_key, nib,
                     status_code, content_hash, mapping_version, received_at, state, state_at, attempts)
select md5(g::text)::uuid::text, 'OUTBOUND', 'opd-' || s, 'sys-' || s, 'tbl:' || g, 'receiveLicenseStatus',
       'IZ-' || (g / 3), (9000000000000 + g / 50)::text, '10', md5('c' || g), 'm@1', t,
       case when r < 0.97 then 'DELIVERED' when r < 0.99 then 'QUEUED' else 'DEAD_LETTERED' end, t, 1
from (select g, floor(40 * power(random(), 2))::int as s, random() as r,
             now() - random() * interval '180 days' as t
      from generate_series(1, $rows) g) x;
analyze message;
SQL
echo "loaded in $(( $(date +%s) - start )) s"
fi

cols="message_id, direction, opd_code, system_id, source_ref, method, business_key, nib, status_code, content_hash,
      mapping_version, received_at, state, state_at, attempts, nomor_izin, last_error"
order="order by received_at desc, message_id desc limit 51"

# shape name ^ SQL producing one random parameter row ^ the search, with :a :b placeholders for that row
shapes=(
  "NIB^select nib from message tablesample system (1) limit 1^nib = ':a'"
  "id_izin^select business_key from message tablesample system (1) limit 1^business_key = ':a'"
  "message id^select message_id from message tablesample system (1) limit 1^message_id = ':a'"
  "system, first page^select 'sys-' || floor(random() * 40)::int^system_id = ':a'"
  "system, page 90 days back^select 'sys-' || floor(random() * 40)::int, (now() - interval '90 days')::text^system_id = ':a' and received_at <= ':b' and (received_at < ':b' or (received_at = ':b' and message_id < 'ffffffff'))"
  "OPD staff: 5 systems^select string_agg('''sys-' || (floor(random() * 40)::int) || '''', ',') from generate_series(1, 5)^system_id in (:a)"
  "state DEAD_LETTERED^select 'DEAD_LETTERED'^state = ':a'"
  "one day^select (now() - random() * interval '170 days')::date::text^received_at >= ':a' and received_at < (date ':a' + 1)"
  "system + one day^select 'sys-' || floor(random() * 40)::int, (now() - random() * interval '170 days')::date::text^system_id = ':a' and received_at >= ':b' and received_at < (date ':b' + 1)"
  "no filter (latest)^select 'x'^1 = 1"
)

pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR-1)*p/100)+1; printf "%.2f", a[i]}'; }

{
  echo "# Journal search at scale"
  echo
  echo "\`bench/journal-search.sh $rows $runs\` on $(nproc) cores, PostgreSQL $("${PSQL[@]}" -c 'show server_version'),"
  echo "$(date -u +%Y-%m-%d): $rows messages in \`message\` with the indexes of V1 and V6. Each shape ran $runs"
  echo "times with random parameters; the times are the server's execution time (EXPLAIN ANALYZE), so they"
  echo "leave out the network and JDBC. The SQL is MessageSearch's: filters, keyset, newest first, limit 51."
  echo
  echo "| search | p50 ms | p95 ms | p99 ms | index used |"
  echo "|---|---:|---:|---:|---|"
} > "$out"

for shape in "${shapes[@]}"; do
  IFS='^' read -r name param where <<< "$shape"
  times=()
  plan_index=""
  for _ in $(seq 1 "$runs"); do
    row=$("${PSQL[@]}" -c "set search_path = $schema; $param")
    a=$(cut -d'|' -f1 <<< "$row"); b=$(cut -s -d'|' -f2 <<< "$row")
    w=${where//:a/$a}; w=${w//:b/$b}
    plan=$("${PSQL[@]}" -c "set search_path = $schema; explain (analyze, format json) select $cols from message where 1 = 1 and $w $order")
    times+=("$(grep -o '"Execution Time": [0-9.]*' <<< "$plan" | awk '{print $3}')")
    [ -z "$plan_index" ] && plan_index=$(grep -o '"Index Name": "[a-z_]*"' <<< "$plan" | head -1 | cut -d'"' -f4)
  done
  printf '%s\n' "${times[@]}" > /tmp/journal-bench-times
  echo "| $name | $(pct 50 < /tmp/journal-bench-times) | $(pct 95 < /tmp/journal-bench-times) | $(pct 99 < /tmp/journal-bench-times) | ${plan_index:-sequential scan} |" >> "$out"
  echo "$name done"
done
"${PSQL[@]}" -c "drop schema $schema cascade"
echo "written $out"
