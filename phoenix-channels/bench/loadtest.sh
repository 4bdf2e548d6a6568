#!/usr/bin/env bash
# Load test of the channels layer: a server and a load generator as two JVMs on loopback.
# Usage: phoenix-channels/bench/loadtest.sh [JOIN_SOCKETS FANOUT_SOCKETS RATE SECONDS WARMUP_SOCKETS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl phoenix-channels -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/loadtest.classpath -Dmdep.includeScope=test
cp="phoenix-channels/target/test-classes:phoenix-channels/target/classes:$(cat phoenix-channels/target/loadtest.classpath)"
exec java -cp "$cp" io.phoenixspring.channels.bench.LoadTest "$@"
