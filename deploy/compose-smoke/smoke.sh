#!/usr/bin/env bash
# CI's compose smoke: the real docker-compose.yml, brought up on this machine and made to raise an alert.
#   1. installs docker.io, docker-compose and debootstrap if missing, starts dockerd if none answers
#      (dockerd --iptables=false --bridge=none, log in $EARSHOT_SMOKE_CACHE/dockerd.log; left running)
#   2. builds what cannot be pulled (build-images.sh) and the services' images from their Dockerfiles
#      (docker-compose build, on the local JRE base)
#   3. starts Kafka, kafka-init, the inbox, PostgreSQL, the services and the console (not Prometheus,
#      Grafana, the topic browser: their images can only be pulled) with compose.smoke.yml on top, and waits
#      until all are healthy
#   4. pushes a furious mention to ingest-service's API, then waits for the email in the inbox, for the
#      record on `alerts`, and for its incident on the console's inbox page after a form login (a users
#      file made for this run), then `docker-compose down -v` and checks nothing is left
# Every wait is bounded; on failure it prints the step, the containers' state and their last log lines.
# Needs the services packaged (./mvnw package or verify) and root. Prints its duration.
# Compose: Debian's docker-compose 1.29 reads neither the top-level `name` nor secrets taken from the
# environment, and refuses published ports beside host networking (Compose v2 ignores them), so it is
# given a copy of docker-compose.yml with just those keys rewritten (below); the rest is the file as is.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
here=deploy/compose-smoke
cache="${EARSHOT_SMOKE_CACHE:-/var/cache/earshot-smoke}"
project=earshot-smoke
started=$(date +%s)
step_name="start"
elapsed() { echo "$(($(date +%s) - started))s"; }
step() { step_name="$*"; echo "== smoke [$(elapsed)] $*"; }
fail() { echo "== smoke FAILED at '$step_name' after $(elapsed): $*" >&2; exit 1; }

work="$(mktemp -d /tmp/earshot-smoke.XXXXXX)"
compose() {
  timeout "${COMPOSE_TIMEOUT:-300}" docker-compose -p "$project" --project-directory "$repo" --env-file "$work/smoke.env" \
    -f "$work/docker-compose.yml" -f "$here/compose.smoke.yml" "$@"
}
stack_up=false
on_exit() {
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "== smoke FAILED at '$step_name' after $(elapsed) (exit $rc)" >&2
    if $stack_up; then
      compose ps >&2 || true
      for c in $(docker ps -aq --filter "label=com.docker.compose.project=$project"); do
        echo "---- last lines of $(docker inspect --format '{{.Name}}' "$c")" >&2
        docker logs --tail 25 "$c" 2>&1 | sed 's/^/    /' >&2 || true
      done
    fi
  fi
  if $stack_up; then
    COMPOSE_TIMEOUT=120 compose down -v --timeout 20 > /dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap on_exit EXIT

step "tools"
missing=()
command -v dockerd > /dev/null || missing+=(docker.io)
command -v docker-compose > /dev/null || missing+=(docker-compose)
command -v debootstrap > /dev/null || missing+=(debootstrap)
if [[ ${#missing[@]} -gt 0 ]]; then
  timeout 300 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "${missing[@]}" > /dev/null
fi

step "docker engine"
mkdir -p "$cache"
if ! timeout 10 docker info > /dev/null 2>&1; then
  # No registry, no bridge: containers use the host's network (see compose.smoke.yml).
  nohup dockerd --iptables=false --bridge=none >> "$cache/dockerd.log" 2>&1 &
  for _ in $(seq 60); do timeout 5 docker info > /dev/null 2>&1 && break; sleep 1; done
  timeout 10 docker info > /dev/null 2>&1 || { tail -20 "$cache/dockerd.log" >&2; fail "dockerd did not answer in 60 s"; }
fi

step "packaged services"
services=(ingest-service sentiment-service alert-service console)
for s in "${services[@]}"; do
  [[ -f "$s/target/quarkus-app/quarkus-run.jar" ]] || fail "$s is not packaged: run ./mvnw package -DskipTests first"
done
# The console's users file is made by local-run's ConsoleUsers (as deploy/generate-secrets.sh makes it).
[[ -f local-run/target/earshot-local.jar ]] || fail "local-run is not packaged: run ./mvnw package -DskipTests first"

step "local images (build-images.sh)"
timeout 1200 "$here/build-images.sh" > "$work/images.txt"

step "compose file for docker-compose 1.29"
for n in EARSHOT_API_TOKEN EARSHOT_READ_TOKEN EARSHOT_ACK_SECRET GRAFANA_ADMIN_PASSWORD EARSHOT_TOOLS_PASSWORD \
  EARSHOT_CONSOLE_DB_PASSWORD EARSHOT_CONSOLE_SESSION_KEY; do
  echo "$n=$(openssl rand -hex 32)"
done > "$work/smoke.env"
echo "EARSHOT_CONSOLE_USERS_FILE=$work/console-users.properties" >> "$work/smoke.env"
chmod 600 "$work/smoke.env"
api_token="$(sed -n 's/^EARSHOT_API_TOKEN=//p' "$work/smoke.env")"
read_token="$(sed -n 's/^EARSHOT_READ_TOKEN=//p' "$work/smoke.env")"
console_password="$(java -cp local-run/target/earshot-local.jar dev.earshot.local.ConsoleUsers \
  "$work/console-users.properties" staff:responder | sed -n 's/^staff //p')"
[[ -n "$console_password" ]] || fail "no console users file"
python3 - docker-compose.yml "$here/compose.smoke.yml" "$work" <<'PY'
import sys, yaml
src, override, work = sys.argv[1:4]
doc = yaml.safe_load(open(src))
doc.pop('name', None)                      # the project name is given with -p
for name, service in yaml.safe_load(open(override))['services'].items():
    if service.get('network_mode') == 'host':
        doc['services'][name].pop('ports', None)   # on the host's network they are the service's own
for key, secret in (doc.get('secrets') or {}).items():
    if 'environment' in secret:            # the same value, from a file written here
        value = [l.split('=', 1)[1].strip() for l in open(f'{work}/smoke.env') if l.startswith(secret['environment'] + '=')]
        open(f'{work}/{key}', 'w').write(value[0] if value else '')
        secret.clear()
        secret['file'] = f'{work}/{key}'
yaml.safe_dump(doc, open(f'{work}/docker-compose.yml', 'w'), sort_keys=False)
PY
compose config -q || fail "docker-compose rejects docker-compose.yml with the smoke override"

step "service images (docker-compose build)"
COMPOSE_TIMEOUT=900 compose build -q "${services[@]}" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; fail "image build"; }

step "host ports free"
ports='8081|8082|8083|8084|9092|9093|29092|1025|8025|5432'
for i in $(seq 60); do
  busy="$(ss -ltnH | awk '{print $4}' | grep -E ":($ports)\$" || true)"
  [[ -z "$busy" ]] && break
  [[ $i -eq 1 ]] && echo "   waiting for ports in use: $(echo "$busy" | tr '\n' ' ')"
  sleep 5
done
[[ -z "$busy" ]] || fail "ports still in use after 5 minutes: $busy"

step "stack up"
stack_up=true
compose up -d --no-build kafka kafka-init mailpit postgres "${services[@]}" > "$work/up.log" 2>&1 || { cat "$work/up.log" >&2; fail "docker-compose up"; }

step "every service healthy"
health() { docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1" 2>/dev/null; }
container() { # faster than `docker-compose ps -q`, which starts Python each time
  docker ps -aq --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1" | head -1
}
deadline=$(($(date +%s) + 240))
for s in kafka mailpit postgres "${services[@]}"; do
  while [[ "$(health "$(container "$s")")" != healthy ]]; do
    [[ $(date +%s) -lt $deadline ]] || fail "$s is '$(health "$(container "$s")")', not healthy, after 240 s"
    sleep 3
  done
  echo "   $s healthy at $(elapsed)"
done
[[ "$(docker inspect --format '{{.State.ExitCode}}' "$(container kafka-init)")" == 0 ]] || fail "kafka-init did not create the topics"

step "a furious mention pushed to ingest-service"
mention='[{"source":"smoke-test","id":"smoke-1","url":"https://reviews.example/smoke-1","title":"Never again",
"text":"Northwind Coffee charged me twice, the barista screamed at me and support hung up on me three times. Worst coffee shop ever, I am furious and I will tell everyone to stay away."}]'
answer="$(curl -sS --max-time 20 -H "Authorization: Bearer $api_token" -H 'Content-Type: application/json' \
  --data "$mention" http://127.0.0.1:8081/api/mentions)" || fail "POST /api/mentions"
echo "   ingest answered: $answer"
grep -q '"published"' <<< "$answer" || fail "the mention was not published: $answer"

step "the alert email in the inbox"
deadline=$(($(date +%s) + 120))
until mails="$(curl -fsS --max-time 5 http://127.0.0.1:8025/api/user/pr@northwind.example/messages/INBOX/ 2>/dev/null)" \
  && grep -q 'Northwind Coffee' <<< "$mails"; do
  [[ $(date +%s) -lt $deadline ]] || fail "no email for pr@northwind.example within 120 s"
  sleep 2
done
echo "   subject: $(python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["subject"])' <<< "$mails")"

step "the record on alerts"
record="$(compose exec -T kafka /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server 127.0.0.1:9092 \
  --topic alerts --from-beginning --max-messages 1 --timeout-ms 60000 --property print.key=true \
  --isolation-level read_committed 2>/dev/null)" || fail "no record on alerts within 60 s"
grep -q '"northwind"' <<< "$record" || fail "the alerts record is not about northwind: $record"
echo "   alerts: ${record:0:160}..."
incidents="$(curl -fsS --max-time 10 -H "Authorization: Bearer $read_token" http://127.0.0.1:8083/api/incidents)" \
  || fail "GET /api/incidents"
grep -q 'northwind' <<< "$incidents" || fail "alert-service lists no incident for northwind: $incidents"
incident_id="$(python3 -c 'import json,sys; print([i["incidentId"] for i in json.load(sys.stdin) if i["brand"]["id"] == "northwind"][0])' \
  <<< "$incidents")" || fail "no incident id in $incidents"

step "the incident on the console after login"
jar="$work/console-cookies"
login="$(curl -sS --max-time 20 -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode j_username=staff --data-urlencode "j_password=$console_password" \
  http://127.0.0.1:8084/j_security_check)" || fail "POST /j_security_check"
[[ "$login" != *error* ]] && grep -q earshot-console "$jar" || fail "the console refused the login: $login"
deadline=$(($(date +%s) + 60))
until page="$(curl -fsS --max-time 10 -b "$jar" http://127.0.0.1:8084/incidents)" \
  && grep -q "/incidents/$incident_id" <<< "$page" && grep -q 'Northwind Coffee' <<< "$page"; do
  [[ $(date +%s) -lt $deadline ]] || fail "incident $incident_id is not on the console's /incidents within 60 s"
  sleep 2
done
echo "   console lists incident $incident_id of Northwind Coffee"

step "docker-compose down"
COMPOSE_TIMEOUT=120 compose down -v --timeout 20 > "$work/down.log" 2>&1 || { cat "$work/down.log" >&2; fail "docker-compose down"; }
stack_up=false
left="$(docker ps -aq --filter "label=com.docker.compose.project=$project")"
[[ -z "$left" ]] || fail "containers left after down: $left"
left="$(docker volume ls -q --filter "label=com.docker.compose.project=$project")"
[[ -z "$left" ]] || fail "volumes left after down: $left"

# Each run's rebuilt service images leave the previous ones untagged: drop those (nothing else).
docker image prune -f > /dev/null || true

step "passed"
echo "compose smoke: 1 passed, 0 failed in $(elapsed) (images: $(tr '\n' ' ' < "$work/images.txt"))"
