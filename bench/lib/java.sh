# Builds and runs the benchmark programs of genrekit-bench for the bench/ scripts (sourced, not run).
# The benchmarks are not in the distribution (docs/bench.md): they run from the reactor's classes
# and ~/.m2's jars, with the JVM flags of the distribution's bin/genrekit, without its AOT cache.
#   bench_build                  compiles genrekit-bench and what it measures (offline Maven), once
#   bench_java MAIN [ARGS...]    runs MAIN; JVM options from BENCH_JAVA_OPTS (default -Xmx4g), and
#                                with BENCH_CPUS (e.g. 0) pinned to those cores by taskset when it exists
bench_root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
export JAVA_HOME="${GENREKIT_JAVA_HOME:-${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}}"

bench_build() {
  [ -n "${bench_cp:-}" ] && return 0
  echo "bench: building genrekit-bench ..." >&2
  # In one reactor run the modules resolve to their target/classes; each writes its own classpath file.
  (cd "$bench_root" && mvn -B -q -o -pl genrekit-bench -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt) >&2
  bench_cp="$bench_root/genrekit-bench/target/classes:$(cat "$bench_root/genrekit-bench/target/bench-classpath.txt")"
}

bench_java() {
  bench_build
  local pin=()
  if [ -n "${BENCH_CPUS:-}" ] && command -v taskset >/dev/null; then pin=(taskset -c "$BENCH_CPUS"); fi
  # XGBoost/OpenMP threads otherwise spin while idle (as in bin/genrekit).
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
  OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" ${pin[@]+"${pin[@]}"} "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx4g} -Xss8m \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dai.djl.offline=true -Djava.awt.headless=true -Dgenrekit.project="$bench_root" \
    -cp "$bench_cp" "$@"
}
