#!/usr/bin/env bash
# Benchmark: the delivery pipeline against a direct read+POST loop. Needs PostgreSQL on 127.0.0.1:5432
# (database test, trust auth) as the legacy source. Writes bench/results.md.
#   bench/run.sh [records=100000] [concurrency=16] [steady=3000] [steady-rate=200]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/work
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=bench/work/classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat bench/work/classpath.txt)"
exec java -Xmx3g -cp "$CP" bench/PipelineBench.java "$@"
