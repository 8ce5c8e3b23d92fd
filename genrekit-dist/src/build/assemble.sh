#!/usr/bin/env bash
# Assembles the distribution folder OUT/NAME/ from the runtime jars and, with --archive true,
# OUT/NAME.tar.gz. Run by genrekit-dist's `package` phase (see its pom.xml); incremental: jars are
# copied only when changed, the licences and the AOT cache are remade only when a jar changed.
#   assemble.sh --name NAME --jars FILE(path:path:...) --out DIR --archive true|false --aot true|false --java-home DIR
set -euo pipefail
module="$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)"
root="$(cd "$module/.." && pwd)"
name="" jars_file="" out="" archive=true aot=true java_home=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2" ;; --jars) jars_file="$2" ;; --out) out="$2" ;;
    --archive) archive="$2" ;; --aot) aot="$2" ;; --java-home) java_home="$2" ;;
    *) echo "assemble.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ -n "$name" ] && [ -f "$jars_file" ] && [ -n "$out" ] && [ -x "$java_home/bin/java" ] \
  || { echo "assemble.sh: needs --name, --jars FILE, --out DIR and --java-home JDK" >&2; exit 2; }
dist="$out/$name"
mkdir -p "$dist/bin" "$dist/lib" "$dist/licenses"

IFS=: read -r -a jars < "$jars_file" || true  # no newline at its end

# 0. Third-party jars with classes older than Java 6 (picocli) get them re-emitted with stack maps,
#    which the AOT cache needs (UpgradeClassFiles.java); done again only when a third-party jar changed.
upg="$out/upgraded-jars"
third=()
for j in "${jars[@]}"; do case "$(basename "$j")" in genrekit-*|"") ;; *) third+=("$j") ;; esac; done
upg_state="$(for j in "${third[@]}"; do printf '%s %s %s\n' "$j" "$(wc -c < "$j")" "$(date -r "$j" +%s)"; done; cksum < "$module/src/build/UpgradeClassFiles.java")"
if [ "$upg_state" != "$(cat "$upg/.state" 2>/dev/null || true)" ]; then
  rm -rf "$upg"; mkdir -p "$upg"
  "$java_home/bin/java" "$module/src/build/UpgradeClassFiles.java" "$upg" "${third[@]}"
  printf '%s\n' "$upg_state" > "$upg/.state"
fi

# 1. lib/: every runtime jar, under its own file name; lib/classpath keeps Maven's order.
declare -A seen=()
rel=""
for j in "${jars[@]}"; do
  [ -n "$j" ] || continue
  b="$(basename "$j")"
  if [ -n "${seen[$b]:-}" ]; then echo "assemble.sh: two runtime jars named $b: ${seen[$b]} and $j" >&2; exit 1; fi
  seen[$b]="$j"
  t="$dist/lib/$b"
  [ -f "$upg/$b" ] && j="$upg/$b"
  # mtime and size both: the AOT cache checks them, so a copy keeps the source's (cp -p).
  if [ ! -f "$t" ] || [ "$j" -nt "$t" ] || [ "$t" -nt "$j" ] || [ "$(wc -c < "$j")" != "$(wc -c < "$t")" ]; then
    cp -p "$j" "$t"
  fi
  rel="${rel:+$rel:}$b"
done
for t in "$dist"/lib/*.jar; do
  [ -e "$t" ] || continue
  [ -n "${seen[$(basename "$t")]:-}" ] || rm -f "$t"
done
printf '%s\n' "$rel" > "$dist/lib/classpath.new"
if cmp -s "$dist/lib/classpath.new" "$dist/lib/classpath" 2>/dev/null; then rm "$dist/lib/classpath.new"; else mv "$dist/lib/classpath.new" "$dist/lib/classpath"; fi

# 2. bin/, README, licences.
install -m 755 "$module/src/main/dist/bin/genrekit" "$dist/bin/genrekit"
install -m 644 "$module/src/main/dist/README.md" "$dist/README.md"
install -m 644 "$root/LICENSE" "$dist/LICENSE"
# What the jars are: name size mtime, one a line; the licences and the AOT cache follow it.
state="$(cd "$dist/lib" && for b in ${rel//:/ }; do printf '%s %s %s\n' "$b" "$(wc -c < "$b")" "$(date -r "$b" +%s)"; done)"
if [ "$state" != "$(cat "$dist/licenses/.jars" 2>/dev/null || true)" ]; then
  rm -rf "$dist/licenses"; mkdir -p "$dist/licenses"
  "$java_home/bin/java" "$module/src/build/Licenses.java" "$dist/licenses" "${jars[@]}"
  for u in "$upg"/*.jar; do
    [ -e "$u" ] || continue
    printf '\nChanged by this build: in `%s` the class files older than Java 6 were re-emitted as class-file version 52\nwith stack maps (genrekit-dist/src/build/UpgradeClassFiles.java), so that the JVM'"'"'s AOT cache can hold them;\nthe instructions are unchanged.\n' "$(basename "$u")" >> "$dist/licenses/THIRD-PARTY.md"
  done
  printf '%s\n' "$state" > "$dist/licenses/.jars"
fi

# 3. The JVM's AOT cache (JEP 483/514/515) from a training run on synthetic music, through the
#    launcher itself so that the class path and JVM options are the ones users run with.
jvm="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release")"
aot_state="$jvm"$'\n'"$state"$'\n'"$(cksum < "$module/src/main/dist/bin/genrekit")"
if [ "$aot" = true ]; then
  if [ ! -f "$dist/lib/genrekit.aot" ] || [ "$aot_state" != "$(cat "$dist/lib/.aot-state" 2>/dev/null || true)" ]; then
    rm -f "$dist/lib/genrekit.aot" "$dist/lib/genrekit.aot.jvm" "$dist/lib/.aot-state"
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/genrekit-aot.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    mkdir "$tmp/home"
    start=$SECONDS
    # GENREKIT_HOME empty: the built-in model, as on a fresh install; stdout has the JVM's AOT messages.
    if ! GENREKIT_HOME="$tmp/home" GENREKIT_JAVA_HOME="$java_home" GENREKIT_AOT=off \
         GENREKIT_MAIN_CLASS=org.genrekit.apps.cli.AotTraining \
         GENREKIT_JAVA_OPTS="-Xmx4g -XX:AOTCacheOutput=$dist/lib/genrekit.aot -Xlog:aot=error" \
         "$dist/bin/genrekit" > "$tmp/log" 2>&1 || [ ! -s "$dist/lib/genrekit.aot" ]; then
      cat "$tmp/log" >&2; echo "assemble.sh: the AOT training run failed" >&2; exit 1
    fi
    printf '%s\n' "$jvm" > "$dist/lib/genrekit.aot.jvm"
    printf '%s\n' "$aot_state" > "$dist/lib/.aot-state"
    echo "assemble.sh: AOT cache $(($(wc -c < "$dist/lib/genrekit.aot") / 1048576)) MiB in $((SECONDS - start)) s for $jvm"
  fi
else
  rm -f "$dist/lib/genrekit.aot" "$dist/lib/genrekit.aot.jvm" "$dist/lib/.aot-state"
fi

# 4. The archive (gzip -1: the jars are compressed already).
if [ "$archive" = true ]; then
  tar -cf - -C "$out" --exclude .aot-state --exclude .jars "$name" | gzip -1 > "$out/$name.tar.gz.tmp"
  mv "$out/$name.tar.gz.tmp" "$out/$name.tar.gz"
  echo "assemble.sh: $out/$name.tar.gz ($(($(wc -c < "$out/$name.tar.gz") / 1048576)) MiB)"
fi
