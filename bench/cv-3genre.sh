#!/usr/bin/env bash
# Honest accuracy of bench/train-3genre.sh's residual CNN on the GTZAN 3-genre set: artist-grouped
# 5-fold CV over all 195 clips (artists from gtzan-splits/artists.csv; its 14 clips of unknown artist
# are a group each). In each outer fold the training part is split again (20% held out, artist-
# disjoint) to choose the epoch; the outer fold, used for no choice, is scored. Prints mean ± SE.
# Same network and options as bench/train-3genre.sh. About 5 trainings of ~2-3 min on 2 cores.
# Usage: bench/cv-3genre.sh OUT_PREFIX [extra `genrekit deep train` options]   (writes OUT_PREFIX.run/cv.json)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/cv-3genre.sh OUT_PREFIX [options]}"; shift
shared="${GENREKIT_SHARED:-$here/../shared}"
data="$shared/data/gtzan-3genres"
artists="$shared/data/gtzan-splits/artists.csv"
for f in "$data/manifest.csv" "$artists"; do
  [ -f "$f" ] || { echo "cv-3genre: $f not found (set GENREKIT_SHARED)" >&2; exit 1; }
done
start=$(date +%s)
export OMP_WAIT_POLICY=PASSIVE
"$here/genrekit" deep train --data "$data/manifest.csv" --arch rescnn \
  --epochs 24 --patience 0 --batch 32 --crops 12 --chunk-frames 64 --lr 0.002 --weight-decay 0.01 \
  --gain-db 6 --tilt-db 10 --seed 42 --threads 1 --out "$out" --quiet \
  --cv 5 --artists "$artists" "$@"
end=$(date +%s)
echo "wall time: $((end - start)) s on $(nproc) cores (load average now: $(cut -d' ' -f1-3 /proc/loadavg)); folds: $out.run/cv.json"
