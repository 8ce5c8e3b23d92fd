# Shared by bin/genrekit-spark, bin/genrekit-spark-home and bin/genrekit-spark-app (sourced, not run).
# Needs $root (the project root).

gk_java_home() {
  export JAVA_HOME="${GENREKIT_JAVA_HOME:-${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
  if [ ! -x "$JAVA_HOME/bin/java" ]; then
    echo "genrekit-spark: JDK 25 not found at $JAVA_HOME (set GENREKIT_JAVA_HOME)" >&2; exit 1
  fi
}

# Runs Maven offline first (fast when ~/.m2 is filled), online once on a fresh machine; quiet unless it fails.
gk_mvn() {
  local log; log="$(mktemp "${TMPDIR:-/tmp}/genrekit-mvn.XXXXXX")"
  if ! (cd "$root" && mvn -B -q -o "$@") > "$log" 2>&1; then
    if ! (cd "$root" && mvn -B -q "$@") > "$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; echo "genrekit-spark: mvn $* failed" >&2; return 1
    fi
  fi
  rm -f "$log"
}

# Builds genrekit-spark (and the modules it needs) on first use or when sources changed.
gk_build_spark() {
  local cp_file="$root/genrekit-spark/target/classpath.txt" stamp="$root/genrekit-spark/target/.genrekit-spark-built"
  local needs=0
  if [ ! -f "$cp_file" ] || [ ! -f "$stamp" ]; then
    needs=1
  elif [ -n "$(find "$root" -path "$root/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
    needs=1
  fi
  if [ "$needs" = 1 ]; then
    "$root/bin/setup"
    echo "genrekit-spark: building (first use or changed sources) ..." >&2
    gk_mvn -DskipTests -pl genrekit-spark -am package
    touch "$stamp"
  fi
}

gk_spark_version() {
  sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/pom.xml" | head -1
}

# Prints the file listing Spark's own runtime jars (one path a line), as Maven resolves
# genrekit-spark/spark-home/pom.xml; resolved again when a pom changed.
gk_spark_jars() {
  local list="$root/genrekit-spark/target/spark-jars.txt" pom="$root/genrekit-spark/spark-home/pom.xml"
  if [ ! -s "$list" ] || [ "$pom" -nt "$list" ] || [ "$root/pom.xml" -nt "$list" ]; then
    mkdir -p "$root/genrekit-spark/target"
    local raw="$list.raw"
    gk_mvn -f "$pom" -Dspark.version="$(gk_spark_version)" dependency:build-classpath \
      -Dmdep.outputFile="$raw" -Dmdep.includeScope=runtime
    tr ':' '\n' < "$raw" | grep -v '^$' > "$list"
    rm -f "$raw"
  fi
  echo "$list"
}
