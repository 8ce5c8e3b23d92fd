#!/usr/bin/env bash
# Model benchmark (issue 4 item 7): train and predict time of every model on the 640-row Kaggle
# GTZAN table and on synthetic 10-class tables of 518 columns up to 100,000 rows. Sizes whose
# training would exceed the budget (seconds) are extrapolated from the measured growth, and marked.
# Usage: bench/models.sh [--sizes 1000,10000,30000,100000] [--budget 120] [--models a,b] [--out docs/bench-models.table.md]
# The figures are only quotable when nothing else runs on the machine.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export JAVA_HOME="${GENREKIT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# XGBoost's OpenMP threads spin while waiting by default; on a shared machine that costs 10x. Sleep instead.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
cp_file="$here/genrekit-cli/target/classpath.txt"
stamp="$here/genrekit-cli/target/.genrekit-built"
if [ ! -f "$cp_file" ] || [ ! -f "$stamp" ] || \
   [ -n "$(find "$here" -path "$here/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
  "$here/bin/setup"
  echo "bench: building ..." >&2
  (cd "$here" && mvn -B -q -o -DskipTests -pl genrekit-cli -am package >&2 2>/dev/null) || \
  (cd "$here" && mvn -B -q -DskipTests -pl genrekit-cli -am package >&2)
  touch "$stamp"
fi
cp="$(cat "$cp_file")"
for m in audio features data evaluation models deep serve batch cli; do
  cp="$here/genrekit-$m/target/classes:$cp"
done
exec "$JAVA_HOME/bin/java" ${GENREKIT_BENCH_JAVA_OPTS:--Xmx8g} -Xss8m --enable-native-access=ALL-UNNAMED \
  -Djava.awt.headless=true -cp "$cp" org.genrekit.models.bench.ModelBench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
