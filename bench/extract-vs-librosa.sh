#!/usr/bin/env bash
# Extraction benchmark (issue 12 item 2): `genrekit features extract` over 23 real 30 s MP3s against
# librosa 0.11 with 2 worker processes (bench/librosa_extract.py), both timed as whole processes
# (JVM / Python start and imports included); median of --runs runs, with the 1-minute load average.
# The 23 files: the first 8 classical, 8 jazz and 7 rock MP3s (by name) of ../shared/data/gtzan-3genres.
#   bench/extract-vs-librosa.sh [--runs N] [--out FILE.md]
# Without an importable librosa (this machine reaches no Python registry), librosa's time is
# derived from ../shared/golden/librosa-timings.json, measured on this machine kind, as a LOWER
# bound: 2 perfectly parallel workers, decoding left out, plus Python start + `import librosa` and
# the first-call (numba) overhead once. That underestimates librosa, so the speed-up quoted is a
# lower bound.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/whole-process.sh"
shared="${GENREKIT_SHARED:-$here/../shared}"
runs=3 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;; --out) out="$2"; shift 2 ;;
    *) echo "usage: bench/extract-vs-librosa.sh [--runs N] [--out FILE.md]" >&2; exit 2 ;;
  esac
done
g="$shared/data/gtzan-3genres"
[ -d "$g" ] || { echo "extract-vs-librosa.sh: $g not found (set GENREKIT_SHARED)" >&2; exit 1; }
files=()
while IFS= read -r f; do files+=("$f"); done < <(
  { find "$g/classical" -name '*.mp3' | sort | head -n 8; find "$g/jazz" -name '*.mp3' | sort | head -n 8; find "$g/rock" -name '*.mp3' | sort | head -n 7; })
[ "${#files[@]}" = 23 ] || { echo "extract-vs-librosa.sh: expected 23 MP3s, found ${#files[@]}" >&2; exit 1; }
"$here/genrekit" --version > /dev/null   # builds when needed, outside the timing
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export GENREKIT_PROGRESS=never GENREKIT_HOME="$work/home"

have_librosa=0
python3 -c 'import librosa, sys; sys.exit(0 if librosa.__version__.startswith("0.11") else 1)' 2>/dev/null && have_librosa=1
timings="$shared/golden/librosa-timings.json"
# librosa's lower bound from the golden timings (seconds for 23 files, 2 workers), see the header.
librosa_bound() { # RECIPE_KEY
  python3 - "$timings" "$1" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
per_clip = t["single_process"][sys.argv[2]]["median_s"]
cold = t["cold_start"]
first_call = cold["first_fma518_full_pipeline_mp3_s"] - t["single_process"]["fma518_full_pipeline_mp3 (load(mp3, sr=None) + recipe at 44.1 kHz, as features.py)"]["median_s"]
print(f"{cold['import_librosa_s'] + max(first_call, 0) + 23 * per_clip / 2:.2f}")
PY
}

# The last speed-up column divides by half the CPU time: the wall time the run would take if both
# cores were Genrekit's (an estimate for a loaded machine, not a measurement).
table="| recipe, 23 MP3s | Genrekit wall, median (s) | Genrekit CPU (s) | librosa 0.11, 2 workers (s) | speed-up (wall) | speed-up (CPU / 2) | target | load before → after |
|---|---:|---:|---:|---:|---:|---|---|"
for recipe in fma518 gtzan58; do
  measure "$runs" "$here/genrekit" features extract --recipe "$recipe" --out "$work/$recipe.csv" "${files[@]}"
  gw="$wall" gc="$cpu" lb="$load_before" la="$load_after"
  echo "extract-vs-librosa.sh: genrekit $recipe: $gw s wall, $gc s CPU (walls: $walls)" >&2
  if [ "$have_librosa" = 1 ]; then
    measure "$runs" python3 "$here/bench/librosa_extract.py" --set "$recipe" --workers 2 --out "$work/$recipe.librosa.csv" "${files[@]}"
    lw="$wall"; note="measured"
  else
    key="fma518_features_from_y22k (recipe on preloaded 22.05 kHz mono)"
    [ "$recipe" = gtzan58 ] && key="gtzan58_features_from_y22k (incl. HPSS + beat_track)"
    lw="≥ $(librosa_bound "$key")"; note="lower bound from golden timings"
  fi
  target=5; [ "$recipe" = gtzan58 ] && target=15
  speed="$(awk -v l="${lw#≥ }" -v g="$gw" 'BEGIN {printf "%.1f×", l / g}')"
  speed_cpu="$(awk -v l="${lw#≥ }" -v c="$gc" 'BEGIN {printf "%.1f×", l / (c / 2)}')"
  [ "$have_librosa" = 1 ] || { speed="≥ $speed"; speed_cpu="≥ $speed_cpu"; }
  table+=$'\n'"| $recipe | $gw | $gc | $lw ($note) | $speed | $speed_cpu | ≥ $target× | $lb → $la |"
done
echo "$table"
[ -z "$out" ] || printf '%s\n' "$table" > "$out"
