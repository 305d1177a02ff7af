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
mvn -B -ntp -q install -DskipTests   # first: stack.sh renders Asterisk's queues.conf with the server jar
bash deploy/stack/stack.sh start local
PROPS=$(bash deploy/stack/stack.sh env-file local)
case "${CALLCENTRE_DATABASE:-h2}" in
  h2) DATABASE= ;;
  postgres) DATABASE=",file:$(bash deploy/stack/stack.sh start-postgres local)" ;;
  *) echo "CALLCENTRE_DATABASE is h2 (the default) or postgres" >&2; exit 2 ;;
esac
INSTANCE_DIR=$(dirname "$PROPS")
USERS=$INSTANCE_DIR/users.properties
if [ ! -s "$USERS" ]; then   # random passwords, kept outside the repository
  (umask 077
   i=0
   for u in admin:ADMIN qa:QA supervisor:SUPERVISOR agent1:AGENT; do
     pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
     printf 'callcentre.security.users[%d].name=%s\ncallcentre.security.users[%d].password={noop}%s\ncallcentre.security.users[%d].roles=%s\n' \
       $i "${u%%:*}" $i "$pw" $i "${u##*:}"
     i=$((i + 1))
   done > "$USERS")
fi
pw() { grep -A1 "name=$1\$" "$USERS" | sed -n 's/.*password={noop}//p'; }
cat <<MSG

  The contact centre is starting on http://127.0.0.1:8080 (Asterisk AMI 127.0.0.1:5038, FastAGI 127.0.0.1:4573).
  Users (passwords in $USERS): admin / $(pw admin), qa / $(pw qa),
  supervisor / $(pw supervisor), agent1 / $(pw agent1)

  Place a test call (a synthetic customer presses 3 and speaks):
    curl -u admin:$(pw admin) -H 'Content-Type: application/json' \\
      -d '{"sentence":"I want to return my order, the parcel arrived damaged","key":"3"}' http://127.0.0.1:8080/api/test-calls
  About 30 seconds later, search what was said:
    curl -u qa:$(pw qa) 'http://127.0.0.1:8080/api/calls?q=parcel+damaged'

MSG
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar deploy/target/callcentre-deploy-*.jar \
  --spring.config.additional-location="file:$PROPS,file:$USERS$DATABASE" \
  --callcentre.data-dir="$INSTANCE_DIR/data" --callcentre.ivr.test-call.enabled=true "$@"
