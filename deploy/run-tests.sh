#!/usr/bin/env bash
# The whole test suite: provisions every real component (Asterisk chroot, Elasticsearch, Vosk
# model, espeak-ng/sox) if missing, then runs unit and integration tests with Maven on JDK 25.
# Integration tests start and stop the "test" stack instance themselves.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/stack/jdk.sh
bash deploy/stack/stack.sh provision
# the server jar first: starting a stack instance renders Asterisk's queues.conf with it (ADR 0007)
# without the old jar: Maven keeps a jar whose own classes did not change and Spring Boot does not
# repackage it, so a change in another module alone would not reach the jar the tests start
rm -f deploy/target/callcentre-deploy-*.jar deploy/target/callcentre-deploy-*.jar.original
mvn -B -ntp -q package -DskipTests
exec mvn -B -ntp verify "$@"
