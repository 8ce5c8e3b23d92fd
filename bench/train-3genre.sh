#!/usr/bin/env bash
# Trains Genrekit's best deep model for the 3-genre GTZAN subset (classical, jazz, rock) on the
# fault-filtered train part, selects the epoch on the valid part, writes the bundle OUT and prints
# its validation figures. Usage: bench/train-3genre.sh OUT.gkm [extra `genrekit deep train` options]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/train-3genre.sh OUT.gkm [options]}"; shift
data="${GENREKIT_SHARED:-$here/../shared}/data/gtzan-3genres"
[ -f "$data/manifest.csv" ] || { echo "train-3genre: $data/manifest.csv not found (set GENREKIT_SHARED)" >&2; exit 1; }
start=$(date +%s)
# One engine thread: deterministic sums (the run reproduces) and no OpenMP spinning when the
# machine is shared; batches are still built on another thread.
export OMP_WAIT_POLICY=PASSIVE
"$here/genrekit" deep train --data "$data/manifest.csv" --arch rescnn \
  --epochs 24 --patience 0 --batch 32 --crops 12 --chunk-frames 64 --lr 0.002 --weight-decay 0.01 \
  --gain-db 6 --tilt-db 10 --seed 42 --threads 1 --out "$out" --quiet "$@"
end=$(date +%s)
echo "wall time (inputs + training): $((end - start)) s on $(nproc) cores (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$out.run/metrics.json" <<'PY' 2>/dev/null || cat "$out.run/metrics.json"
import json, sys
m = json.load(open(sys.argv[1]))
print(f"validation accuracy {m['validAccuracy']:.4f}  log loss {m['validLoss']:.4f}  best epoch {m['bestEpoch']}/{m['epochsRun']}"
      f"  ({m['validTracks']} valid / {m['trainTracks']} train tracks, {m['parameters']} parameters, training {m['trainSeconds']:.0f} s)")
PY
echo "bundle: $out ($(stat -c %s "$out") bytes); curves: $out.run/curves.png"
