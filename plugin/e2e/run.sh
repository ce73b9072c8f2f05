#!/usr/bin/env bash
# The plugin's end-to-end suite: compiles plugin/ against the Jenkins of ../shared/jenkins, packages the .hpi,
# starts a private dockerd (root, --iptables=false --bridge=none) with an imported busybox image, starts that
# Jenkins with the plugin on 127.0.0.1, and runs suite.py over HTTP with builds on an inbound agent.
# usage: plugin/e2e/run.sh            (E2E_KEEP=1 keeps the work directory: screenshots, logs, JENKINS_HOME)
# Fails loudly, never skips: the Jenkins distribution, root, dockerd, busybox-static and chromium are required.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
jenkins=${MLEXP_JENKINS:-$repo/../shared/jenkins}
die() { echo "e2e: $*" >&2; exit 2; }
[ -f "$jenkins/jenkins-2.479.3-war.tgz" ] && [ -f "$jenkins/jenkins-2.479.3-plugins.tgz" ] && [ -x "$jenkins/start-jenkins.sh" ] \
  || die "no Jenkins distribution at $jenkins (expected jenkins-2.479.3-war.tgz, -plugins.tgz and start-jenkins.sh; set MLEXP_JENKINS)"
[ "$(id -u)" = 0 ] || die "the private dockerd needs root"
command -v dockerd >/dev/null || die "no dockerd (Debian: apt-get install docker.io)"
{ ldd /bin/busybox 2>&1 || true; } | grep -q 'not a dynamic' || die "no static busybox for the test image (Debian: apt-get install busybox-static)"
command -v chromium >/dev/null || die "no chromium (Debian: apt-get install chromium)"

work=$(mktemp -d /tmp/mlexp-e2e.XXXXXX)
pids=()
cleanup() {
  [ -f "$work/agent.pid" ] && pids+=("$(cat "$work/agent.pid")")
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done; done
  if [ "${E2E_KEEP:-0}" = 1 ]; then echo "e2e: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
started=$(date +%s)
echo "== e2e: unpacking Jenkins 2.479.3 from $jenkins"
tar xzf "$jenkins/jenkins-2.479.3-war.tgz" -C "$work"
tar xzf "$jenkins/jenkins-2.479.3-plugins.tgz" -C "$work"

echo "== e2e: compiling and packaging the plugin"
bash "$repo/plugin/e2e/build-hpi.sh" "$work/jenkins" "$work/hpi" | sed -n '/^\[build-hpi/p;/error:/p;/FAILED/p'
[ -f "$work/hpi/ml-experiment.hpi" ] || die "the plugin did not build"
echo "== e2e: the checkers on the plugin (Checkstyle, PMD, CPD, Error Prone with NullAway, SpotBugs)"
bash "$repo/plugin/e2e/lint.sh" "$work/hpi" || die "a checker found something in plugin/ (above)"

echo "== e2e: private dockerd and the busybox image"
mkdir -p "$work/docker/rootfs/bin" "$work/docker/rootfs/tmp"
dockerd --host "unix://$work/docker/d.sock" --data-root "$work/docker/data" --exec-root "$work/docker/exec" \
  --pidfile "$work/docker/d.pid" --iptables=false --bridge=none > "$work/docker/dockerd.log" 2>&1 &
pids+=($!)
export DOCKER_HOST="unix://$work/docker/d.sock"
for _ in $(seq 1 60); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
docker version >/dev/null 2>&1 || { tail -20 "$work/docker/dockerd.log"; die "dockerd did not answer"; }
cp /bin/busybox "$work/docker/rootfs/bin/"
for tool in sh echo cat sleep printf ls; do ln -s busybox "$work/docker/rootfs/bin/$tool"; done
tar -C "$work/docker/rootfs" -cf "$work/docker/rootfs.tar" .
export E2E_IMAGE=mlexp-e2e/busybox:1.36
docker import "$work/docker/rootfs.tar" "$E2E_IMAGE" >/dev/null

echo "== e2e: starting Jenkins"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pid=$(bash "$jenkins/start-jenkins.sh" "$work" "$port" "$work/hpi/ml-experiment.hpi") || die "Jenkins did not start"
pids=("$pid" "${pids[@]}")
echo "== e2e: Jenkins up on 127.0.0.1:$port after $(( $(date +%s) - started )) s; running the suite"
set +e
python3 "$repo/plugin/e2e/suite.py" "http://127.0.0.1:$port" "$work" "$repo"
status=$?
set -e
if [ $status != 0 ]; then
  echo "== e2e: last lines of the Jenkins log"; tail -40 "$work/jenkins.log"
fi
echo "== e2e: done in $(( $(date +%s) - started )) s"
exit $status
