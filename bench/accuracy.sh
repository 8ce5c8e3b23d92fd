#!/usr/bin/env bash
# Validation accuracy of every model on the Kaggle GTZAN 58-feature table, through the CLI:
#   artist split: fit on fault_filtered_train.txt, score fault_filtered_valid.txt (unseen artists);
#   random split: 5-fold stratified CV over all 640 rows (each fold a random 80/20 split), mean ± std.
# Prints a markdown table. Usage: bench/accuracy.sh [SHARED_DIR] [MODEL[:k=v,k=v] ...]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
shared="${1:-${GENREKIT_SHARED:-$root/../shared}}"
shift || true
csv="$shared/data/gtzan-features/features_30_sec.csv"
splits="$shared/data/gtzan-splits"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
models=("$@")
if [ ${#models[@]} -eq 0 ]; then
  models=(majority knn logreg lda svm-linear svm-rbf rf gbm xgboost mlp default)
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
echo "| model | params | artist split (valid list, n=197) | random split (5-fold CV, 640 rows) |"
echo "|---|---|---|---|"
for spec in "${models[@]}"; do
  name="${spec%%:*}"
  args=()
  if [ "$spec" != "$name" ]; then
    IFS=',' read -ra kvs <<< "${spec#*:}"
    for kv in "${kvs[@]}"; do args+=(--param "$kv"); done
  fi
  a=$(./genrekit train --data "$csv" --model "$name" "${args[@]}" --seed 42 --out "$tmp/a.gkm" \
        --train-list "$splits/fault_filtered_train.txt" --valid-list "$splits/fault_filtered_valid.txt" 2>/dev/null)
  r=$(./genrekit train --data "$csv" --model "$name" "${args[@]}" --seed 42 --out "$tmp/r.gkm" --holdout 0 --cv --folds 5 2>/dev/null)
  printf '| %s | %s | %.3f | %.3f ± %.3f |\n' "$name" "${spec#"$name"}" \
    "$(jq -r .valid_accuracy <<< "$a")" "$(jq -r .cv_mean <<< "$r")" "$(jq -r .cv_std <<< "$r")"
done
