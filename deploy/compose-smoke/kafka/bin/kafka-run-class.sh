#!/usr/bin/env bash
# Runs a Kafka main class on the image's jars, as Kafka's own script does (KAFKA_HEAP_OPTS, KAFKA_OPTS);
# logs through slf4j-simple to stderr at LOG_LEVEL (tools: warn).
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_OPTS:-} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel="${LOG_LEVEL:-warn}" -Dorg.slf4j.simpleLogger.showDateTime=true \
  -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS" \
  -cp '/opt/kafka/libs/*' "$@"
