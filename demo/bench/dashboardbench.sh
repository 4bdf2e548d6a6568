#!/usr/bin/env bash
# The dashboard's overhead (issue #17): the demo as a server JVM, DashboardLoad as the generator JVM, on
# loopback. SOCKETS bench:* sockets each pinging every PERIOD seconds; server CPU with no dashboard, with one
# dashboard PAGE open refreshing every second, and with none again (SECONDS each).
# Usage: demo/bench/dashboardbench.sh [SOCKETS=5000] [SECONDS=30] [PERIOD=5] [PAGE=/dashboard/sockets]
# SKIP_INSTALL=1 skips the reactor install.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    mvn -B -q -pl demo -am install -DskipTests
fi
mvn -B -q -pl demo test-compile dependency:build-classpath -Dmdep.outputFile=target/livebench.classpath -Dmdep.includeScope=test
port=${PORT:-4124}
java ${SERVER_JVM_OPTS:--Xms256m -Xmx1g} -jar demo/target/demo-0.1.0-SNAPSHOT.jar --server.port="$port" \
    --logging.level.root=WARN --logging.level.io.phoenixspring=WARN > demo/target/dashboardbench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/api/health" > /dev/null 2>&1 && break
    sleep 0.5
done
cp="demo/target/test-classes:demo/target/classes:$(cat demo/target/livebench.classpath)"
java -Xmx1g -cp "$cp" io.phoenixspring.demo.bench.DashboardLoad "http://127.0.0.1:$port" "$server" \
    "${1:-5000}" "${2:-30}" "${3:-5}" "${4:-/dashboard/sockets}"
