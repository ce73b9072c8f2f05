#!/usr/bin/env bash
# Side by side, one machine, one run: `mlexp smoke --engine container` against a raw `docker run` of
# the same command in the same image, on a private dockerd (root; Debian's docker.io) with an image
# imported from busybox-static. The goal: mlexp's wall time at most 300 ms above the raw run.
# Usage: sudo bench/container-engine.sh [RESULT.md]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/dev/stdout}
work=$(mktemp -d /tmp/mlexp-bench-XXXXXX)
image=mlexp-bench/busybox:1.36

need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v hyperfine >/dev/null || need+=(hyperfine)
ldd /bin/busybox 2>&1 | grep -q 'not a dynamic' || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

dockerd --host "unix://$work/d.sock" --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/d.pid" \
  --iptables=false --bridge=none >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
trap 'kill $dockerd_pid 2>/dev/null; wait $dockerd_pid 2>/dev/null; rm -rf "$work"' EXIT
export DOCKER_HOST="unix://$work/d.sock"
for _ in $(seq 1 60); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
mkdir -p "$work/rootfs/bin" "$work/rootfs/tmp"
cp /bin/busybox "$work/rootfs/bin/busybox"
for tool in sh echo printf seq sleep cat; do ln -s busybox "$work/rootfs/bin/$tool"; done
tar -C "$work/rootfs" -cf "$work/rootfs.tar" . && docker import "$work/rootfs.tar" "$image" >/dev/null

"$root/mlexp" --version >/dev/null
# the archive is remade in the background after a build: wait until it is newer than the jar
for _ in $(seq 1 120); do [ "$root/cli/target/mlexp/cds/mlexp.jsa" -nt "$root/cli/target/mlexp/lib/mlexp-cli.jar" ] && break; sleep 1; done
repo="$work/repo"
mkdir -p "$repo/out" && cd "$repo"
command='for i in $(seq 1 20); do printf "{\"step\": %d, \"loss\": %d}\n" $i $((40 - i)) >> $MLEXP_METRICS; done; echo done'
cat > .mlexp.yml <<YAML
version: 1
smoke:
  engine: container
  image: "$image"
  pin: tag
  gpus: none
  command: '$command'
YAML
git init -q && git add -A && git -c user.name=bench -c user.email=bench@example.org commit -qm "chore: bench"

{
echo "## Container engine: mlexp smoke against a raw docker run of the same command"
echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | sed -n 1p), Docker engine $(docker version --format '{{.Server.Version}}'), image imported from busybox-static. Command: \`$command\`."
echo
hyperfine -N -w 3 -r 20 --export-markdown "$work/container.md" \
  "docker run --rm --network none -v $repo:/workspace -w /workspace -v $repo/out:/mlexp-out -e MLEXP_METRICS=/mlexp-out/metrics.jsonl $image sh -c '$command'" \
  "$root/cli/target/mlexp/bin/mlexp smoke --engine container" >/dev/null
sed "s|$repo|REPO|g" "$work/container.md"
echo
echo "The same, with the probe of the image not cached (a second container beside the training, as on an image's first run):"
echo
hyperfine -N -w 2 -r 10 --prepare "rm -rf $work/cold-cache" --export-markdown "$work/cold.md" \
  "env XDG_CACHE_HOME=$work/cold-cache $root/cli/target/mlexp/bin/mlexp smoke --engine container" >/dev/null
sed "s|$work|WORK|g" "$work/cold.md"
} > "$out"
