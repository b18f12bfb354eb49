#!/usr/bin/env bash
# Benchmark: the gateway against a direct JDBC→HTTP loop on the same rows and the same OSS endpoint. Needs
# PostgreSQL on 127.0.0.1:5432 (database test, trust auth) as the legacy source. Appends a section to
# bench/results-runs.md (or out=FILE); bench/results.md summarises the runs. Arguments are name=value:
#   bench/run.sh [records=20000] [oss=light|sim] [heap=256m|default] [concurrency=16] [direct-workers=8]
#                [steady=3000] [steady-rate=100] [state=h2|pg] [jfr=false|true] [out=bench/results-runs.md]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/work
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=bench/work/classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat bench/work/classpath.txt)"
exec java -Xmx2g -Dsun.net.httpserver.nodelay=true -cp "$CP" bench/PipelineBench.java "$@"
