#!/usr/bin/env bash
# Side by side, one machine, one run: the embedded engine (DJL, libtorch from the pytorch-native-cpu
# jar) against Python PyTorch (Debian's python3-torch) training the same TorchScript model
# (examples/digits/model.pt, MLP 784-128-10) with the same batch shape, optimiser and thread count.
# Usage: bench/embedded-engine.sh [RESULT.md] [STEPS] [ROUNDS]   (needs /usr/bin/python3 with torch)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/dev/stdout}
steps=${2:-100}
rounds=${3:-5}
threads=2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "needs /usr/bin/python3 with torch (apt-get install python3-torch)" >&2; exit 3; }
"$root/mlexp" --version >/dev/null
repo="$work/repo"
cp -r "$root/examples/digits" "$repo"
sed -i "s/^    steps: 50$/    steps: $steps\n    threads: $threads/" "$repo/.mlexp.yml"
grep -q "threads: $threads" "$repo/.mlexp.yml" || { echo "could not set the step count in the example's .mlexp.yml" >&2; exit 3; }
(cd "$repo" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@example.org commit -qm "chore: bench")

millis() { date +%s%N | cut -c1-13; }
: > "$work/times"
for round in $(seq 1 "$rounds"); do
  start=$(millis)
  (cd "$repo" && "$root/mlexp" smoke --engine embedded --out "$work/djl-$round" >/dev/null)
  echo "djl $round wall $(( $(millis) - start ))" >> "$work/times"
  start=$(millis)
  /usr/bin/python3 "$root/bench/torch_steps.py" "$repo/model.pt" --shape 64,784 --classes 10 --steps "$steps" \
    --threads "$threads" > "$work/torch-$round.jsonl"
  echo "torch $round wall $(( $(millis) - start ))" >> "$work/times"
  /usr/bin/python3 "$root/bench/torch_steps.py" "$repo/model.pt" --shape 64,784 --classes 10 --steps "$steps" \
    --threads "$threads" --no-optimize > "$work/torch-noopt-$round.jsonl"
done

python3 - "$work" "$steps" "$rounds" "$threads" "$(nproc)" "$(java -version 2>&1 | sed -n 1p)" \
  "$(/usr/bin/python3 -c 'import torch; print(torch.__version__)')" > "$out" <<'PY'
import json, statistics, sys
work, steps, rounds, threads, cores, java, torch = sys.argv[1:]
steps, rounds = int(steps), int(rounds)
skip = 10  # the first steps warm up both sides (allocation, the profiling executor)

def djl_steps(r):
    rows = [json.loads(l) for l in open(f"{work}/djl-{r}/metrics.jsonl")]
    return [64 / row["samples_per_sec"] for row in rows]

def torch_steps(name, r):
    return [json.loads(l)["seconds"] for l in open(f"{work}/{name}-{r}.jsonl")]

walls = {}
for line in open(f"{work}/times"):
    side, r, _, ms = line.split()
    walls.setdefault(side, []).append(int(ms))

def summary(per_round):
    medians = [statistics.median(s[skip:]) * 1000 for s in per_round]
    totals = [sum(s) * 1000 for s in per_round]
    return statistics.median(medians), statistics.median(totals), [round(m, 3) for m in medians]

djl = summary([djl_steps(r) for r in range(1, rounds + 1)])
opt = summary([torch_steps("torch", r) for r in range(1, rounds + 1)])
noopt = summary([torch_steps("torch-noopt", r) for r in range(1, rounds + 1)])
print(f"## Embedded engine: time per training step, {steps} steps, batch 64, MLP 784-128-10, {threads} threads\n")
print(f"Machine: {cores} cores, {java}, Python torch {torch}. {rounds} rounds, alternating; "
      f"per round the median step time over steps {skip + 1}-{steps}; the table gives the median of the rounds.\n")
print("| side | step time (ms) | ratio to Python | all steps (ms) | rounds' medians (ms) |")
print("|---|---|---|---|---|")
for name, row in (("mlexp embedded (DJL 0.35.1, libtorch 2.7.1)", djl),
                  ("Python torch, graph executor optimiser on (default)", opt),
                  ("Python torch, graph executor optimiser off (as the embedded engine)", noopt)):
    print(f"| {name} | {row[0]:.3f} | {row[0] / opt[0]:.2f}x | {row[1]:.1f} | {row[2]} |")
print()
print("Whole process, median of the rounds (start-up included: the JVM and libtorch against the interpreter and `import torch`):\n")
print(f"- `mlexp smoke --engine embedded`: {statistics.median(walls['djl'])} ms")
print(f"- `python3 bench/torch_steps.py`: {statistics.median(walls['torch'])} ms")
PY
