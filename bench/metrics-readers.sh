#!/usr/bin/env bash
# Reading long metrics logs, mlexp against Python side by side in one run (issue 19): a TensorBoard event file of
# 1,000,000 steps against protobuf's python3-protobuf (C++ parser, the framing read without checking checksums), and
# a 1,000,000-line CSV against Python's csv module. Both sides read the whole file and keep the last value of each
# metric (mlexp: 'history append --metrics', through README's ./mlexp). Goal: mlexp >= 3x faster, memory flat in the
# file's length (peak RSS at 100,000 and 1,000,000 steps).
# Usage: bench/metrics-readers.sh [RESULT.md]   (needs hyperfine, python3-protobuf; builds with mvn package)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/dev/stdout}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
python=/usr/bin/python3
"$python" -c 'import google.protobuf.message_factory' || { echo "needs python3-protobuf (apt-get install python3-protobuf)" >&2; exit 2; }
mlexp="$root/mlexp"
"$mlexp" --version >/dev/null
# history append is answered by the resident server from the second call on (README, Git hooks): start it and wait
. "$root/bench/resident-server.sh"
wait_for_server "$mlexp"
[ -d "$root/core/target/test-classes/io/mlexp/metrics" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl core test-compile)
java -cp "$root/core/target/test-classes:$root/cli/target/mlexp/lib/*:$root/cli/target/mlexp/lib/engines/*" io.mlexp.metrics.EventFileWriter "$work/descriptors.pb"
writer="$root/core/src/test/resources/scripts/tfevents.py"

for steps in 100000 1000000; do
  "$python" "$writer" "$work/descriptors.pb" write "$work/events.out.tfevents.$steps" "$steps"
  "$python" - "$work/metrics.$steps.csv" "$steps" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="") as handle:
    out = csv.writer(handle)
    out.writerow(["epoch", "step", "train_loss", "val_loss"])
    for step in range(int(sys.argv[2])):
        out.writerow([step // 1000, step, f"{2.0 / (1 + step):.6f}", f"{2.2 / (1 + step):.6f}" if step % 10 == 9 else ""])
PY
done
cat > "$work/read_csv.py" <<'PY'
import csv, sys
last = {}
with open(sys.argv[1], newline="") as handle:
    rows = csv.reader(handle)
    header = next(rows)
    for row in rows:
        for name, cell in zip(header, row):
            if cell:
                last[name] = float(cell)
print(len(last), "metrics")
PY
cd "$work" && git init -q

{
echo "## Reading long metrics logs: mlexp against Python, whole processes, one run"
echo
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; $(java -version 2>&1 | sed -n 1p); $("$python" --version), protobuf $("$python" -c 'import google.protobuf as p; print(p.__version__)') ($("$python" -c 'from google.protobuf.internal import api_implementation as a; print(a.Type())') implementation)."
echo "Files: events $(du -m "$work/events.out.tfevents.1000000" | cut -f1) MiB (1,000,000 steps, one scalar each), CSV $(du -m "$work/metrics.1000000.csv" | cut -f1) MiB (1,000,000 rows)."
echo
hyperfine -N -w 1 -r 5 --export-markdown "$work/events.md" \
  -n "mlexp, events" "$mlexp history append --history $work/H --tag v1 --commit abcdef1 --metrics $work/events.out.tfevents.1000000" \
  -n "python3-protobuf, events" "$python $writer $work/descriptors.pb summarize $work/events.out.tfevents.1000000" >/dev/null
cat "$work/events.md"
echo
hyperfine -N -w 1 -r 5 --export-markdown "$work/csv.md" \
  -n "mlexp, CSV" "$mlexp history append --history $work/H --tag v1 --commit abcdef1 --metrics $work/metrics.1000000.csv" \
  -n "python csv, CSV" "$python $work/read_csv.py $work/metrics.1000000.csv" >/dev/null
cat "$work/csv.md"
echo
echo "Peak resident memory (GNU time, KiB; mlexp in a JVM of its own, MLEXP_SERVER=off):"
echo
echo "| reader | 100,000 steps | 1,000,000 steps |"
echo "|---|---|---|"
# each mlexp row in a JVM of its own (MLEXP_SERVER=off): the reader's own memory, not the resident server's or the client's
rss() { MLEXP_SERVER=off /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
echo "| mlexp, events | $(rss "$mlexp" history append --history "$work/H" --tag v1 --commit abcdef1 --metrics "$work/events.out.tfevents.100000") | $(rss "$mlexp" history append --history "$work/H" --tag v1 --commit abcdef1 --metrics "$work/events.out.tfevents.1000000") |"
echo "| python3-protobuf, events | $(rss "$python" "$writer" "$work/descriptors.pb" summarize "$work/events.out.tfevents.100000") | $(rss "$python" "$writer" "$work/descriptors.pb" summarize "$work/events.out.tfevents.1000000") |"
echo "| mlexp, CSV | $(rss "$mlexp" history append --history "$work/H" --tag v1 --commit abcdef1 --metrics "$work/metrics.100000.csv") | $(rss "$mlexp" history append --history "$work/H" --tag v1 --commit abcdef1 --metrics "$work/metrics.1000000.csv") |"
echo "| python csv, CSV | $(rss "$python" "$work/read_csv.py" "$work/metrics.100000.csv") | $(rss "$python" "$work/read_csv.py" "$work/metrics.1000000.csv") |"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$out"
