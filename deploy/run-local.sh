#!/usr/bin/env bash
# Starts the contact centre locally on embedded defaults: Asterisk 22 and Elasticsearch 8.19
# (the "local" stack instance), then the server on http://127.0.0.1:8080 with an H2 database.
# Prints the users' passwords and how to place a test call. Ctrl-C stops the server;
# `deploy/stack/stack.sh stop local` stops Asterisk, Elasticsearch and S3Proxy.
# Arguments are passed to the server, e.g. --callcentre.ivr.recording.ivr-part=true.
# CALLCENTRE_DATABASE=postgres keeps the database in the instance's PostgreSQL instead of H2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/stack/jdk.sh
# The server jar first: stack.sh renders Asterisk's queues.conf with it. Built only when a pom or a
# main source (a directory too: a deleted file) is newer than the jar; Maven alone takes ~5 s to
# find nothing to do.
server_jar() { ls "$PWD"/deploy/target/callcentre-deploy-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true; }
JAR=$(server_jar)
if [ -z "$JAR" ] || [ -n "$(find pom.xml .mvn ./*/pom.xml ./*/src/main -newer "$JAR" -print -quit)" ]; then
  # without the old jar: Maven keeps a jar whose own classes did not change, and Spring Boot does
  # not repackage it again, so a change in ivr, recording or qa alone would not reach the server
  rm -f deploy/target/callcentre-deploy-*.jar deploy/target/callcentre-deploy-*.jar.original
  mvn -B -ntp -q package -DskipTests
  JAR=$(server_jar)
  touch "$JAR"   # built from the sources as they are now, even where Maven found nothing to redo
fi
bash deploy/stack/stack.sh start local
PROPS=$(bash deploy/stack/stack.sh env-file local)
case "${CALLCENTRE_DATABASE:-h2}" in
  h2) DATABASE= ;;
  postgres) DATABASE=",file:$(bash deploy/stack/stack.sh start-postgres local)" ;;
  *) echo "CALLCENTRE_DATABASE is h2 (the default) or postgres" >&2; exit 2 ;;
esac
INSTANCE_DIR=$(dirname "$PROPS")
USERS=$INSTANCE_DIR/users.conf               # what the server reads: names, roles, bcrypt hashes
PASSWORDS=$INSTANCE_DIR/generated-passwords  # the generated passwords, for you: owner-only, never read by the server
OLD_USERS=$INSTANCE_DIR/users.properties     # earlier versions' users, {noop} passwords in the server's configuration
add_user() {  # add_user NAME ROLES PASSWORD: into the new users file, hashed
  printf '%s\n' "$3" | "$JAVA_HOME/bin/java" -jar "$JAR" add-user "$USERS.new" "$1" "$2" --password-file=- >/dev/null
  printf '%s:%s\n' "$1" "$3" >> "$PASSWORDS"
}
old_user() { sed -n "s/^callcentre\.security\.users\[$1\]\.$2=//p" "$OLD_USERS"; }
if [ ! -s "$USERS" ]; then
  rm -f "$USERS.new"; (umask 077; : > "$PASSWORDS")
  if [ -f "$OLD_USERS" ]; then   # keep their passwords, hashed now
    for i in $(sed -n 's/^callcentre\.security\.users\[\([0-9]*\)\]\.name=.*/\1/p' "$OLD_USERS"); do
      add_user "$(old_user "$i" name)" "$(old_user "$i" roles)" "$(old_user "$i" password | sed 's/^{noop}//')"
    done
  else
    for u in admin:ADMIN qa:QA supervisor:SUPERVISOR agent1:AGENT; do
      add_user "${u%%:*}" "${u##*:}" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    done
  fi
  mv "$USERS.new" "$USERS" && rm -f "$OLD_USERS"
fi
pw() { sed -n "s/^$1://p" "$PASSWORDS" 2>/dev/null | grep . || echo PASSWORD; }
cat <<MSG

  The contact centre is starting on http://127.0.0.1:8080 (Asterisk AMI 127.0.0.1:5038, FastAGI 127.0.0.1:4573).
  Users: admin / $(pw admin), qa / $(pw qa), supervisor / $(pw supervisor), agent1 / $(pw agent1)
  (generated at the first start and kept for you alone in $PASSWORDS; the server
  reads only their hashes, from $USERS). Add a user or change a password:
    $JAVA_HOME/bin/java -jar $JAR add-user $USERS NAME ROLE[,ROLE...]

  Place a test call (a synthetic customer presses 3 and speaks):
    curl -u admin:$(pw admin) -H 'Content-Type: application/json' \\
      -d '{"sentence":"I want to return my order, the parcel arrived damaged","key":"3"}' http://127.0.0.1:8080/api/test-calls
  About 30 seconds later, search what was said:
    curl -u qa:$(pw qa) 'http://127.0.0.1:8080/api/calls?q=parcel+damaged'

MSG
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
  --spring.config.additional-location="file:$PROPS$DATABASE" --callcentre.security.users-file="$USERS" \
  --callcentre.data-dir="$INSTANCE_DIR/data" --callcentre.ivr.test-call.enabled=true "$@"
