#!/usr/bin/env bash
# Builds the images that a machine without a reachable registry cannot pull, for the compose smoke and
# for the tests' Kafka container (earshot.kafka.image), from this checkout and the Debian mirror:
#   earshot-local/jre-rootfs:17   Debian bookworm minbase + openjdk-17-jre-headless + curl (debootstrap)
#   earshot-local/jre:17          that, with the UBI openjdk image's contract (jre/Dockerfile)
#   earshot-local/kafka:VERSION   Kafka VERSION (the root pom's kafka.version) from Maven (kafka/)
#   earshot-local/greenmail:V     GreenMail standalone (the root pom's greenmail.version) from Maven (inbox/)
#   earshot-local/postgres:bookworm  Debian's postgresql package on the JRE root file system (postgres/), for
#                                 the console's database
# An image already on the engine is kept (the Dockerfile steps are cached too); the debootstrap result is
# cached as a tarball in EARSHOT_SMOKE_CACHE (default /var/cache/earshot-smoke). Needs root, dockerd,
# debootstrap. Prints each image's name on its own line at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/compose-smoke
cache="${EARSHOT_SMOKE_CACHE:-/var/cache/earshot-smoke}"
mkdir -p "$cache"
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
kafka_version="$(pom_property kafka.version)"
greenmail_version="$(pom_property greenmail.version)"
log() { echo "-- build-images: $*" >&2; }

has_image() { docker image inspect "$1" > /dev/null 2>&1; }

# The Debian mirror apt already uses here (deb822 or one-line sources), else Debian's own.
debian_mirror() {
  local uri
  uri="$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list \
    | grep -oE 'https?://[^ ]*/debian/?( |$)' | grep -v security | head -1 | tr -d ' ')"
  echo "${uri:-http://deb.debian.org/debian}"
}

if ! has_image earshot-local/jre-rootfs:17; then
  if [[ ! -s "$cache/jre-rootfs.tar" ]]; then
    mirror="$(debian_mirror)"
    log "debootstrap bookworm from $mirror (a few minutes, once per machine)"
    rm -rf "$cache/rootfs"
    timeout 900 debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl bookworm "$cache/rootfs" "$mirror" \
      > "$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log"; exit 1; }
    # apt's caches and the docs are not needed at run time (about 150 MB).
    tar -C "$cache/rootfs" --exclude=./var/cache/apt --exclude=./var/lib/apt/lists --exclude=./usr/share/doc \
      --exclude=./usr/share/man -cf "$cache/jre-rootfs.tar.part" .
    mv "$cache/jre-rootfs.tar.part" "$cache/jre-rootfs.tar"
    rm -rf "$cache/rootfs"
  fi
  log "importing the JRE root file system"
  docker import "$cache/jre-rootfs.tar" earshot-local/jre-rootfs:17 > /dev/null
fi

log "earshot-local/jre:17"
docker build -q -t earshot-local/jre:17 "$here/jre" > /dev/null

log "earshot-local/kafka:$kafka_version from Kafka's Maven artifacts"
context="$cache/kafka-context"
rm -rf "$context" && mkdir -p "$context"
cp -r "$here/kafka/Dockerfile" "$here/kafka/run" "$here/kafka/bin" "$context/"
./mvnw -q -f "$here/kafka/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$context/libs"
docker build -q -t "earshot-local/kafka:$kafka_version" "$context" > /dev/null

log "earshot-local/greenmail:$greenmail_version"
context="$cache/inbox-context"
rm -rf "$context" && mkdir -p "$context"
cp "$here/inbox/Dockerfile" "$context/"
./mvnw -q -N dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$greenmail_version" \
  -Dmdep.stripVersion=true -DoutputDirectory="$context"
docker build -q -t "earshot-local/greenmail:$greenmail_version" "$context" > /dev/null

log "earshot-local/postgres:bookworm from Debian's postgresql package"
docker build -q --network host -t earshot-local/postgres:bookworm "$here/postgres" > /dev/null

echo "earshot-local/jre:17"
echo "earshot-local/kafka:$kafka_version"
echo "earshot-local/greenmail:$greenmail_version"
echo "earshot-local/postgres:bookworm"
