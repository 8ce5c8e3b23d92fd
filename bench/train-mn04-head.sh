#!/usr/bin/env bash
# Transfer learning on the mn04 backbone for the 3-genre GTZAN subset (classical, jazz, rock):
# `deep train --arch mn04-head`, frozen backbone and --fine-tune 2, measured two ways.
#   inner:  trained on part of the fault-filtered train part, epoch chosen on the rest of it
#           (an artist-grouped inner split), then scored once on the artist-disjoint valid part;
#   valid:  trained on the whole train part, epoch chosen on the valid part itself (as the table
#           in docs/deep.md does for the networks trained from scratch; flatters the figure).
# The mn04 backbone must be installed (genrekit backbone install mn04 --from FILE).
# Usage: [SEEDS="42 1 2"] [CACHE=DIR] [MANIFEST=CSV] bench/train-mn04-head.sh OUTDIR [extra `genrekit deep train` options]
# (MANIFEST: another manifest with the same columns, relative_path genre fault_filtered_part clip_id)
# (the inner runs repeat for every seed; a finished run is not redone when the script is called again)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/train-mn04-head.sh OUTDIR [options]}"; shift
shared="${GENREKIT_SHARED:-$here/../shared}"
manifest="${MANIFEST:-$shared/data/gtzan-3genres/manifest.csv}"
[ -f "$manifest" ] || { echo "train-mn04-head: $manifest not found (set GENREKIT_SHARED or MANIFEST)" >&2; exit 1; }
mkdir -p "$out"
export OMP_WAIT_POLICY=PASSIVE
# inner.csv: the train part split by artist into train / valid (about a fifth of each genre, whole
# artists; clips without an artist are groups of one), the valid part set aside as test;
# valid.csv: the valid part for `genrekit evaluate`.
python3 - "$manifest" "$shared/data/gtzan-splits/artists.csv" "$out" <<'PY'
import csv, os, random, sys
manifest, artists, out = sys.argv[1:4]
base = os.path.dirname(os.path.abspath(manifest))
artist = {r["clip_id"]: r["artist"].strip() for r in csv.DictReader(open(artists))}
rows = list(csv.DictReader(open(manifest)))
rnd = random.Random(7)
inner = set()
for genre in sorted({r["genre"] for r in rows}):
    train = [r for r in rows if r["genre"] == genre and r["fault_filtered_part"] == "train"]
    groups = {}
    for r in train:
        groups.setdefault(artist.get(r["clip_id"]) or r["clip_id"], []).append(r["clip_id"])
    names = sorted(groups)
    rnd.shuffle(names)
    taken = 0
    for g in names:
        if taken >= 0.2 * len(train):
            break
        if taken + len(groups[g]) > 0.35 * len(train):
            continue
        inner.update(groups[g])
        taken += len(groups[g])
with open(os.path.join(out, "inner.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["relative_path", "genre", "part", "clip_id"])
    for r in rows:
        part = r["fault_filtered_part"]
        if part == "train":
            part = "valid" if r["clip_id"] in inner else "train"
        elif part == "valid":
            part = "test"  # scored afterwards by `genrekit evaluate`, never read by the training
        w.writerow([os.path.join(base, r["relative_path"]), r["genre"], part, r["clip_id"]])
with open(os.path.join(out, "valid.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["relative_path", "genre", "clip_id"])
    for r in rows:
        if r["fault_filtered_part"] == "valid":
            w.writerow([os.path.join(base, r["relative_path"]), r["genre"], r["clip_id"]])
counts = {}
for r in csv.DictReader(open(os.path.join(out, "inner.csv"))):
    counts[r["part"]] = counts.get(r["part"], 0) + 1
print("inner split:", counts)
PY
common=(--arch mn04-head --epochs 15 --patience 0 --batch 32 --crops 4 --lr 0.002 --weight-decay 0.001 --quiet)
seeds=(${SEEDS:-42})
cache=(); [ -n "${CACHE:-}" ] && cache=(--cache "$CACHE")
for setting in frozen finetune2; do
  extra=(); [ "$setting" = finetune2 ] && extra=(--fine-tune 2)
  runs=(); for s in "${seeds[@]}"; do runs+=("inner $s"); done; runs+=("valid ${seeds[0]}")
  for run in "${runs[@]}"; do
    read -r select seed <<< "$run"
    model="$out/$setting-$select-s$seed.gkm"
    [ -f "$model.valid.json" ] && continue   # done in an earlier call
    if [ "$select" = inner ]; then
      split=(--data "$out/inner.csv")
    else
      split=(--data "$manifest")
    fi
    start=$(date +%s)
    "$here/genrekit" deep train "${split[@]}" "${common[@]}" --seed "$seed" "${extra[@]}" "${cache[@]}" "$@" --out "$model" 2> "$model.log" || { cat "$model.log" >&2; exit 1; }
    echo "$setting/$select/seed $seed: $(( $(date +%s) - start )) s wall (inputs + training; load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/times.txt"
    "$here/genrekit" evaluate --model "$model" --data "$out/valid.csv" > "$model.valid.json" 2> "$model.valid.log" || true
  done
done
# Track-level log loss on the valid part too (from the cached log-mels; `evaluate` gives accuracy).
for model in "$out"/*.gkm; do
  [ -f "$model.loss.json" ] || "$here/genrekit" deep eval --model "$model" --data "$manifest" --part valid "${cache[@]}" \
    > "$model.loss.json" 2>/dev/null || true
done
python3 - "$out" <<'PY'
import glob, json, math, os, statistics, sys
out = sys.argv[1]
print(f"{'model':<26} {'epoch chosen on':<16} {'best epoch':>10} {'train s':>8} {'valid acc ± SE':>16} {'log loss':>8} {'ms/track':>8} {'bundle bytes':>12}")
inner = {}
for m in sorted(glob.glob(os.path.join(out, "*.gkm"))):
    met = json.load(open(m + ".run/metrics.json"))
    ev = json.load(open(m + ".valid.json"))
    acc, n = ev["accuracy"], ev["n"]
    se = math.sqrt(acc * (1 - acc) / n)
    loss = float("nan")
    if os.path.exists(m + ".loss.json") and os.path.getsize(m + ".loss.json") > 0:
        loss = json.load(open(m + ".loss.json"))["log_loss"]
    chosen = "inner-valid" if "-inner-" in m else "valid (itself)"
    if "-inner-" in m:
        inner.setdefault(os.path.basename(m).split("-")[0], []).append((acc, loss))
    print(f"{os.path.basename(m):<26} {chosen:<16} {met['bestEpoch']:>10} {met['trainSeconds']:>8.0f} {acc:>9.3f} ± {se:.3f} {loss:>8.3f} {ev['inference_ms_per_track']:>8.0f} {os.path.getsize(m):>12}")
for k, v in inner.items():
    if len(v) > 1:
        a, l = [x[0] for x in v], [x[1] for x in v]
        sa, sl = statistics.stdev(a) / math.sqrt(len(v)), statistics.stdev(l) / math.sqrt(len(v))
        print(f"{k}: epoch chosen on inner-valid, {len(v)} seeds: valid accuracy {statistics.mean(a):.3f} ± {sa:.3f}, log loss {statistics.mean(l):.3f} ± {sl:.3f} (mean ± SE over seeds)")
PY
