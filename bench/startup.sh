#!/usr/bin/env bash
# Start-up benchmark (issue 12 item 2): `genrekit classify` of one 30 s clip as a whole process
# (launcher, JVM start, CLI, model, decoding, features, answer), through the repository's ./genrekit
# and the distribution's bin/genrekit, with and without the AOT cache; median of --runs runs, with
# the 1-minute load average before and after each row (the figures are only worth quoting when it
# is low). Prints a Markdown table.
#   bench/startup.sh [--runs N] [--clip FILE] [--out FILE.md]
# The built-in model is used (GENREKIT_HOME points at an empty folder); the last row uses your
# installed backbone when there is one.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/whole-process.sh"
runs=7 out="" clip="${GENREKIT_SHARED:-$here/../shared}/data/gtzan-3genres/rock/rock.00000.mp3"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;; --clip) clip="$2"; shift 2 ;; --out) out="$2"; shift 2 ;;
    *) echo "usage: bench/startup.sh [--runs N] [--clip FILE] [--out FILE.md]" >&2; exit 2 ;;
  esac
done
[ -f "$clip" ] || { echo "startup.sh: $clip not found (--clip FILE or GENREKIT_SHARED)" >&2; exit 1; }
"$here/genrekit" --version > /dev/null   # builds when needed, outside the timing
dist="$(cat "$here/genrekit-dist/target/.genrekit-built")"
empty="$(mktemp -d)"; trap 'rm -rf "$empty"' EXIT
export GENREKIT_PROGRESS=never

table="| command (built-in model unless said) | wall, median (s) | CPU user+sys, median (s) | runs | load before → after | all walls (s) |
|---|---:|---:|---:|---|---|"
row() { # LABEL CMD...
  local label="$1"; shift
  measure "$runs" "$@"
  table+=$'\n'"| $label | $wall | $cpu | $((runs - failed)) | $load_before → $load_after | $walls|"
  echo "startup.sh: $label: $wall s wall, $cpu s CPU" >&2
}
row "\`./genrekit classify\` 1 clip (repository launcher: AOT cache, C1 JIT)" env GENREKIT_HOME="$empty" "$here/genrekit" classify "$clip"
row "\`bin/genrekit classify\` 1 clip (distribution layout: AOT cache, C1 JIT)" env GENREKIT_HOME="$empty" "$dist/bin/genrekit" classify "$clip"
row "\`bin/genrekit classify\` 1 clip, \`GENREKIT_JIT=full\` (AOT cache, C1 + C2)" env GENREKIT_HOME="$empty" GENREKIT_JIT=full "$dist/bin/genrekit" classify "$clip"
row "\`bin/genrekit classify\` 1 clip, \`GENREKIT_AOT=off GENREKIT_JIT=full\` (neither)" env GENREKIT_HOME="$empty" GENREKIT_AOT=off GENREKIT_JIT=full "$dist/bin/genrekit" classify "$clip"
row "\`bin/genrekit --version\` (JVM + CLI only: AOT cache, C1 JIT)" "$dist/bin/genrekit" --version
row "\`bin/genrekit --version\`, \`GENREKIT_AOT=off GENREKIT_JIT=full\`" env GENREKIT_AOT=off GENREKIT_JIT=full "$dist/bin/genrekit" --version
if [ -d "${GENREKIT_HOME:-$HOME/.local/share/genrekit}/backbones/mn04" ]; then
  row "\`bin/genrekit classify\` 1 clip, backbone default model (mn04 installed)" "$dist/bin/genrekit" classify "$clip"
fi
echo "$table"
[ -z "$out" ] || printf '%s\n' "$table" > "$out"
