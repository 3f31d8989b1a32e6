#!/usr/bin/env bash
# Renders the labelled calls of the accuracy benchmark (calls/NAME.txt, the demo conversations' format) as telephone
# audio with the demo's renderer, make-conversations.sh, then joins each pair: OUT/NAME-stereo.wav (agent left,
# customer right, as per-party recordings are read) and OUT/NAME-mono.wav (both parties mixed), 8 kHz 16-bit.
# Nothing it writes is committed: RuleAccuracyBenchmark runs it into target/ when the audio is missing.
# Needs: espeak-ng, sox (Debian packages).
# Usage: bash make-accuracy-calls.sh OUT_DIR [NAME...]   (default: every calls/NAME.txt)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
renderer="$here/../../../../../telephony/simulator/src/main/resources/simulator/conversations/make-conversations.sh"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
shift
if (( $# == 0 )); then
	set -- $(cd "$here/calls" && ls *.txt | sed 's/\.txt$//')
fi
files=()
for name in "$@"; do files+=("$here/calls/$name.txt"); done
bash "$renderer" --out "$out" "${files[@]}"
for name in "$@"; do
	sox -D -R -M "$out/$name-agent.wav" "$out/$name-customer.wav" -e signed -b 16 "$out/$name-stereo.wav"
	sox -D -R -m "$out/$name-agent.wav" "$out/$name-customer.wav" -e signed -b 16 "$out/$name-mono.wav"
	rm "$out/$name-agent.wav" "$out/$name-customer.wav"
done
