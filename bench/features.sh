#!/usr/bin/env bash
# Feature benchmark (issue 2 item 7): seconds per 30 s clip for decode / + mel / + gtzan58 / + fma518,
# one core and all cores, beside librosa's figures (../shared/golden/librosa-timings.json).
# Usage: bench/features.sh [--runs N] [--warmup N] [--clips N] [--threads N] [--out docs/bench-features.table.md]
# Don't run it while other builds use the machine if you want figures to quote.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export JAVA_HOME="${GENREKIT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="$here/genrekit-cli/target/classpath.txt"
stamp="$here/genrekit-cli/target/.genrekit-built"
# Same build rule as the genrekit launcher: build when never built or when sources changed.
if [ ! -f "$cp_file" ] || [ ! -f "$stamp" ] || \
   [ -n "$(find "$here" -path "$here/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
  "$here/bin/setup"
  echo "bench: building ..." >&2
  mkdir -p "$here/genrekit-cli/target"
  log="$here/genrekit-cli/target/genrekit-build.log"
  # Offline first (fast when ~/.m2 is filled); online once on a fresh machine.
  if ! (cd "$here" && mvn -B -q -o -DskipTests -pl genrekit-cli -am package) > "$log" 2>&1; then
    if ! (cd "$here" && mvn -B -q -DskipTests -pl genrekit-cli -am package) > "$log" 2>&1; then
      cat "$log" >&2; echo "bench: build failed (log: $log)" >&2; exit 1
    fi
  fi
  touch "$stamp"
fi
cp="$(cat "$cp_file")"
for m in audio features data evaluation models deep serve batch cli; do
  cp="$here/genrekit-$m/target/classes:$cp"
done
exec "$JAVA_HOME/bin/java" ${GENREKIT_BENCH_JAVA_OPTS:--Xmx4g} -Xss8m --enable-native-access=ALL-UNNAMED \
  -Djava.awt.headless=true -Dgenrekit.home="$here" \
  -cp "$cp" org.genrekit.apps.bench.FeatureBench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
