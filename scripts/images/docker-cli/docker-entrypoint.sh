#!/bin/sh
# What the official docker:cli entrypoint does for a job: run docker subcommands given as arguments, and when
# DOCKER_HOST is unset point it at the `docker` service, with TLS when the client certificates exist.
set -eu

if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then set -- docker "$@"; fi
if docker help "$1" > /dev/null 2>&1; then set -- docker "$@"; fi

tls_client_ready() {
	[ -n "${DOCKER_TLS_CERTDIR:-}" ] &&
		[ -s "$DOCKER_TLS_CERTDIR/client/ca.pem" ] &&
		[ -s "$DOCKER_TLS_CERTDIR/client/cert.pem" ] &&
		[ -s "$DOCKER_TLS_CERTDIR/client/key.pem" ]
}

if [ -z "${DOCKER_HOST:-}" ] && [ -S /var/run/docker.sock ]; then
	export DOCKER_HOST=unix:///var/run/docker.sock
elif [ -z "${DOCKER_HOST:-}" ]; then
	if tls_client_ready; then export DOCKER_HOST=tcp://docker:2376; else export DOCKER_HOST=tcp://docker:2375; fi
fi
if [ "${DOCKER_HOST#tcp://}" != "$DOCKER_HOST" ] && tls_client_ready; then
	export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$DOCKER_TLS_CERTDIR/client"
fi

exec "$@"
