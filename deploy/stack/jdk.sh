# Sourced by the run scripts: points JAVA_HOME at a JDK 25 (JAVA_HOME if it is one, else the first
# found in /usr/lib/jvm), or stops with what is missing.
_cc_jdk25() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${v%%.*}" -ge 25 ] 2>/dev/null && { echo "$cand"; return 0; }
  done
  return 1
}
JAVA_HOME=$(_cc_jdk25) || { echo "No JDK 25 found (JAVA_HOME, /usr/lib/jvm). Install one, e.g. Temurin 25." >&2; exit 1; }
export JAVA_HOME
command -v mvn >/dev/null || { echo "Maven (mvn) is required." >&2; exit 1; }
