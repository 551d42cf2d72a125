#!/usr/bin/env bash
# Creates Earshot's topics up front with their partitions, retention and compaction; safe to rerun.
# Usage: create-topics.sh BOOTSTRAP [REPLICATION_FACTOR] [ADMIN_CLIENT_PROPERTIES]
#   ADMIN_CLIENT_PROPERTIES: the admin's client settings on a cluster with SASL/TLS (--command-config)
# The table is the contract's too: docs/events.md and docs/operations.md explain each choice.
set -euo pipefail
bootstrap="$1"
replication="${2:-1}"
admin=()
[[ -n "${3:-}" ]] && admin=(--command-config "$3")
topics=/opt/kafka/bin/kafka-topics.sh
day_ms=86400000

create() { # name partitions config...
  local name="$1" partitions="$2"
  shift 2
  local args=()
  for c in "$@"; do args+=(--config "$c"); done
  "$topics" --bootstrap-server "$bootstrap" "${admin[@]}" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" "${args[@]}"
}

# Public topics. Keys are brand ids, so partitions bound how far a consumer group scales out.
create mentions            6 "retention.ms=$((30 * day_ms))"
create mentions-scored     6 "retention.ms=$((30 * day_ms))"
# Keyed by incident id; the newest revision is the current state, so compaction keeps every incident.
create alerts              3 cleanup.policy=compact "min.compaction.lag.ms=$day_ms"
create monitors            1 cleanup.policy=compact
# Dead letters are kept long enough for an operator to look after a weekend away.
create mentions-dlq        1 "retention.ms=$((14 * day_ms))"
create mentions-scored-dlq 1 "retention.ms=$((14 * day_ms))"
# Staff's corrections of scores: the next training run's input, so kept a year.
create sentiment-feedback  1 "retention.ms=$((365 * day_ms))"

# Internal state (not part of the contract). The services create these themselves when the cluster
# lets them; create them here where it does not. Never delete them: they are the services' memory.
# ingest-service: what was published (key brand/id), catalog changes made over the API, and the
# shards whose partition assignment spreads sources over replicas (12 = most ingest replicas).
# Published markers are kept 30 days after a review was last seen (earshot.ingest.published-retention).
create earshot-ingest-published 6 "cleanup.policy=compact,delete" "retention.ms=$((30 * day_ms))"
create earshot-ingest-catalog   1 cleanup.policy=compact
create earshot-ingest-shards    12
# Catalog records ingest-service could not use (no id, a bad id, unreadable), kept like the other dead letters.
create earshot-ingest-catalog-dlq 1 "retention.ms=$((14 * day_ms))"
# alert-service: staff commands must be co-partitioned with mentions-scored; notifications to deliver.
# (Kafka Streams creates its own changelog topics, alert-service-*-changelog.)
create alert-service-incident-commands 6
create alert-service-notifications     6
# Which notifications were delivered (key = notification id), read by the delivery worker so that a
# restart or a second replica sends nothing twice; kept 30 days.
create alert-service-outbox-sent       6 "cleanup.policy=compact,delete" "retention.ms=$((30 * day_ms))"

"$topics" --bootstrap-server "$bootstrap" "${admin[@]}" --list
