#!/usr/bin/env bash
# Feature store benchmark (issue 3 item 4): writes 100,000 x 518 float rows into a Parquet feature
# store in 256-row batches (as an extraction commits them; closing the store merges them into
# 32768-row parts), then times reading them all back.
# Usage: bench/store.sh [ROWS [COLUMNS [BATCH [RUNS]]]]   (defaults 100000 518 256 3)
# Writes under ${TMPDIR:-/tmp}; needs ~250 MB of disk and a 3 GB heap. Figures depend on the
# disk and on what else runs: don't run it beside builds if you want figures to quote.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export JAVA_HOME="${GENREKIT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$here"
echo "bench: building genrekit-data (test classes) ..." >&2
mvn -B -q -o -pl genrekit-data -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="genrekit-data/target/test-classes:genrekit-data/target/classes:$(cat genrekit-data/target/bench-classpath.txt)"
dir="$(mktemp -d "${TMPDIR:-/tmp}/genrekit-store-bench.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
"$JAVA_HOME/bin/java" ${GENREKIT_BENCH_JAVA_OPTS:--Xmx3g} -cp "$cp" org.genrekit.data.store.StoreBench "$dir/store" "$@"
