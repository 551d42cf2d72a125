#!/usr/bin/env bash
# What .ci/run does after the tests, once the services are packaged (./mvnw verify):
#   1. smoke.sh: docker compose up from the repo's files, healthy, one alert, down
#   2. Testcontainers: the Kafka tests and the end-to-end pipeline test again, this time also on a Kafka
#      container of the locally built image (named with EARSHOT_KAFKA_IMAGE; never pulled), no reaper
#      (its image cannot be pulled either), the engine reached on loopback (no bridge network here).
# Prints how long each part took.
set -euo pipefail
cd "$(dirname "$0")/../.."
begin=$(date +%s)
deploy/compose-smoke/smoke.sh
smoke_done=$(date +%s)
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml | head -1)"
EARSHOT_KAFKA_IMAGE="earshot-local/kafka:$kafka_version" TESTCONTAINERS_RYUK_DISABLED=true \
  TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 timeout 900 ./mvnw -pl local-run -am verify -DskipITs \
  -Dquarkus.build.skip=true -Dtest='KafkaBrokerResourceTest,PipelineEndToEndTest' -Dsurefire.failIfNoSpecifiedTests=false
# (-am: the modules it needs come from this checkout; the services stay as packaged above.)
end=$(date +%s)
echo "compose smoke $((smoke_done - begin)) s, Testcontainers run $((end - smoke_done)) s"
