#!/usr/bin/env bash
# Creation benchmark: cases created per second by four writers, through the gateway and straight to cases,
# against a fresh local platform on free ports. Usage: deploy/bench/creation.sh [creations]
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -f cases/target/cases.jar || ! -f notifications/target/notifications.jar || "${BUILD:-}" == "1" ]]; then
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B -pl deploy -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/bench.classpath)" \
  org.accord.deploy.CreationBenchmark "$@"
