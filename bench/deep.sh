#!/usr/bin/env bash
# Speed of every deep architecture: training steps/s (batch 32), and prediction of a 30 s track
# (log-mel + network, one engine thread) as tracks/s and ms/track, wall and CPU time.
# Usage: bench/deep.sh [genrekit deep bench options]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/genrekit" deep bench --threads 1 --steps 10 --tracks 20 "$@"
