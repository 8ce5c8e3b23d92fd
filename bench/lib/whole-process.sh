# Whole-process timing for the bench/ scripts (sourced, not run).
#   measure RUNS CMD [ARGS...]   runs CMD RUNS times (stdout and stderr to $BENCH_LOG, default
#                                /dev/null) and sets: wall, cpu (medians, seconds; cpu = user + sys
#                                of the process and its children), walls (all, sorted), load_before,
#                                load_after (1-minute load averages), failed (runs that exited non-zero)
measure() {
  local runs="$1"; shift
  local i t ws=() cs=()
  load_before="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
  failed=0
  for ((i = 0; i < runs; i++)); do
    t="$( { TIMEFORMAT='%R %U %S'; time "$@" >> "${BENCH_LOG:-/dev/null}" 2>&1 || echo "FAILED" >&2; } 2>&1 | tail -n 1)"
    case "$t" in FAILED*) failed=$((failed + 1)); continue ;; esac
    ws+=("$(awk '{print $1}' <<< "$t")")
    cs+=("$(awk '{printf "%.2f", $2 + $3}' <<< "$t")")
  done
  load_after="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
  wall="$(printf '%s\n' "${ws[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}')"
  cpu="$(printf '%s\n' "${cs[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}')"
  walls="$(printf '%s\n' "${ws[@]}" | sort -n | tr '\n' ' ')"
}
