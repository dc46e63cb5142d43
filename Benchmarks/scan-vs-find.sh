#!/usr/bin/env bash
# Benchmark: `sunset scan` against `find -type f` on the same tree.
#
#   Benchmarks/scan-vs-find.sh [FILES] [RUNS]
#
# Builds (once, cached under $TMPDIR) a Windows-like tree of FILES files (default 200000)
# with a few Invoice2go companies, backups and exports among them, builds sunset in release
# mode, then runs each tool RUNS times (default 5) with a warm cache and prints the medians,
# the ratio, and sunset's peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-200000}
runs=${2:-5}
tree="${TMPDIR:-/tmp}/sunset-bench-$files"

swift build -c release --product sunset >/dev/null
bin=$(swift build -c release --show-bin-path)/sunset

if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree"
  python3 Benchmarks/make-tree.py "$tree" "$files"
  touch "$tree/.complete"
fi

python3 - "$bin" "$tree" "$runs" <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, tree, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

find_cmd = ["find", tree, "-type", "f"]
scan_cmd = [binary, "scan", tree, "--output", "-"]
timed(find_cmd); timed(scan_cmd)  # warm the cache
find_times = [timed(find_cmd) for _ in range(runs)]
scan_times = [timed(scan_cmd) for _ in range(runs)]
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child: sunset
find_median, scan_median = statistics.median(find_times), statistics.median(scan_times)
print(f"tree: {tree}")
print(f"find -type f : median {find_median:.3f} s over {runs} runs")
print(f"sunset scan  : median {scan_median:.3f} s over {runs} runs")
print(f"ratio scan/find: {scan_median / find_median:.2f}  (target <= 1.5)")
print(f"peak RSS of the largest child: {peak_kib / 1024:.1f} MB  (target <= 150)")
PY
