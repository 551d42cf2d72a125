#!/bin/sh
# The UBI image's launcher, reduced to what the services use: JAVA_OPTS, JAVA_OPTS_APPEND, JAVA_APP_JAR,
# and a heap that follows the container's memory limit unless -Xmx is given.
set -e
heap="-XX:MaxRAMPercentage=50.0"
case "${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-}" in *-Xmx*) heap="" ;; esac
# Word splitting of the options is intended, as in the original.
# shellcheck disable=SC2086
exec java $heap ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} -jar "${JAVA_APP_JAR:?JAVA_APP_JAR is not set}" "$@"
