# Sourced by the benches: start mlexp's resident server with one served command and wait until it has announced
# itself, so that what follows measures a developer's steady state (README, Git hooks). Usage: wait_for_server MLEXP
wait_for_server() {
  "$1" rules >/dev/null
  for _ in $(seq 1 120); do
    ls "${XDG_RUNTIME_DIR:-$HOME/.cache}"/mlexp/server-* 2>/dev/null | grep -qv '\.lock$' && return 0
    sleep 0.5
  done
  echo "warning: the resident server did not start; figures are without it" >&2
}
