#!/usr/bin/env bash
# Runs the whole of Earshot on this machine: embedded Kafka, the three services, a local inbox
# and the bundled demo review site. Needs only a JDK 17+. Ctrl-C stops everything.
#   ./run-local.sh                      the demo (brands and sources from local-run/src/main/resources/demo/earshot.yaml)
#   ./run-local.sh --config my.yaml     your own brands and sources
set -euo pipefail
caller_dir="$PWD"
cd "$(dirname "$0")"
./mvnw -q -B package -DskipTests
exec java -Dearshot.home="$PWD" -Dearshot.caller-dir="$caller_dir" -jar local-run/target/earshot-local.jar "$@"
