#!/usr/bin/env bash
# Usage: run-until-stdin-eof.sh WORKDIR COMMAND [ARGS...]
#
# Runs COMMAND in the background, writes its pid to WORKDIR/child.pid, and stops it when
#  - we get SIGTERM, SIGINT or SIGHUP: forwarded to COMMAND, then we wait for it;
#  - our stdin reaches EOF: the parent JVM holds the write end of that pipe, so EOF means the
#    parent died (even by SIGKILL, which runs no JVM hooks) or let go. Nobody is left to clean
#    up then, so WORKDIR (the parent's temporary directory for COMMAND) is removed as well.
# COMMAND gets SIGTERM first and SIGKILL if it is still alive 10 seconds later.
# Exits with COMMAND's status when COMMAND ends on its own.
set -u

workdir=$1
shift

# The child must not read (or hold) our stdin: it is the parent's lifeline.
"$@" </dev/null &
child=$!
echo "$child" >"$workdir/child.pid"

stop_child() {
  trap '' TERM INT HUP USR1
  kill -TERM "$child" 2>/dev/null
  # bash reaps children as they exit, so kill -0 fails once the child is gone.
  for _ in $(seq 1 100); do
    kill -0 "$child" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$child" 2>/dev/null
  wait "$child" 2>/dev/null
}

on_signal() {
  stop_child
  exit 143
}

on_orphaned() {
  stop_child
  # Guard against a wrong argument: only remove a directory this script wrote its pid file into.
  [ -f "$workdir/child.pid" ] && rm -rf -- "$workdir"
  exit 129
}

trap on_signal TERM INT HUP
trap on_orphaned USR1

# Watch stdin in a subshell (a background job would otherwise get /dev/null as stdin, hence
# the explicit fd 3) and tell this script when it reaches EOF.
exec 3<&0
(
  while IFS= read -r _; do :; done <&3
  kill -USR1 $$ 2>/dev/null
) &
watcher=$!
exec 3<&-

# wait returns early when a trapped signal arrives; the trap then exits.
wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
