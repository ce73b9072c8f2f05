#!/usr/bin/env bash
# The history and the report at scale, one machine, one run: the report of 1,000, 10,000 and 50,000
# entries with the heap capped at 256 MB (goal: 10,000 under 1 s, time growing linearly), and one
# append to a history of 10 entries against one of 100,000 (goal: the same cost).
# Usage: bench/history-report.sh [RESULT.md]   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/dev/stdout}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
"$root/mlexp" --version >/dev/null
mlexp="$root/cli/target/mlexp/bin/mlexp"
for _ in $(seq 1 120); do [ "$root/cli/target/mlexp/cds/mlexp.jsa" -nt "$root/cli/target/mlexp/lib/mlexp-cli.jar" ] && break; sleep 1; done

python3 - "$work" <<'PY'
import json, sys, random
work = sys.argv[1]
random.seed(7)
for size in (10, 1000, 10000, 50000, 100000):
    with open(f"{work}/h{size}.jsonl", "w") as out:
        for i in range(size):
            entry = {"schema": 1, "tag": f"v{i // 100}.{i % 100}", "commit": f"{i + 1:040x}",
                     "date": f"20{20 + i // 40000:02d}-01-01T00:00:00Z", "context": "tag",
                     "metrics": {"loss": 1 / (i + 2), "accuracy": 0.5 + 0.4 * i / size, "eval_accuracy": 0.5 + 0.39 * i / size,
                                 "samples_per_sec": 5000 + random.random() * 100},
                     "smoke": {"verdict": "passed", "engine": "container", "seconds": 40.0},
                     "fingerprint": {"image": "registry.example/pytorch:2.5.1@sha256:" + "ab" * 32, "gpu": "NVIDIA H100"},
                     "record": f"EXP-{i % 900 + 100}"}
            out.write(json.dumps(entry) + "\n")
PY
for size in 10 1000 10000 50000 100000; do
  "$mlexp" history import --history "$work/H$size" "$work/h$size.jsonl" >/dev/null
done
printf '{"loss": 0.1, "accuracy": 0.9}\n' > "$work/m.json"
export MLEXP_JAVA_OPTS="-Xmx256m"

{
echo "## Report from the history, heap capped at 256 MB (-Xmx256m), whole process"
echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | sed -n 1p). Each entry: 4 metrics, smoke summary, 2 fingerprint keys, a record ID."
echo
hyperfine -N -w 1 -r 5 --export-markdown "$work/report.md" \
  "$mlexp report --history $work/H1000 --out $work/o1" \
  "$mlexp report --history $work/H10000 --out $work/o2" \
  "$mlexp report --history $work/H50000 --out $work/o3" >/dev/null
sed "s|$work|W|g" "$work/report.md"
echo
echo "Report size for 10,000 entries: $(du -k "$work/o2/index.html" | cut -f1) KiB index.html, $(du -k "$work/o2/report.json" | cut -f1) KiB report.json."
echo
echo "## One append, to a history of 10 entries and to one of 100,000"
echo
hyperfine -N -w 2 -r 15 --export-markdown "$work/append.md" \
  "$mlexp history append --history $work/H10 --tag vX --commit abcdef1 --metrics $work/m.json" \
  "$mlexp history append --history $work/H100000 --tag vX --commit abcdef1 --metrics $work/m.json" >/dev/null
sed "s|$work|W|g" "$work/append.md"
} > "$out"
