#!/usr/bin/env bash
# A private CA and the broker's TLS key for deploy/kafka/compose.sasl.yml, in deploy/kafka/tls/:
#   kafka.keystore.p12  the broker's key and certificate (names: kafka, localhost, 127.0.0.1) - secret
#   truststore.p12      the CA certificate the clients trust (not secret)
#   ca.key / ca.crt     the CA: keep ca.key offline once the stores are made (it can sign more brokers)
# The store password is EARSHOT_KAFKA_TLS_PASSWORD from .env (deploy/generate-secrets.sh --kafka).
# The folder is mode 700; the files are 644 because the broker and services run as other users in
# their containers and each file is mounted on its own (the folder's mode still keeps other users of
# this machine out). Rerun with --force to replace everything (then restart Kafka and the services).
# Needs openssl and keytool (any JDK).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=deploy/kafka/tls
if [[ -e "$dir/kafka.keystore.p12" && "${1:-}" != "--force" ]]; then
  echo "$dir already has a keystore; rerun with --force to replace it" >&2
  exit 1
fi
password="$(sed -n 's/^EARSHOT_KAFKA_TLS_PASSWORD=//p' .env 2>/dev/null | tail -1)"
[[ -n "$password" ]] || { echo "EARSHOT_KAFKA_TLS_PASSWORD is not in .env: run deploy/generate-secrets.sh --kafka" >&2; exit 1; }
command -v keytool > /dev/null || { echo "keytool (from a JDK) is needed" >&2; exit 1; }

umask 077
mkdir -p "$dir"
chmod 700 "$dir"
rm -f "$dir"/kafka.keystore.p12 "$dir"/truststore.p12
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:3072 -sha256 -days 825 -nodes -subj "/CN=Earshot Kafka CA" \
  -keyout "$dir/ca.key" -out "$dir/ca.crt" 2> /dev/null
openssl req -newkey rsa:3072 -sha256 -nodes -subj "/CN=kafka" -keyout "$work/kafka.key" -out "$work/kafka.csr" 2> /dev/null
printf 'subjectAltName=DNS:kafka,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$work/ext"
openssl x509 -req -sha256 -days 825 -in "$work/kafka.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
  -CAcreateserial -extfile "$work/ext" -out "$work/kafka.crt" 2> /dev/null
openssl pkcs12 -export -name kafka -inkey "$work/kafka.key" -in "$work/kafka.crt" -certfile "$dir/ca.crt" \
  -passout "pass:$password" -out "$dir/kafka.keystore.p12"
keytool -importcert -noprompt -alias earshot-kafka-ca -file "$dir/ca.crt" -storetype PKCS12 \
  -keystore "$dir/truststore.p12" -storepass "$password" > /dev/null 2>&1
rm -f "$dir/ca.srl"
chmod 644 "$dir/kafka.keystore.p12" "$dir/truststore.p12" "$dir/ca.crt"
echo "Wrote $dir/kafka.keystore.p12 and $dir/truststore.p12 (CA in $dir/ca.crt; keep $dir/ca.key safe)"
