#!/usr/bin/env bash
# Grants each Earshot service exactly the Kafka access its code uses, and the topic browser read-only
# access; safe to rerun (adding an ACL that exists changes nothing). Needs an authorizer on the cluster
# (KRaft: StandardAuthorizer, allow.everyone.if.no.acl.found=false) and an admin connection.
# Usage: create-acls.sh BOOTSTRAP [--users] [--command-config ADMIN_CLIENT_PROPERTIES]
#   --users           also creates or updates the SCRAM-SHA-512 users, with the passwords in
#                     EARSHOT_KAFKA_{INGEST,SENTIMENT,ALERT,CONSOLE,BROWSER}_PASSWORD (deploy/generate-secrets.sh --kafka)
#   --command-config  the admin's client settings (security.protocol, sasl.jaas.config, truststore, ...)
# Where each grant comes from (topics, consumer groups, transactional ids): docs/security.md, "Kafka ACLs".
# Principals are User:<name> with the names below; with Strimzi, name the KafkaUser resources the same.
set -euo pipefail
bootstrap="$1"
shift
users=false
admin=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --users) users=true ;;
    --command-config) admin=(--command-config "$2"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
bin=/opt/kafka/bin
[[ -x "$bin/kafka-acls.sh" ]] || bin="$(dirname "$(command -v kafka-acls.sh)")"

INGEST=User:ingest-service
SENTIMENT=User:sentiment-service
ALERT=User:alert-service
CONSOLE=User:console
BROWSER=User:topic-browser

allow() { # principal, then kafka-acls.sh resource and operation arguments
  local principal="$1"
  shift
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" "${admin[@]}" --add --allow-principal "$principal" "$@" > /dev/null
}

if $users; then
  scram() { # user password
    [[ -n "$2" ]] || { echo "no password for Kafka user $1: run deploy/generate-secrets.sh --kafka" >&2; exit 1; }
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" "${admin[@]}" --alter --entity-type users \
      --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
  }
  scram ingest-service "${EARSHOT_KAFKA_INGEST_PASSWORD:-}"
  scram sentiment-service "${EARSHOT_KAFKA_SENTIMENT_PASSWORD:-}"
  scram alert-service "${EARSHOT_KAFKA_ALERT_PASSWORD:-}"
  scram console "${EARSHOT_KAFKA_CONSOLE_PASSWORD:-}"
  scram topic-browser "${EARSHOT_KAFKA_BROWSER_PASSWORD:-}"
fi

# ingest-service: publishes mentions and source health; keeps its state in earshot-ingest-* topics,
# which it creates and whose retention it sets (AlterConfigs); its replicas share the sources through
# the consumer group earshot-ingest-pollers (setting earshot.ingest.shards.group). Its state readers
# use no group. Idempotent producer: WRITE on a topic is enough (Kafka 2.8+).
allow "$INGEST" --operation Write --operation Describe --topic mentions
allow "$INGEST" --operation Write --operation Describe --topic monitors
allow "$INGEST" --operation Read --operation Write --operation Describe --operation Create \
  --operation DescribeConfigs --operation AlterConfigs --resource-pattern-type prefixed --topic earshot-ingest-
allow "$INGEST" --operation Read --group earshot-ingest-pollers
# The catalog: ingest-service is its only writer (the operator's file and its API), creates it, and
# dead-letters the records it refuses; it reads the old earshot-ingest-catalog once (prefix above).
allow "$INGEST" --operation Read --operation Write --operation Describe --operation Create --topic catalog
allow "$INGEST" --operation Write --operation Describe --operation Create --topic catalog-dlq

# sentiment-service: reads mentions in the group sentiment-service, writes the scores and the
# mentions it cannot score.
allow "$SENTIMENT" --operation Read --operation Describe --topic mentions
allow "$SENTIMENT" --operation Read --group sentiment-service
allow "$SENTIMENT" --operation Write --operation Describe --topic mentions-scored
allow "$SENTIMENT" --operation Write --operation Describe --topic mentions-dlq
allow "$SENTIMENT" --operation Write --operation Describe --topic sentiment-feedback

# alert-service: Kafka Streams application alert-service (exactly-once v2) reads the scores,
# source health and the catalog, writes alerts and dead letters; everything else is its own, under the prefix
# alert-service- (incident commands, notifications, delivery markers, the Streams changelogs it
# creates and may purge); groups alert-service (Streams) and alert-service-outbox (delivery worker,
# which also reads the Streams group's offsets); transactional ids alert-service-<process>-<thread>.
allow "$ALERT" --operation Read --operation Describe --topic mentions-scored
allow "$ALERT" --operation Read --operation Describe --topic monitors
allow "$ALERT" --operation Write --operation Describe --topic alerts
allow "$ALERT" --operation Write --operation Describe --topic mentions-scored-dlq
allow "$ALERT" --operation Read --operation Describe --topic catalog
allow "$ALERT" --operation Write --operation Describe --topic catalog-dlq
allow "$ALERT" --operation All --resource-pattern-type prefixed --topic alert-service-
allow "$ALERT" --operation Read --operation Describe --resource-pattern-type prefixed --group alert-service
allow "$ALERT" --operation Write --operation Describe --resource-pattern-type prefixed --transactional-id alert-service

# console: reads the public topics into its own database in the group earshot-console, dead-letters what it
# cannot store to console-dlq (which it creates when missing) and refused catalog records to catalog-dlq.
for topic in mentions-scored alerts monitors catalog; do
  allow "$CONSOLE" --operation Read --operation Describe --topic "$topic"
done
allow "$CONSOLE" --operation Write --operation Describe --operation Create --topic console-dlq
allow "$CONSOLE" --operation Write --operation Describe --topic catalog-dlq
allow "$CONSOLE" --operation Read --group earshot-console
# The topic browser (kafka-ui, read-only): looks at every topic and group, changes nothing.
allow "$BROWSER" --operation Read --operation Describe --operation DescribeConfigs --topic '*'
allow "$BROWSER" --operation Describe --group '*'
allow "$BROWSER" --operation Describe --operation DescribeConfigs --cluster

"$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" "${admin[@]}" --list
