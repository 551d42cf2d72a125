#!/usr/bin/env bash
# Creates Earshot's topics up front with their partitions, retention and compaction; safe to rerun.
# Usage: create-topics.sh BOOTSTRAP [REPLICATION_FACTOR] [ADMIN_CLIENT_PROPERTIES]
#   ADMIN_CLIENT_PROPERTIES: the admin's client settings on a cluster with SASL/TLS (--command-config)
# The topics, their partitions and settings are in topics.tsv beside this script (the one table; the
# services read the same file), or in TOPICS_TABLE; docs/events.md explains each choice.
# KAFKA_TOPICS names Kafka's kafka-topics.sh when it is not /opt/kafka/bin/kafka-topics.sh.
set -euo pipefail
bootstrap="$1"
replication="${2:-1}"
admin=()
[[ -n "${3:-}" ]] && admin=(--command-config "$3")
topics="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
table="${TOPICS_TABLE:-$(dirname "${BASH_SOURCE[0]}")/topics.tsv}"
[[ -r "$table" ]] || { echo "create-topics.sh: no topic table at $table (set TOPICS_TABLE)" >&2; exit 2; }

while IFS=$'\t' read -r name partitions config _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  args=()
  if [[ "$config" != "-" ]]; then
    IFS=';' read -ra settings <<< "$config"
    for c in "${settings[@]}"; do args+=(--config "$c"); done
  fi
  "$topics" --bootstrap-server "$bootstrap" "${admin[@]}" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" "${args[@]}" </dev/null
done < "$table"

"$topics" --bootstrap-server "$bootstrap" "${admin[@]}" --list
