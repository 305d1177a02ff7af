#!/usr/bin/env bash
# Generates the benchmark's two-direction call recordings from calls.txt with espeak-ng and sox
# (the audio is not kept in the repository: run this instead). For each call it writes, per
# variant, customer.wav and agent.wav (16 kHz mono, both on the call's timeline, each silent
# while the other party speaks, as MixMonitor's r()/t() files are) and their reference texts.
#
#   recording/bench/corpus.sh OUT_DIR
#
# Variants: clean (16 kHz speech), tel (resampled to 8 kHz and back, telephone band),
# noisy (white noise mixed in), tel-noisy (both).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:?usage: corpus.sh OUT_DIR}
GAP=1.2        # seconds between turns
HOLD=6         # seconds of hold music-less silence after the second turn (both tracks silent)
RATE=16000
for tool in espeak-ng sox soxi; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install espeak-ng sox)" >&2; exit 1; }; done
rm -rf "$OUT" && mkdir -p "$OUT"
TMP=$(mktemp -d) && trap 'rm -rf "$TMP"' EXIT

silence() { sox -V1 -n -r $RATE -c 1 -b 16 "$2" trim 0 "$1"; }

build_call() {  # build_call N FILE_OF_TURNS
  local n=$1 turns=$2 t=1.0 i=0 who text dur
  local dir=$TMP/call$n && mkdir -p "$dir"
  : > "$dir/customer.txt"; : > "$dir/agent.txt"
  declare -A last=([C]=0 [A]=0) parts=([C]="" [A]="")
  while IFS='|' read -r who text; do
    i=$((i + 1))
    espeak-ng -v en-us -s 150 -w "$dir/raw$i.wav" "$text"
    sox -V1 "$dir/raw$i.wav" -r $RATE -c 1 -b 16 "$dir/utt$i.wav"
    dur=$(soxi -D "$dir/utt$i.wav")
    silence "$(echo "$t - ${last[$who]}" | bc -l)" "$dir/sil$i.wav"
    parts[$who]="${parts[$who]} $dir/sil$i.wav $dir/utt$i.wav"
    last[$who]=$(echo "$t + $dur" | bc -l)
    t=$(echo "$t + $dur + $GAP" | bc -l)
    [ $i = 2 ] && t=$(echo "$t + $HOLD" | bc -l)
    local ref=$dir/agent.txt; [ "$who" = C ] && ref=$dir/customer.txt
    echo "$text" | tr 'A-Z' 'a-z' | tr -cd 'a-z \n' >> "$ref"
  done < "$turns"
  for who in C A; do
    local name=agent; [ $who = C ] && name=customer
    silence "$(echo "$t - ${last[$who]}" | bc -l)" "$dir/end$who.wav"
    # shellcheck disable=SC2086
    sox ${parts[$who]} "$dir/end$who.wav" "$dir/$name.wav"
    for variant in clean tel noisy tel-noisy; do mkdir -p "$OUT/$variant/call$n"; done
    cp "$dir/$name.wav" "$OUT/clean/call$n/$name.wav"
    sox "$dir/$name.wav" -r 8000 "$dir/$name-8k.wav" && sox "$dir/$name-8k.wav" -r $RATE "$OUT/tel/call$n/$name.wav"
    sox -m -v 1 "$dir/$name.wav" -v 1 "|sox -n -r $RATE -c 1 -b 16 -p synth $t whitenoise vol 0.03" \
      "$OUT/noisy/call$n/$name.wav"
    sox "$OUT/noisy/call$n/$name.wav" -r 8000 "$dir/$name-n8k.wav" \
      && sox "$dir/$name-n8k.wav" -r $RATE "$OUT/tel-noisy/call$n/$name.wav"
    for variant in clean tel noisy tel-noisy; do cp "$dir/$name.txt" "$OUT/$variant/call$n/$name.txt"; done
  done
}

n=0; : > "$TMP/turns"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    \#*) continue ;;
    "") [ -s "$TMP/turns" ] && { n=$((n + 1)); build_call $n "$TMP/turns"; : > "$TMP/turns"; } ;;
    *) echo "$line" >> "$TMP/turns" ;;
  esac
done < "$HERE/calls.txt"
[ -s "$TMP/turns" ] && { n=$((n + 1)); build_call $n "$TMP/turns"; }
echo "$n calls in 4 variants under $OUT" >&2
