#!/usr/bin/env bash
# Trains and chooses the built-in default model on the mn04 backbone (issue 10): zero-shot mapping,
# calibrated mapping, logreg head on embeddings, blend; artist-grouped 5-fold CV on the 274 GTZAN
# clips of ../shared/data; writes genrekit-models/src/main/resources/org/genrekit/models/default-mn04.gkm
# and docs/backbone-default.md. Needs the backbone installed (genrekit backbone install mn04 ...).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cd "$here"
. "$here/bench/lib/java.sh"
BENCH_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx4g}" bench_java org.genrekit.bench.BackboneDefaultTrainer --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
