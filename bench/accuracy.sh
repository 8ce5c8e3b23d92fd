#!/usr/bin/env bash
# Validation accuracy of every model on the Kaggle GTZAN 58-feature table, through the CLI:
#   artist split: fit on fault_filtered_train.txt, score fault_filtered_valid.txt (unseen artists);
#   artist-grouped CV: 5-fold CV over all 640 rows with gtzan-splits/artists.csv, no artist in two
#   folds (the 44 clips of unknown artist are a group each), stratified by genre; mean ± standard
#   error over the folds (std / sqrt(5)). No parameter is searched here, so no fold chose anything.
# Prints a markdown table (progress on stderr). Usage: bench/accuracy.sh [SHARED_DIR] [MODEL[:k=v,k=v] ...]
# (MODEL:k=v,... passes --param k=v for each; an ensemble's members are separated by ';').
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
shared="${1:-${GENREKIT_SHARED:-$root/../shared}}"
shift || true
csv="$shared/data/gtzan-features/features_30_sec.csv"
splits="$shared/data/gtzan-splits"
for f in "$csv" "$splits/artists.csv" "$splits/fault_filtered_train.txt" "$splits/fault_filtered_valid.txt"; do
  [ -f "$f" ] || { echo "accuracy.sh: $f not found (pass SHARED_DIR or set GENREKIT_SHARED)" >&2; exit 1; }
done
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
models=("$@")
if [ ${#models[@]} -eq 0 ]; then
  # the rows of README.md's and docs/models.md's table
  models=(majority knn logreg logreg:lambda=30 lda svm-linear:C=0.03 svm-rbf:C=3,gamma=0.01 rf gbm xgboost
          mlp:alpha=0.1,bag=3,epochs=100 default
          "ensemble:members=logreg;svm-linear;rf;xgboost,logreg.lambda=30,svm-linear.C=0.03")
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
echo "| model | params | artist split (valid list, n=197) | artist-grouped 5-fold CV (640 rows, mean ± SE) |"
echo "|---|---|---|---|"
for spec in "${models[@]}"; do
  name="${spec%%:*}"
  args=()
  if [ "$spec" != "$name" ]; then
    IFS=',' read -ra kvs <<< "${spec#*:}"
    for kv in "${kvs[@]}"; do args+=(--param "$kv"); done
  fi
  echo "accuracy.sh: $spec ..." >&2
  t0=$(date +%s)
  a=$(./genrekit train --data "$csv" --model "$name" "${args[@]}" --seed 42 --out "$tmp/a.gkm" \
        --train-list "$splits/fault_filtered_train.txt" --valid-list "$splits/fault_filtered_valid.txt" 2>/dev/null)
  r=$(./genrekit train --data "$csv?artists=$splits/artists.csv" --model "$name" "${args[@]}" --seed 42 --out "$tmp/r.gkm" \
        --holdout 0 --cv --folds 5 2>/dev/null)
  [ "$(jq -r .cv_grouping <<< "$r")" = artist ] || { echo "accuracy.sh: $spec: CV was not artist-grouped: $r" >&2; exit 1; }
  echo "accuracy.sh: $spec done in $(( $(date +%s) - t0 )) s; CV folds: $(jq -c '[.cv_mean, .cv_std]' <<< "$r") (mean, std)" >&2
  params="${spec#"$name"}"
  printf '| %s | %s | %.3f | %.3f ± %.3f |\n' "$name" "${params#:}" \
    "$(jq -r .valid_accuracy <<< "$a")" "$(jq -r .cv_mean <<< "$r")" "$(jq -r .cv_se <<< "$r")"
done
