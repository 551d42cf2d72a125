#!/usr/bin/env bash
LOG_LEVEL="${LOG_LEVEL:-info}" exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"
