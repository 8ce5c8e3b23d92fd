#!/usr/bin/env bash
# Trains Genrekit's built-in default model (genrekit-models/src/main/resources/org/genrekit/models/default.gkm)
# from the Kaggle GTZAN 58-feature table, reproducibly (fixed seed), in two steps:
#   1. the honest figures: fit on the artist-aware fault-filtered train list, score the valid list;
#      and artist-grouped 5-fold CV over all 640 rows (gtzan-splits/artists.csv);
#   2. the shipped model: the same pipeline (--model default) fitted on all 640 rows.
# Usage: bench/train-default.sh [SHARED_DIR]   (default: ../shared beside the project root)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
shared="${1:-${GENREKIT_SHARED:-$root/../shared}}"
csv="$shared/data/gtzan-features/features_30_sec.csv"
splits="$shared/data/gtzan-splits"
out="$root/genrekit-models/src/main/resources/org/genrekit/models/default.gkm"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
echo "== validation: fault-filtered train list -> valid list" >&2
./genrekit train --data "$csv" --model default --seed 42 --out "$tmp/default-valid.gkm" \
  --train-list "$splits/fault_filtered_train.txt" --valid-list "$splits/fault_filtered_valid.txt"
echo "== validation: artist-grouped 5-fold CV over all 640 rows (mean ± SE)" >&2
./genrekit train --data "$csv?artists=$splits/artists.csv" --model default --seed 42 --holdout 0 --cv --out "$tmp/default-cv.gkm"
echo "== shipped model: all rows" >&2
./genrekit train --data "$csv" --model default --seed 42 --holdout 0 --out "$out"
ls -l "$out" >&2
