#!/usr/bin/env bash
# Load test of the channels layer: a server and a load generator as two JVMs on loopback, then the
# machine's floor (bench/floor.c: one send() per delivery from C) at the same fan-out.
# Usage: phoenix-channels/bench/loadtest.sh [JOIN_SOCKETS FANOUT_SOCKETS RATE SECONDS WARMUP_SOCKETS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl phoenix-channels -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/loadtest.classpath -Dmdep.includeScope=test
cp="phoenix-channels/target/test-classes:phoenix-channels/target/classes:$(cat phoenix-channels/target/loadtest.classpath)"
java -cp "$cp" io.phoenixspring.channels.bench.LoadTest "$@"
if command -v gcc > /dev/null; then
    gcc -O2 -pthread -o phoenix-channels/target/floor phoenix-channels/bench/floor.c
    phoenix-channels/target/floor "${2:-5000}" "${3:-20}" "${4:-10}" 80
    # The same with io_uring, a batch per event loop's share of a broadcast: what system calls cost here.
    phoenix-channels/target/floor "${2:-5000}" "${3:-20}" "${4:-10}" 80 uring 2500 | sed 's/^floor/floor (io_uring)/'
fi
