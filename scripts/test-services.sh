#!/usr/bin/env bash
# Start what the test suite needs, before pytest starts: a PulseAudio server with a null sink
# named "cue" as the default output (the sound tests record what it plays from its monitor).
# QtMultimedia lists the audio devices once per process, so the sink must exist before the
# first test makes a player; a fixture starting it later comes too late for that run.
#
# Idempotent. A server that already answers (a desktop's own, or one started before) is
# reused and only the null sink is added. Prints the default sink it replaced, if any, so
# that run-tests.sh can give it back; nothing else goes to stdout.
# Exit status: 0 ready (or PulseAudio not installed: the sound tests then skip, unless
# KNEE_COACH_REQUIRE_SOUND is set, then 1); 1 PulseAudio could not be started.
set -euo pipefail

for tool in pulseaudio pactl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "test-services: $tool is not installed (apt-get install pulseaudio pulseaudio-utils);" \
      "the sound tests will not run" >&2
    if [ -n "${KNEE_COACH_REQUIRE_SOUND:-}" ]; then exit 1; fi
    exit 0
  fi
done

previous=""
if pactl info >/dev/null 2>&1; then
  previous="$(LC_ALL=C pactl info | sed -n 's/^Default Sink: //p')"
else
  # As root, --system=false runs a per-user daemon; -n skips default.pa, which would look
  # for sound cards this machine may not have. It stays up for the next run.
  # Its output must not hold run-tests.sh's $(...) open: the daemon outlives this script.
  pulseaudio -D --system=false -n --exit-idle-time=-1 --disallow-exit \
    --load=module-native-protocol-unix </dev/null >/dev/null
  for _ in $(seq 50); do
    pactl info >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! pactl info >/dev/null 2>&1; then
    echo "test-services: PulseAudio did not start" >&2
    exit 1
  fi
fi

if ! pactl list short sinks | awk '{print $2}' | grep -qx cue; then
  pactl load-module module-null-sink sink_name=cue >/dev/null
fi
pactl set-default-sink cue
if [ -n "$previous" ] && [ "$previous" != cue ] &&
  pactl list short sinks | awk '{print $2}' | grep -qxF "$previous"; then
  echo "$previous"
fi
