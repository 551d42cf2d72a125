#!/usr/bin/env bash
LOG_LEVEL="${LOG_LEVEL:-warn}" exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
