#!/usr/bin/env bash
# Delivery benchmark: time from a case change to the partner webhook (p50/p95) and events per second sustained,
# against a fresh local platform on free ports. Usage: deploy/bench/delivery.sh [latency-events] [burst-events]
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -f cases/target/cases.jar || ! -f notifications/target/notifications.jar || "${BUILD:-}" == "1" ]]; then
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B -pl deploy -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/bench.classpath)" \
  org.accord.deploy.DeliveryBenchmark "$@"
