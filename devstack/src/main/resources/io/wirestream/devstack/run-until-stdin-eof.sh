#!/usr/bin/env bash
# Usage: run-until-stdin-eof.sh PIDFILE COMMAND [ARGS...]
#
# Runs COMMAND in the background, writes its pid to PIDFILE, and stops it when
#  - our stdin reaches EOF: the parent JVM holds the write end of that pipe, so EOF
#    means the parent closed it or died (even by SIGKILL, which runs no JVM hooks);
#  - we get SIGTERM, SIGINT or SIGHUP: forwarded to COMMAND, then we wait for it.
# COMMAND gets SIGTERM first and SIGKILL if it is still alive 10 seconds later.
# Exits with COMMAND's status when COMMAND ends on its own.
set -u

pidfile=$1
shift

# The child must not read (or hold) our stdin: it is the parent's lifeline.
"$@" </dev/null &
child=$!
echo "$child" >"$pidfile"

stop() {
  trap '' TERM INT HUP
  kill -TERM "$child" 2>/dev/null
  # bash reaps children as they exit, so kill -0 fails once the child is gone.
  for _ in $(seq 1 100); do
    kill -0 "$child" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$child" 2>/dev/null
  wait "$child" 2>/dev/null
  exit 143
}
trap stop TERM INT HUP

# Watch stdin in a subshell (a background job would otherwise get /dev/null as
# stdin, hence the explicit fd 3) and signal this script on EOF.
exec 3<&0
(
  while IFS= read -r _; do :; done <&3
  kill -TERM $$ 2>/dev/null
) &
watcher=$!
exec 3<&-

# wait returns early when a trapped signal arrives; stop() then exits.
wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
