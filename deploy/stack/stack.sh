#!/usr/bin/env bash
# The local real-component stack: Asterisk 22 (Debian chroot), Elasticsearch 8.19 (Maven
# distribution), S3Proxy (an S3-compatible object store on a directory, Maven artifact), the Vosk
# English model (Maven artifact) and the IVR's spoken prompts.
#
#   stack.sh provision            download/install what is missing (cached between runs)
#   stack.sh start  [INSTANCE]    provision, then start Asterisk, Elasticsearch and S3Proxy; idempotent.
#                                 Needs the built server (deploy/target): Asterisk's queues.conf
#                                 is rendered by it from the server's configuration (ADR 0007)
#   stack.sh start-s3 [INSTANCE]  only S3Proxy (and the properties file): for storage tests
#   stack.sh stop-s3  [INSTANCE]  stop only S3Proxy
#   stack.sh start-postgres [INSTANCE]  a PostgreSQL cluster of the instance (host package, installed if
#                                 missing); prints the path of its spring.datasource.* properties
#   stack.sh stop-postgres  [INSTANCE]  stop it (stop also does)
#   stack.sh status [INSTANCE]    exit 0 when every component of the instance answers
#   stack.sh stop   [INSTANCE]    stop what start started
#   stack.sh env    [INSTANCE]    print the server properties file of the instance
#   stack.sh env-file [INSTANCE]  print the path of that file
#   stack.sh restart-asterisk [INSTANCE]  kill -9 Asterisk and start it again (recovery tests)
#   stack.sh vosk-model           provision the Vosk model if missing, print its directory
#   stack.sh softphones-start [INSTANCE]   start headless baresip agent softphones, wait until registered
#   stack.sh softphones-status [INSTANCE]  exit 0 when every agent softphone is registered
#   stack.sh softphones-stop [INSTANCE]    stop them
#
# An INSTANCE ("local", "test" or test1..test9) is one Asterisk + one Elasticsearch + one S3Proxy
# on its own ports and directories, so the test suite never collides with a running local contact centre
# (nor with another test run). A test instance's Elasticsearch and S3Proxy data are wiped at each start.
# Everything cacheable lives under $CALLCENTRE_CACHE (default /var/cache/callcentre as root,
# ~/.cache/callcentre otherwise).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "$(id -u)" = 0 ]; then DEFAULT_CACHE=/var/cache/callcentre  # Elasticsearch's own user must reach it
else DEFAULT_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/callcentre; fi
CACHE=${CALLCENTRE_CACHE:-$DEFAULT_CACHE}
ROOTFS=${CALLCENTRE_ASTERISK_CHROOT:-$CACHE/asterisk-sid}
ES_VERSION=8.19.21
VOSK_MODEL_VERSION=0.3.45
S3PROXY_VERSION=4.1.0
S3PROXY_JAR=$CACHE/downloads/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
S3_BUCKET=recordings
ES_HOME=$CACHE/elasticsearch-$ES_VERSION
VOSK_MODEL=$CACHE/vosk-model-en-us-$VOSK_MODEL_VERSION
ES_USER=callcentre-es
# Agents with a PJSIP endpoint (a softphone account) in every instance; their passwords are generated
# per instance into $CACHE/instances/<instance>/sip-<agent>.secret. CALLCENTRE_AGENT_PHONES (at start)
# names the agents whose queue member is their softphone (PJSIP/<agent>) instead of a Local stand-in.
SOFTPHONE_AGENTS=${CALLCENTRE_SOFTPHONE_AGENTS:-agent1 agent2}

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

instance_ports() {
  case "$1" in
    local) AMI_PORT=5038;  AGI_PORT=4573;  SIP_PORT=5060;  ES_PORT=9200;  S3_PORT=9400;  HTTP_PORT=8080 ;;
    test)  AMI_PORT=15038; AGI_PORT=14573; SIP_PORT=15060; ES_PORT=19200; S3_PORT=19400; HTTP_PORT=0 ;;
    test[1-9])  # parallel test runs (e.g. in several work trees): ports offset by 10 per number
      local n=${1#test}
      AMI_PORT=$((15038 + n * 10)); AGI_PORT=$((14573 + n * 10)); SIP_PORT=$((15060 + n * 10))
      ES_PORT=$((19200 + n * 10)); S3_PORT=$((19400 + n * 10)); HTTP_PORT=0 ;;
    *) die "unknown instance '$1' (use local, test or test1..test9)" ;;
  esac
  INSTANCE=$1
  IDIR=$CACHE/instances/$INSTANCE
  # PostgreSQL, off the usual 5432 so as not to meet a site's own: 25432 local, 35432 test, +10 per testN
  case "$1" in local) PG_PORT=25432 ;; test) PG_PORT=35432 ;; *) PG_PORT=$((35432 + ${1#test} * 10)) ;; esac
  # Paths as Asterisk sees them inside the chroot; the host sees them under $ROOTFS.
  AST_CONF=/etc/callcentre/$INSTANCE
  AST_VAR=/var/lib/callcentre/$INSTANCE
  AST_SPOOL=/var/spool/callcentre/$INSTANCE
}

is_root() { [ "$(id -u)" = 0 ]; }

need_root() {
  is_root || die "$1 needs root (chroot, debootstrap, apt-get). Run as root, or point the server at an \
existing Asterisk 22 and Elasticsearch 8.19 with the CALLCENTRE_* settings listed in README.md."
}

apt_install() {  # host packages, only when missing
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root "installing ${missing[*]}"
  log "installing host packages: ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

find_jdk() {  # find_jdk MIN_MAJOR -> prints a JAVA_HOME
  local min=$1 cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${v%%.*}" -ge "$min" ] 2>/dev/null && { echo "$cand"; return 0; }
  done
  return 1
}

maven_fetch() {  # maven_fetch GROUP:ARTIFACT:VERSION:TYPE DEST_DIR
  mkdir -p "$2"
  mvn -q -B dependency:copy -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.overWriteIfNewer=true >&2 \
    || die "could not fetch $1 from the Maven repository"
}

provision_asterisk() {
  if [ -x "$ROOTFS/usr/sbin/asterisk" ] && [ -f "$ROOTFS/.callcentre-provisioned" ]; then return 0; fi
  need_root "building the Asterisk chroot"
  apt_install debootstrap
  log "building the Asterisk 22 chroot in $ROOTFS (Debian sid, once; ~1 min)"
  rm -rf "$ROOTFS.partial"
  debootstrap --variant=minbase sid "$ROOTFS.partial" >"$CACHE/debootstrap.log" 2>&1 \
    || die "debootstrap failed, see $CACHE/debootstrap.log"
  chroot "$ROOTFS.partial" apt-get -qq -o Acquire::Check-Valid-Until=false update >/dev/null
  chroot "$ROOTFS.partial" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    asterisk asterisk-core-sounds-en-wav >"$CACHE/asterisk-apt.log" 2>&1 \
    || die "installing asterisk in the chroot failed, see $CACHE/asterisk-apt.log"
  chroot "$ROOTFS.partial" asterisk -V > "$ROOTFS.partial/.callcentre-provisioned"
  mv "$ROOTFS.partial" "$ROOTFS"
  log "chroot ready: $(cat "$ROOTFS/.callcentre-provisioned")"
}

provision_softphone() {  # baresip, a headless SIP user agent, inside the Asterisk chroot
  [ -x "$ROOTFS/usr/bin/baresip" ] && return 0
  need_root "installing baresip in the Asterisk chroot"
  log "installing the baresip softphone in the Asterisk chroot (once)"
  chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends baresip-core \
    >"$CACHE/baresip-apt.log" 2>&1 || {
    chroot "$ROOTFS" apt-get -qq -o Acquire::Check-Valid-Until=false update >/dev/null 2>&1
    chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends baresip-core \
      >"$CACHE/baresip-apt.log" 2>&1; } \
    || die "installing baresip in the chroot failed, see $CACHE/baresip-apt.log"
  [ -x "$ROOTFS/usr/bin/baresip" ] || die "baresip is missing from the chroot $ROOTFS although apt-get \
succeeded (see $CACHE/baresip-apt.log); reinstall it: chroot $ROOTFS apt-get install --reinstall baresip-core"
}

provision_elasticsearch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  log "fetching Elasticsearch $ES_VERSION (Maven distribution, once)"
  maven_fetch "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" "$CACHE/downloads"
  rm -rf "$ES_HOME.partial" && mkdir -p "$ES_HOME.partial"
  (cd "$ES_HOME.partial" && jar_unzip "$CACHE/downloads/elasticsearch-$ES_VERSION.zip")
  mv "$ES_HOME.partial/elasticsearch-$ES_VERSION" "$ES_HOME" && rm -rf "$ES_HOME.partial"
}

jar_unzip() { if command -v unzip >/dev/null; then unzip -q "$1"; else "$(find_jdk 17)/bin/jar" xf "$1"; fi; }

provision_vosk_model() {
  [ -f "$VOSK_MODEL/am/final.mdl" ] && return 0
  log "fetching the Vosk English model $VOSK_MODEL_VERSION (Maven artifact, once)"
  maven_fetch "com.alphacephei:vosk-model-en:$VOSK_MODEL_VERSION:aar" "$CACHE/downloads"
  rm -rf "$VOSK_MODEL.partial" && mkdir -p "$VOSK_MODEL.partial"
  (cd "$VOSK_MODEL.partial" && jar_unzip "$CACHE/downloads/vosk-model-en-$VOSK_MODEL_VERSION.aar")
  mv "$VOSK_MODEL.partial/assets/model-en-us" "$VOSK_MODEL" && rm -rf "$VOSK_MODEL.partial"
}

provision_s3proxy() {
  [ -s "$S3PROXY_JAR" ] && return 0
  log "fetching S3Proxy $S3PROXY_VERSION (Maven artifact, once)"
  maven_fetch "org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" "$CACHE/downloads"
}

provision() {
  mkdir -p "$CACHE"
  find_jdk 25 >/dev/null || die "no JDK 25 found (looked at JAVA_HOME and /usr/lib/jvm); install a JDK 25"
  command -v mvn >/dev/null || die "Maven (mvn) is required"
  apt_install espeak-ng sox
  provision_asterisk
  provision_softphone
  provision_elasticsearch
  provision_s3proxy
  provision_vosk_model
}

render_asterisk_config() {
  local dest=$ROOTFS$AST_CONF f
  mkdir -p "$dest" "$ROOTFS$AST_VAR/sounds" "$ROOTFS$AST_VAR/db" "$ROOTFS$AST_SPOOL/monitor" \
           "$ROOTFS/var/log/callcentre/$INSTANCE" "$ROOTFS/run/callcentre/$INSTANCE"
  export INSTANCE AMI_PORT AGI_PORT SIP_PORT AST_CONF AST_VAR AST_SPOOL
  AMI_SECRET=$(instance_secret ami 24); export AMI_SECRET
  for f in "$HERE"/asterisk/*.conf; do
    envsubst '$INSTANCE $AMI_PORT $AGI_PORT $SIP_PORT $AST_CONF $AST_VAR $AST_SPOOL $AMI_SECRET' \
      < "$f" > "$dest/$(basename "$f")"
  done
  render_agent_endpoints > "$dest/pjsip-agents.conf"
  chmod 600 "$dest/manager.conf" "$dest/pjsip-agents.conf"
  render_queues_conf "$dest/queues.conf"
}

instance_secret() {  # instance_secret NAME BYTES -> $IDIR/NAME.secret, generated once (random, owner-only)
  local file=$IDIR/$1.secret
  [ -s "$file" ] || (umask 077; head -c "$2" /dev/urandom | base64 | tr -d '/+=' > "$file")
  cat "$file"
}

sip_secret() { instance_secret "sip-$1" 18; }  # sip_secret AGENT -> the agent's SIP password in this instance

render_agent_endpoints() {  # one PJSIP endpoint, auth and AOR per agent (pjsip.conf includes it)
  local agent
  echo "; Rendered by deploy/stack/stack.sh for instance $INSTANCE: agent softphone accounts."
  for agent in $SOFTPHONE_AGENTS; do
    [[ $agent =~ ^[a-z][a-z0-9_-]{0,39}$ ]] || die "CALLCENTRE_SOFTPHONE_AGENTS: '$agent' is no agent id \
(1-40 lower-case letters, digits, '-' or '_', starting with a letter)"
    printf '\n[%s](agent-endpoint)\nauth = %s\naors = %s\n' "$agent" "$agent" "$agent"
    printf '\n[%s](agent-auth)\nusername = %s\npassword = %s\n' "$agent" "$agent" "$(sip_secret "$agent")"
    printf '\n[%s](agent-aor)\n' "$agent"
  done
}

server_jar() {
  local jar
  jar=$(ls "$HERE"/../target/callcentre-deploy-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)
  [ -n "$jar" ] || die "no server jar in deploy/target: build it first (mvn -B -ntp package -DskipTests); \
Asterisk's queues.conf is rendered by it from callcentre.ivr.queues"
  echo "$jar"
}

render_queues_conf() {  # the queues Asterisk runs, from the same configuration the server reads
  local jar java
  jar=$(server_jar)
  java=$(find_jdk 25)/bin/java || die "no JDK 25 found"
  # a jar older than the queues-conf command would start a whole server instead: bounded
  timeout 120 "$java" -jar "$jar" queues-conf "$1" --spring.config.additional-location="file:$IDIR/callcentre.properties" \
    --logging.level.root=WARN >"$IDIR/queues-conf.log" 2>&1 \
    || die "rendering queues.conf from callcentre.ivr.queues failed (a stale $jar? rebuild it): $(grep -m1 -E 'queue |Failed to bind|Reason' "$IDIR/queues-conf.log" || tail -n 5 "$IDIR/queues-conf.log")"
}

generate_prompts() {  # the IVR's prompt sets, spoken by espeak-ng at 16 kHz (Asterisk's .wav16)
  # prompts-<lang>.txt holds "name|text" lines; a prompt is regenerated when its text changes,
  # written aside and renamed, so a call playing it meanwhile never hears half a file.
  # language-menu, played before the caller has chosen, is the English then the Chinese part.
  local base=$ROOTFS/var/lib/callcentre/prompts lang voice dir name text
  for lang in en zh; do
    case "$lang" in en) voice=en-us ;; zh) voice=cmn ;; esac   # cmn: espeak-ng's Mandarin voice
    dir=$base/$lang
    mkdir -p "$dir"
    while IFS='|' read -r name text; do
      [ -z "$name" ] && continue
      if [ -f "$dir/$name.wav16" ] && [ "$(cat "$dir/$name.txt" 2>/dev/null)" = "$text" ]; then continue; fi
      espeak-ng -v "$voice" -s 160 -w "$dir/$name.espeak.wav" "$text"
      sox -V1 "$dir/$name.espeak.wav" -r 16000 -c 1 -b 16 -t wav "$dir/$name.tmp.wav16"
      mv "$dir/$name.tmp.wav16" "$dir/$name.wav16" && rm -f "$dir/$name.espeak.wav"
      printf '%s' "$text" > "$dir/$name.txt"
    done < "$HERE/prompts-$lang.txt"
  done
  for lang in en zh; do
    sox -V1 -t wav "$base/en/language-menu-part.wav16" -t wav "$base/zh/language-menu-part.wav16" \
      -t wav "$base/$lang/language-menu.tmp.wav16"
    mv "$base/$lang/language-menu.tmp.wav16" "$base/$lang/language-menu.wav16"
  done
  # what the stand-in agent phones of [agent-phones] say when they answer
  speak_lines "$HERE/agent-phone-en.txt" "$ROOTFS/var/lib/callcentre/agent-phone/en"
}

speak_lines() {  # speak_lines FILE_OF_NAME|TEXT_LINES DIR
  local dir=$2 name text
  mkdir -p "$dir"
  while IFS='|' read -r name text; do
    [ -z "$name" ] || [ -f "$dir/$name.wav16" ] && continue
    espeak-ng -v en-us -s 160 -w "$dir/$name.tmp.wav" "$text"
    sox "$dir/$name.tmp.wav" -r 16000 -c 1 -b 16 -t wav "$dir/$name.wav16" && rm -f "$dir/$name.tmp.wav"
  done < "$1"
}

asterisk_cli() { chroot "$ROOTFS" asterisk -C "$AST_CONF/asterisk.conf" -rx "$1" 2>/dev/null; }
asterisk_up() { asterisk_cli "core show version" | grep -q '^Asterisk 22'; }

start_asterisk() {
  need_root "starting Asterisk in its chroot"
  render_asterisk_config
  generate_prompts
  mountpoint -q "$ROOTFS/proc" || mount -t proc proc "$ROOTFS/proc"
  if asterisk_up; then
    # a running Asterisk takes new or changed queues (without losing its logged-in members) and dialplan
    asterisk_cli "queue reload parameters" >/dev/null
    asterisk_cli "dialplan reload" >/dev/null
    log "asterisk ($INSTANCE) already running; queues and dialplan reloaded"; return 0
  fi
  log "starting Asterisk ($INSTANCE): AMI 127.0.0.1:$AMI_PORT, FastAGI target 127.0.0.1:$AGI_PORT"
  setsid chroot "$ROOTFS" asterisk -C "$AST_CONF/asterisk.conf" -f -n >"$IDIR/asterisk.out" 2>&1 < /dev/null &
  echo $! > "$IDIR/asterisk.pid"
  for _ in $(seq 1 60); do asterisk_up && break; sleep 0.5; done
  asterisk_up || die "Asterisk did not start, see $IDIR/asterisk.out"
  for _ in $(seq 1 40); do asterisk_cli "core show settings" | grep -q 'Fully Booted' && break; sleep 0.5; done
}

# Headless agent softphones: one baresip per agent, run inside the chroot, registered over UDP on
# loopback to the instance's PJSIP, answering every call at once. No sound hardware: what the agent
# "says" is the stand-in greeting (aufile source, 2 s of silence first so the bridge is up, then 90 s of
# silence: baresip ends the call when its source file ends), what it
# hears on its last call is written to heard-<agent>.wav in its configuration directory (aufile player;
# linked from the instance directory as softphone-<agent>-heard.wav).
softphone_dir() { echo "$AST_CONF/softphones/$1"; }   # inside the chroot

render_softphone() {  # render_softphone AGENT
  local agent=$1 dir
  dir=$ROOTFS$(softphone_dir "$agent")
  mkdir -p "$dir" && chmod 700 "$dir"
  cat > "$dir/config" <<CONF
# Rendered by deploy/stack/stack.sh for instance $INSTANCE: agent $agent's headless softphone.
poll_method		epoll
net_interface		127.0.0.1
sip_listen		127.0.0.1:0
audio_source		aufile,/var/lib/callcentre/agent-phone/en/softphone-voice.wav
audio_player		aufile,$(softphone_dir "$agent")/heard-$agent.wav
audio_alert		aufile,/dev/null
rtp_ports		40000-49999
module_path		/usr/lib/baresip/modules
module			g711.so
module			g722.so
module			aufile.so
module_app		account.so
CONF
  # regint=60 (Asterisk's minimum expiration): a phone whose registration an Asterisk restart lost
  # is back within a minute
  (umask 077; printf '<sip:%s@127.0.0.1:%s;transport=udp>;auth_pass=%s;answermode=auto;regint=60\n' \
    "$agent" "$SIP_PORT" "$(sip_secret "$agent")" > "$dir/accounts")
}

softphone_registered() {  # softphone_registered AGENT: Asterisk holds a contact for the agent's AOR
  asterisk_cli "pjsip show aor $1" | grep -q "Contact: *$1/sip:"
}

softphones_start() {
  need_root "starting the agent softphones in the chroot"
  provision_softphone
  asterisk_up || die "Asterisk ($INSTANCE) is not running: start the instance first"
  render_asterisk_config
  asterisk_cli "module reload res_pjsip.so" >/dev/null
  local base=$ROOTFS/var/lib/callcentre/agent-phone/en agent pid
  [ "$base/softphone-voice.wav" -nt "$base/greeting.wav16" ] || {  # baresip hangs up when its source ends
    sox -V1 "$base/greeting.wav16" -t wav "$base/softphone-voice.tmp.wav" pad 2 90
    mv "$base/softphone-voice.tmp.wav" "$base/softphone-voice.wav"; }
  for agent in $SOFTPHONE_AGENTS; do
    pid=$IDIR/softphone-$agent.pid
    if [ -f "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null; then continue; fi
    render_softphone "$agent"
    ln -sfn "$ROOTFS$(softphone_dir "$agent")/heard-$agent.wav" "$IDIR/softphone-$agent-heard.wav"
    log "starting $agent's softphone (baresip) for sip:$agent@127.0.0.1:$SIP_PORT"
    setsid chroot "$ROOTFS" baresip -f "$(softphone_dir "$agent")" >"$IDIR/softphone-$agent.out" 2>&1 </dev/null &
    echo $! > "$pid"
  done
  for _ in $(seq 1 40); do
    softphones_registered && return 0
    for agent in $SOFTPHONE_AGENTS; do
      kill -0 "$(cat "$IDIR/softphone-$agent.pid")" 2>/dev/null || break 2   # one exited: no use waiting
    done
    sleep 0.5
  done
  for agent in $SOFTPHONE_AGENTS; do
    softphone_registered "$agent" && continue
    log "$agent's softphone did not register; its log $IDIR/softphone-$agent.out ends:"
    tail -5 "$IDIR/softphone-$agent.out" >&2
  done
  softphones_stop
  die "agent softphones not registered (within 20 s)"
}

softphones_registered() {
  local agent
  for agent in $SOFTPHONE_AGENTS; do softphone_registered "$agent" || return 1; done
}

softphones_stop() {
  local agent
  for agent in $SOFTPHONE_AGENTS; do stop_pidfile "softphone-$agent"; done
}

es_up() { curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health" >/dev/null 2>&1; }

start_elasticsearch() {
  if es_up; then log "elasticsearch ($INSTANCE) already running"; return 0; fi
  local data=$IDIR/es-data conf=$IDIR/es-config
  case "$INSTANCE" in test*) rm -rf "$data" ;; esac   # tests own their instance: start clean
  mkdir -p "$data" "$IDIR/es-logs"
  rm -rf "$conf" && cp -r "$ES_HOME/config" "$conf"
  local run=()
  if is_root; then   # Elasticsearch refuses to run as root
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$data" "$conf" "$IDIR/es-logs" "$ES_HOME"
    run=(runuser -u "$ES_USER" --)
  fi
  log "starting Elasticsearch ($INSTANCE) on 127.0.0.1:$ES_PORT"
  ES_JAVA_HOME=$(find_jdk 17) ES_PATH_CONF=$conf ES_JAVA_OPTS="${CALLCENTRE_ES_HEAP:--Xms512m -Xmx512m}" \
    setsid "${run[@]}" "$ES_HOME/bin/elasticsearch" -E discovery.type=single-node -E http.host=127.0.0.1 \
      -E http.port="$ES_PORT" -E transport.port=$((ES_PORT + 1000)) -E xpack.security.enabled=false \
      -E xpack.ml.enabled=false -E path.data="$data" -E path.logs="$IDIR/es-logs" \
      -E cluster.name="callcentre-$INSTANCE" -E cluster.routing.allocation.disk.threshold_enabled=false \
      >"$IDIR/elasticsearch.out" 2>&1 < /dev/null &
  echo $! > "$IDIR/elasticsearch.pid"
  wait_until_up Elasticsearch es_up $! 120 "$ES_PORT"
}

wait_until_up() {  # wait_until_up NAME UP_CHECK PID SECONDS PORT; the log is $IDIR/<name in lower case>.out
  local out=$IDIR/${1,,}.out _
  for _ in $(seq 1 $(($4 * 2))); do
    "$2" && return 0
    kill -0 "$3" 2>/dev/null || die "$1 exited at start-up, see $out"
    sleep 0.5
  done
  die "$1 did not answer on port $5 within $4 s, see $out"
}

# S3Proxy answers an unsigned request with 403 AccessDenied: that is how it says it is up.
s3_up() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$S3_PORT/")" = 403 ]; }

s3_credentials() {  # generated once per instance, kept beside its data
  S3_ACCESS_KEY=callcentre-$INSTANCE
  S3_SECRET_KEY=$(instance_secret s3 30)
}

start_s3proxy() {  # an S3-compatible store on a directory: bucket "recordings" is $IDIR/s3-data/recordings
  if s3_up; then log "s3proxy ($INSTANCE) already running"; return 0; fi
  local data=$IDIR/s3-data
  case "$INSTANCE" in test*) rm -rf "$data" ;; esac   # tests own their instance: start clean
  mkdir -p "$data/$S3_BUCKET"
  s3_credentials
  (umask 077; cat > "$IDIR/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$data
PROPS
  )
  log "starting S3Proxy ($INSTANCE) on 127.0.0.1:$S3_PORT, bucket $S3_BUCKET"
  setsid "$(find_jdk 17)/bin/java" -Xms32m -Xmx${CALLCENTRE_S3PROXY_HEAP:-128m} -XX:TieredStopAtLevel=1 \
    -jar "$S3PROXY_JAR" --properties "$IDIR/s3proxy.properties" >"$IDIR/s3proxy.out" 2>&1 < /dev/null &
  echo $! > "$IDIR/s3proxy.pid"
  wait_until_up S3Proxy s3_up $! 30 "$S3_PORT"
}

# PostgreSQL 15 from the host's packages, one cluster per instance under $IDIR/postgres, on
# 127.0.0.1:$PG_PORT only, password (scram) login for the "callcentre" role. Like Asterisk's chroot,
# it refuses to run as root: the cluster belongs to the packages' "postgres" user.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_as() { runuser -u postgres -- "$@"; }
pg_up() { [ -n "$(pg_bin)" ] && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

start_postgres() {
  local data=$IDIR/postgres bin secret
  if pg_up; then log "postgresql ($INSTANCE) already running"; return 0; fi
  need_root "starting PostgreSQL (as the postgres user)"
  apt_install postgresql
  bin=$(pg_bin); [ -n "$bin" ] || die "postgresql is installed but no /usr/lib/postgresql/*/bin was found"
  [ -f "$data/PG_VERSION" ] && case "$INSTANCE" in test*) rm -rf "$data" ;; esac   # tests start clean
  secret=$(instance_secret postgres 30)
  chmod o+x "$CACHE" "$CACHE/instances" "$IDIR"   # the postgres user walks down to its data directory
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"; chown postgres:postgres "$data"; chmod 700 "$data"
    install -o postgres -m 600 "$IDIR/postgres.secret" "$data.pwfile"
    pg_as "$bin/initdb" -D "$data" -U callcentre --pwfile="$data.pwfile" --auth=scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$IDIR/postgres-initdb.log" 2>&1 || { rm -f "$data.pwfile"; die "initdb failed, see $IDIR/postgres-initdb.log"; }
    rm -f "$data.pwfile"
  fi
  log "starting PostgreSQL ($INSTANCE) on 127.0.0.1:$PG_PORT"
  pg_as "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $data" start >/dev/null || die "PostgreSQL did not start, see $data/server.log"
  PGPASSWORD=$secret "$bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U callcentre -d postgres \
    -tc "select 1 from pg_database where datname = 'callcentre'" | grep -q 1 \
    || PGPASSWORD=$secret "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U callcentre callcentre \
    || die "creating the callcentre database failed"
  (umask 077; cat > "$IDIR/postgres.properties" <<PROPS
# Written by deploy/stack/stack.sh start-postgres for instance '$INSTANCE': the server's database on
# the instance's PostgreSQL instead of the embedded H2 (pass these to the server to use it).
spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/callcentre
spring.datasource.username=callcentre
spring.datasource.password=$secret
PROPS
  )
}

stop_postgres() {
  local data=$IDIR/postgres
  [ -f "$data/postmaster.pid" ] && [ -n "$(pg_bin)" ] || return 0
  pg_as "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

recording_key_id() { echo "k1"; }

write_server_properties() {
  local agent
  for agent in ${CALLCENTRE_AGENT_PHONES:-}; do
    case " $SOFTPHONE_AGENTS " in *" $agent "*) ;; *) die "CALLCENTRE_AGENT_PHONES: '$agent' has no SIP account \
(accounts: $SOFTPHONE_AGENTS; set CALLCENTRE_SOFTPHONE_AGENTS to add some)" ;; esac
  done
  # the instance's AES-256 key for recordings at rest: generated once, kept beside its data
  [ -s "$IDIR/recording.key" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$IDIR/recording.key")
  s3_credentials
  cat > "$IDIR/callcentre.properties" <<PROPS
# Written by deploy/stack/stack.sh for instance '$INSTANCE'. Host paths see into the chroot.
callcentre.ivr.fastagi.bind-address=127.0.0.1
callcentre.ivr.fastagi.port=$AGI_PORT
callcentre.ivr.ami.host=127.0.0.1
callcentre.ivr.ami.port=$AMI_PORT
callcentre.ivr.ami.username=callcentre
callcentre.ivr.ami.secret-file=$IDIR/ami.secret
callcentre.ivr.prompt-dir=/var/lib/callcentre/prompts
callcentre.ivr.test-call.host-sound-dir=$ROOTFS$AST_VAR/sounds
callcentre.ivr.test-call.asterisk-sound-dir=$AST_VAR/sounds
callcentre.ivr.recording.asterisk-dir=$AST_SPOOL/monitor
callcentre.recording.spool-dir=$ROOTFS$AST_SPOOL/monitor
callcentre.recording.vosk-model=$VOSK_MODEL
callcentre.recording.index.url=http://127.0.0.1:$ES_PORT
callcentre.ivr.agents.interface-template=Local/{agent}@agent-phones/n
callcentre.ivr.agents.state-interface-template=Custom:{agent}
callcentre.ivr.agents.auto-login=agent1
callcentre.ivr.agents.supervisor-phone-template=Local/{supervisor}@supervisor-phones/n
# The queues: rendered into Asterisk's queues.conf (stack.sh start) and read by the floor.
callcentre.ivr.queues[0].name=support
callcentre.ivr.queues[0].strategy=rrmemory
callcentre.ivr.queues[0].wrap-up=2s
callcentre.ivr.queues[0].service-level=15s
callcentre.ivr.queues[0].ring-timeout=15s
callcentre.ivr.queues[1].name=complaints
callcentre.ivr.queues[1].strategy=fewestcalls
callcentre.ivr.queues[1].wrap-up=30s
callcentre.ivr.queues[1].service-level=30s
callcentre.ivr.queues[1].weight=10
callcentre.ivr.queues[1].max-callers=20
callcentre.recording.storage.dir=$IDIR/recordings
callcentre.recording.storage.work-dir=$IDIR/decoding
callcentre.recording.storage.active-key=$(recording_key_id)
callcentre.recording.storage.keys.$(recording_key_id)=$(cat "$IDIR/recording.key")
# the instance's S3Proxy: add callcentre.recording.storage.kind=s3 to keep recordings there instead
callcentre.recording.storage.s3.endpoint=http://127.0.0.1:$S3_PORT
callcentre.recording.storage.s3.bucket=$S3_BUCKET
callcentre.recording.storage.s3.access-key=$S3_ACCESS_KEY
callcentre.recording.storage.s3.secret-key=$S3_SECRET_KEY
PROPS
  for agent in ${CALLCENTRE_AGENT_PHONES:-}; do   # these agents take calls on their softphone, not a stand-in
    echo "callcentre.ivr.agents.phones.$agent=PJSIP/$agent" >> "$IDIR/callcentre.properties"
  done
  [ "$HTTP_PORT" = 0 ] || echo "server.port=$HTTP_PORT" >> "$IDIR/callcentre.properties"
  chmod 600 "$IDIR/callcentre.properties"   # it holds the recording key and the S3 secret
}

stop_pidfile() {  # stop_pidfile NAME
  local pidfile=$IDIR/$1.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

cmd=${1:-}; shift || true
case "$cmd" in
  provision) provision ;;
  start)
    instance_ports "${1:-local}"; mkdir -p "$IDIR"
    provision
    write_server_properties   # first: Asterisk's queues.conf is rendered from it
    start_asterisk
    start_elasticsearch
    start_s3proxy
    log "instance $INSTANCE is up; server properties: $IDIR/callcentre.properties" ;;
  status)
    instance_ports "${1:-local}"
    ok=0
    asterisk_up && log "asterisk: up" || { log "asterisk: DOWN"; ok=1; }
    es_up && log "elasticsearch: up" || { log "elasticsearch: DOWN"; ok=1; }
    s3_up && log "s3proxy: up (127.0.0.1:$S3_PORT)" || { log "s3proxy: DOWN"; ok=1; }
    [ -f "$VOSK_MODEL/am/final.mdl" ] && log "vosk model: $VOSK_MODEL" || { log "vosk model: MISSING"; ok=1; }
    exit $ok ;;
  stop)
    instance_ports "${1:-local}"
    softphones_stop
    is_root && asterisk_cli "core stop now" >/dev/null || true
    stop_pidfile asterisk
    stop_pidfile elasticsearch
    stop_pidfile s3proxy
    is_root && stop_postgres
    if is_root && ! pgrep -f "asterisk -C /etc/callcentre/" >/dev/null; then umount "$ROOTFS/proc" 2>/dev/null || true; fi
    log "instance $INSTANCE stopped" ;;
  start-s3)
    instance_ports "${1:-local}"; mkdir -p "$IDIR" "$CACHE"
    command -v mvn >/dev/null || die "Maven (mvn) is required"
    provision_s3proxy
    start_s3proxy
    write_server_properties
    log "s3proxy ($INSTANCE) is up; server properties: $IDIR/callcentre.properties" ;;
  stop-s3) instance_ports "${1:-local}"; stop_pidfile s3proxy; log "s3proxy ($INSTANCE) stopped" ;;
  start-postgres)
    instance_ports "${1:-local}"; mkdir -p "$IDIR"
    start_postgres
    echo "$IDIR/postgres.properties" ;;
  stop-postgres) instance_ports "${1:-local}"; stop_postgres; log "postgresql ($INSTANCE) stopped" ;;
  env) instance_ports "${1:-local}"; cat "$IDIR/callcentre.properties" ;;
  restart-asterisk)  # kill -9 and start again: for tests of the server's recovery
    instance_ports "${1:-local}"; need_root "restarting Asterisk"
    [ -f "$IDIR/asterisk.pid" ] && kill -KILL -- "-$(cat "$IDIR/asterisk.pid")" 2>/dev/null || true
    rm -f "$IDIR/asterisk.pid" "$ROOTFS/run/callcentre/$INSTANCE"/asterisk.*
    start_asterisk ;;
  env-file) instance_ports "${1:-local}"; echo "$IDIR/callcentre.properties" ;;
  softphones-start) instance_ports "${1:-local}"; softphones_start; log "agent softphones registered: $SOFTPHONE_AGENTS" ;;
  softphones-status)
    instance_ports "${1:-local}"
    ok=0
    for agent in $SOFTPHONE_AGENTS; do
      softphone_registered "$agent" && log "$agent: registered" || { log "$agent: NOT registered"; ok=1; }
    done
    exit $ok ;;
  softphones-stop) instance_ports "${1:-local}"; softphones_stop; log "agent softphones stopped" ;;
  vosk-model) mkdir -p "$CACHE"; provision_vosk_model >&2; echo "$VOSK_MODEL" ;;
  *) sed -n '2,24p' "$0"; exit 2 ;;
esac
