#!/usr/bin/env bash
# LiveView load measure (issue #15): the demo as a server JVM, LiveCounterLoad as the generator JVM,
# on loopback. N connected /counter views clicked once a second each, then the baseline: N bench:*
# channel sockets sending ping once a second, same server, same run. Then (issue #16) ROW_VIEWS connected
# /bench/rows views (1,000 streamed rows, a live component per row), each clicking one random row's
# component once a second, and a baseline of ROW_VIEWS ping sockets when ROW_VIEWS differs from VIEWS.
# Usage: demo/bench/livebench.sh [VIEWS=1000] [SECONDS=20] [WARMUP=5] [ROW_VIEWS=100]
# SKIP_INSTALL=1 skips the reactor install (e.g. in a worktree: build the jar first with
# `mvn -B -q -o -pl demo package -DskipTests`).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    mvn -B -q -pl demo -am install -DskipTests
fi
mvn -B -q -pl demo test-compile dependency:build-classpath -Dmdep.outputFile=target/livebench.classpath -Dmdep.includeScope=test
port=${PORT:-4123}
java ${SERVER_JVM_OPTS:--Xms256m -Xmx1g} -jar demo/target/demo-0.1.0-SNAPSHOT.jar --server.port="$port" \
    --logging.level.root=WARN --logging.level.io.phoenixspring=WARN > demo/target/livebench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/counter" > /dev/null 2>&1 && break
    sleep 0.5
done
cp="demo/target/test-classes:demo/target/classes:$(cat demo/target/livebench.classpath)"
java -Xmx1g -cp "$cp" io.phoenixspring.demo.bench.LiveCounterLoad "http://127.0.0.1:$port" "$server" "${1:-1000}" "${2:-20}" "${3:-5}" "${4:-100}"
