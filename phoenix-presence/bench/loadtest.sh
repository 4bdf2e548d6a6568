#!/usr/bin/env bash
# Presence load test: a presence server and a load generator as two JVMs on loopback; N sockets of
# U users join one room and every client's presence view must become complete.
# Usage: phoenix-presence/bench/loadtest.sh [SOCKETS USERS DIFF_WINDOW_MS CONCURRENCY TIMEOUT_SECONDS LOOP_THREADS WARMUP_SOCKETS]
#        (defaults: 5000 100 50 256 120 1 0; WARMUP_SOCKETS > 0 first runs 3 rounds of that many sockets in other rooms)
# SERVER_JVM_OPTS / GENERATOR_JVM_OPTS add options to the server's / the generator's JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl phoenix-presence -am test-compile dependency:build-classpath -Dnpm.skip=true \
    -Dmdep.outputFile=target/loadtest.classpath -Dmdep.includeScope=test
# Run from a copy, so that a build of the same tree meanwhile does not pull classes from under us.
copy=$(mktemp -d /tmp/presence-loadtest.XXXXXX)
trap 'rm -rf "$copy"' EXIT
mkdir -p "$copy/classes" "$copy/test-classes"
cp -r phoenix-presence/target/classes/. "$copy/classes/"
cp -r phoenix-presence/target/test-classes/. "$copy/test-classes/"
deps=$(cat phoenix-presence/target/loadtest.classpath)
# Reactor siblings resolve to their target/classes directories: copy those too.
cp_deps=""
IFS=':' read -ra entries <<< "$deps"
for entry in "${entries[@]}"; do
    if [[ -d "$entry" ]]; then
        dest="$copy/dep-$(echo "$entry" | md5sum | cut -c1-8)"
        mkdir -p "$dest" && cp -r "$entry/." "$dest/"
        entry="$dest"
    fi
    cp_deps="$cp_deps:$entry"
done
java -cp "$copy/test-classes:$copy/classes$cp_deps" io.phoenixspring.presence.bench.PresenceLoadTest "$@"
