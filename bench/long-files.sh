#!/usr/bin/env bash
# Long files (issue 4 item 2): peak RSS and wall time of `features extract` (gtzan58, fma518) on
# 10-minute, 1-hour and 3-hour MP3s, one file and one thread at a time, with a capped heap.
# The MP3s (44.1 kHz stereo, 192 kbit/s, like a ripped album) are made once from ../shared's GTZAN
# clips, end to end and repeated, with the FFmpeg program of the bytedeco jar (or one on PATH).
# Usage: bench/long-files.sh [--minutes "10 60 180"] [--recipes "gtzan58 fma518"] [--heap 1g]
#                            [--dir /tmp/genrekit-long-files] [--out docs/bench-long-files.md]
# Peak RSS is /usr/bin/time's "Maximum resident set size" of the JVM. The machine is shared:
# the load average is printed with each run.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
minutes="10 60 180"
recipes="gtzan58 fma518"
heap="1g"
dir="${TMPDIR:-/tmp}/genrekit-long-files"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --recipes) recipes="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
shared="${GENREKIT_SHARED:-$here/../shared}"
clips="$shared/data/gtzan-3genres"
[ -d "$clips" ] || { echo "need $clips (GTZAN MP3s)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "need /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$dir"

# Build once, then run a snapshot of the classes (the JVM flags of bin/genrekit-java), so that
# edits and builds during a long run change neither the code measured nor the figures.
"$here/bin/genrekit-java" org.genrekit.apps.cli.Main --version > /dev/null
java="${GENREKIT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
snap="$dir/classes"; rm -rf "$snap"; mkdir -p "$snap"
cp="$(cat "$here/genrekit-cli/target/classpath.txt")"
for m in audio features backbone data evaluation models deep serve batch cli; do
  cp -r "$here/genrekit-$m/target/classes" "$snap/$m"
  cp="$snap/$m:$cp"
done
jvm_flags=(-Xss8m --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Djava.awt.headless=true
  -Dgenrekit.project="$here" -Dgenrekit.progress=never -cp "$cp" org.genrekit.apps.cli.Main)
ffmpeg="$(command -v ffmpeg || true)"
if [ -z "$ffmpeg" ]; then
  finder="$dir/FindFfmpeg.java"
  printf '%s\n' 'public class FindFfmpeg { public static void main(String[] a) throws Exception {' \
    '  System.out.println(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)); } }' > "$finder"
  ffmpeg="$("$java" -cp "$cp" "$finder" 2>/dev/null | tail -1)"
  export LD_LIBRARY_PATH="$(dirname "$ffmpeg")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi

make_mp3() { # minutes -> file
  local m="$1" f="$dir/long-$1min.mp3"
  if [ ! -s "$f" ]; then
    local list="$dir/list-$m.txt" need=$(( m * 2 + 1 )) n=0
    : > "$list"
    while [ "$n" -lt "$need" ]; do
      for c in $(find "$clips" -name '*.mp3' | sort); do
        echo "file '$c'" >> "$list"; n=$((n + 1)); [ "$n" -ge "$need" ] && break
      done
    done
    echo "making $f ($m min) ..." >&2
    "$ffmpeg" -nostdin -v error -y -f concat -safe 0 -i "$list" -t $(( m * 60 )) -ar 44100 -ac 2 -c:a libmp3lame -b:a 192k "$f"
  fi
  echo "$f"
}

table="| file | recipe | wall s | CPU s | peak RSS MB | exit | load avg (1 min) before / after |"
table+=$'\n'"|---|---|---|---|---|---|---|"
for m in $minutes; do
  f="$(make_mp3 "$m")"
  for r in $recipes; do
    res="$dir/out-$r-$m.csv"; rm -f "$res"
    before="$(cut -d' ' -f1 /proc/loadavg)"
    set +e
    /usr/bin/time -v -o "$dir/time-$r-$m.txt" "$java" "-Xmx$heap" "${jvm_flags[@]}" \
      features extract --recipe "$r" --threads 1 --out "$res" "$f" > "$dir/log-$r-$m.txt" 2>&1
    code=$?
    set -e
    after="$(cut -d' ' -f1 /proc/loadavg)"
    rss_kb="$(grep 'Maximum resident set size' "$dir/time-$r-$m.txt" | awk '{print $NF}')"
    wall="$(grep 'Elapsed (wall clock)' "$dir/time-$r-$m.txt" | awk '{print $NF}')"
    secs="$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')"
    cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$dir/time-$r-$m.txt")"
    line="| $m min MP3 | $r | $secs | $cpu | $((rss_kb / 1024)) | $code | $before / $after |"
    echo "$line" >&2
    table+=$'\n'"$line"
  done
done
echo "$table"
if [ -n "$out" ]; then
  {
    echo "# Long files: memory and time of \`features extract\`"
    echo
    echo "\`bench/long-files.sh --minutes \"$minutes\" --heap $heap\` on $(nproc) cores, $(date -u +%Y-%m-%d); one thread, -Xmx$heap;"
    echo "44.1 kHz stereo 192 kbit/s MP3s made from GTZAN clips. Shared machine: see the load averages."
    echo
    echo "$table"
  } > "$here/$out"
fi
