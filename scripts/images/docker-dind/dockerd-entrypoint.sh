#!/bin/sh
# Starts dockerd as the official docker:dind image does: with DOCKER_TLS_CERTDIR set (the default), a CA and
# server/client certificates are generated once (the client set is what a job mounts at /certs/client) and the
# API listens on 2376 with TLS; with it empty, on 2375 without. Arguments are passed to dockerd. Keys are RSA
# 2048 (the official image uses 4096; the size changes nothing a job sees, only how long a service takes to start).
set -eu

generate_certificates() {
	dir=$1
	mkdir -p "$dir/ca" "$dir/server" "$dir/client"
	if [ ! -s "$dir/ca/key.pem" ]; then
		openssl genrsa -out "$dir/ca/key.pem" 2048 2>/dev/null
		openssl req -new -x509 -days 825 -key "$dir/ca/key.pem" -subj '/CN=docker:dind CA' -out "$dir/ca/cert.pem"
	fi
	sans="DNS:docker,DNS:localhost,DNS:$(hostname),IP:127.0.0.1"
	for address in $(ip -4 -o addr show scope global | awk '{ split($4, a, "/"); print a[1] }'); do
		sans="$sans,IP:$address"
	done
	if [ -n "${DOCKER_TLS_SAN:-}" ]; then sans="$sans,$DOCKER_TLS_SAN"; fi
	openssl genrsa -out "$dir/server/key.pem" 2048 2>/dev/null
	openssl req -new -key "$dir/server/key.pem" -subj '/CN=docker:dind server' -out "$dir/server/csr.pem"
	printf 'extendedKeyUsage = serverAuth\nsubjectAltName = %s\n' "$sans" > "$dir/server/openssl.cnf"
	openssl x509 -req -in "$dir/server/csr.pem" -CA "$dir/ca/cert.pem" -CAkey "$dir/ca/key.pem" -CAcreateserial \
		-days 825 -extfile "$dir/server/openssl.cnf" -out "$dir/server/cert.pem" 2>/dev/null
	cp "$dir/ca/cert.pem" "$dir/server/ca.pem"
	openssl genrsa -out "$dir/client/key.pem" 2048 2>/dev/null
	openssl req -new -key "$dir/client/key.pem" -subj '/CN=docker:dind client' -out "$dir/client/csr.pem"
	printf 'extendedKeyUsage = clientAuth\n' > "$dir/client/openssl.cnf"
	openssl x509 -req -in "$dir/client/csr.pem" -CA "$dir/ca/cert.pem" -CAkey "$dir/ca/key.pem" -CAcreateserial \
		-days 825 -extfile "$dir/client/openssl.cnf" -out "$dir/client/cert.pem" 2>/dev/null
	cp "$dir/ca/cert.pem" "$dir/client/ca.pem"
	# The job reads these from the shared /certs/client volume, possibly as another user.
	chmod 0644 "$dir/client/key.pem" "$dir/client/cert.pem" "$dir/client/ca.pem"
}

if [ -n "${DOCKER_TLS_CERTDIR:-}" ]; then
	generate_certificates "$DOCKER_TLS_CERTDIR"
	set -- --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2376 --tlsverify \
		--tlscacert "$DOCKER_TLS_CERTDIR/server/ca.pem" --tlscert "$DOCKER_TLS_CERTDIR/server/cert.pem" \
		--tlskey "$DOCKER_TLS_CERTDIR/server/key.pem" "$@"
else
	set -- --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2375 "$@"
fi

exec dind dockerd "$@"
