#!/usr/bin/env bash
# Generates Earshot's secrets: 32 random bytes, hex, for each one that is missing or empty.
# Never changes a value that is already set, except the ones named with --rotate.
#
#   deploy/generate-secrets.sh                   .env for docker compose (created from .env.example), and the
#                                                console's users file deploy/console/users.properties with one
#                                                user `admin` (role admin) when it is missing: its password is
#                                                printed once (needs ./mvnw package: the hash is made by
#                                                local-run's ConsoleUsers, with the library the console checks it with)
#   deploy/generate-secrets.sh --kafka           also the Kafka SCRAM passwords and TLS store password
#                                                (deploy/kafka/compose.sasl.yml)
#   deploy/generate-secrets.sh --kubernetes      deploy/kubernetes-secrets/earshot-secrets.env, for
#                                                kubectl apply -k deploy/kubernetes-secrets
#   deploy/generate-secrets.sh --rotate EARSHOT_READ_TOKEN   a fresh value for that one (repeatable)
#
# The file is written with mode 600 and is ignored by git. SMTP credentials are not generated: put
# your mail server's in the file yourself. What each secret protects and how to rotate it:
# docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."

target=.env
kafka=false
rotate=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kafka) kafka=true ;;
    --kubernetes) target=deploy/kubernetes-secrets/earshot-secrets.env ;;
    --rotate) rotate+=("$2"); shift ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

names=(EARSHOT_API_TOKEN EARSHOT_READ_TOKEN EARSHOT_ACK_SECRET EARSHOT_CONSOLE_SESSION_KEY)
if [[ "$target" == .env ]]; then
  # On Kubernetes the console's database is a managed one: its password is your provider's (console-secrets.yaml).
  names+=(GRAFANA_ADMIN_PASSWORD EARSHOT_TOOLS_PASSWORD EARSHOT_CONSOLE_DB_PASSWORD)
fi
if $kafka; then
  names+=(EARSHOT_KAFKA_INGEST_PASSWORD EARSHOT_KAFKA_SENTIMENT_PASSWORD EARSHOT_KAFKA_ALERT_PASSWORD
    EARSHOT_KAFKA_BROWSER_PASSWORD EARSHOT_KAFKA_TLS_PASSWORD)
fi

random() {
  if command -v openssl > /dev/null; then
    openssl rand -hex 32
  else
    od -An -N32 -tx1 /dev/urandom | tr -d ' \n'
    echo
  fi
}

umask 077
if [[ ! -e "$target" ]]; then
  mkdir -p "$(dirname "$target")"
  if [[ "$target" == .env ]]; then
    cp .env.example "$target"
  else
    printf '# Earshot secrets for kubectl apply -k deploy/kubernetes-secrets (never commit this file)\nSMTP_USERNAME=\nSMTP_PASSWORD=\n' > "$target"
  fi
fi
chmod 600 "$target"

changed=()
for name in "${names[@]}" "${rotate[@]}"; do
  for done_name in "${changed[@]}"; do [[ "$done_name" == "$name" ]] && continue 2; done
  current="$(sed -n "s/^$name=//p" "$target" | tail -1)"
  wanted_rotation=false
  for r in "${rotate[@]}"; do [[ "$r" == "$name" ]] && wanted_rotation=true; done
  if [[ -n "$current" ]] && ! $wanted_rotation; then
    continue
  fi
  value="$(random)"
  if grep -q "^$name=" "$target"; then
    tmp="$(mktemp "$target.XXXXXX")"
    awk -v n="$name" -v v="$value" 'index($0, n "=") == 1 { print n "=" v; next } { print }' "$target" > "$tmp"
    chmod 600 "$tmp"
    mv "$tmp" "$target"
  else
    echo "$name=$value" >> "$target"
  fi
  changed+=("$name")
done

if [[ ${#changed[@]} -eq 0 ]]; then
  echo "$target: every secret was already set; nothing changed"
else
  echo "$target: generated ${changed[*]}"
fi

users=deploy/console/users.properties
if [[ "$target" == .env && ! -e "$users" ]]; then
  jar=local-run/target/earshot-local.jar
  if [[ -f "$jar" ]] && command -v java > /dev/null; then
    # Mode 644: bcrypt hashes only, and the console's container user (185) must read the mounted file.
    java -cp "$jar" dev.earshot.local.ConsoleUsers "$users" admin:admin \
      | while read -r user password; do
          echo "$users: console user '$user' (role admin), password: $password   (shown only now)"
        done
  else
    echo "$users is missing and $jar is not built: run ./mvnw package -DskipTests, then this script again" >&2
  fi
fi
