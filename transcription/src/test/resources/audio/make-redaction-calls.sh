#!/usr/bin/env bash
# Renders the scripted payment calls of RedactionRecallBenchmark as telephone audio, deterministically, with espeak-ng
# and sox: make-recall-calls.sh (SearchRecallBenchmark's, left as it is so its cache stays valid) plus, per call,
# OUT_DIR/call-ID.times: each turn's speaker ("a"/"c") and start and end second, the truth the benchmark measures
# the redacted seconds against. Nothing it writes is committed: the benchmark runs it into target/.
# Needs: espeak-ng, sox (Debian packages).
# Usage: bash make-recall-calls.sh CALLS_FILE OUT_DIR
#   CALLS_FILE: "call ID AGENT_VOICE AGENT_WPM CUSTOMER_VOICE CUSTOMER_WPM" then turns "a: text" / "c: text"
#   (see ../redaction/calls.txt). Writes, per call, OUT_DIR/call-ID-stereo.wav (agent left, customer right, as
#   MixMonitor's per-party recordings are read) and OUT_DIR/call-ID-mono.wav (both parties mixed), 8 kHz 16-bit.
set -euo pipefail

calls="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# -D: no dither and -R: repeatable, so the same inputs always give the same bytes.
SOX=(sox -D -R)
RATE=8000

# speak FILE VOICE WPM TEXT: espeak-ng (22050 Hz) converted to 8 kHz 16-bit mono, as a telephone would carry it.
speak() {
	espeak-ng -v "$2" -s "$3" -w "$work/speak-22k.wav" "$4"
	"${SOX[@]}" "$work/speak-22k.wav" -r "$RATE" -c 1 -b 16 "$1"
}

# silence FILE LENGTH: digital silence at 8 kHz 16-bit mono, LENGTH in seconds ("0.7") or samples ("1234s").
silence() {
	"${SOX[@]}" -r "$RATE" -c 1 -n -b 16 "$1" trim 0 "$2"
}

# render ID: joins the turns collected in $work/turns (one "a"/"c" per line, audio in turn-N.wav) into the two files.
render() {
	local id="$1" n=0 left=() right=() mono=() at=2400
	silence "$work/lead.wav" 0.3
	silence "$work/pause.wav" 0.8
	left+=("$work/lead.wav"); right+=("$work/lead.wav"); mono+=("$work/lead.wav")
	: > "$out/call-$id.times"
	while read -r who; do
		n=$((n + 1))
		local turn="$work/turn-$n.wav" mute="$work/mute-$n.wav" samples
		samples="$(soxi -s "$turn")"
		# Sample counts at 8 kHz: the lead is 2400, each pause 6400.
		echo "$who $at $((at + samples))" | awk '{ printf "%s %.4f %.4f\n", $1, $2 / 8000, $3 / 8000 }' \
			>> "$out/call-$id.times"
		at=$((at + samples + 6400))
		silence "$mute" "${samples}s"
		if [[ "$who" == a ]]; then left+=("$turn"); right+=("$mute"); else left+=("$mute"); right+=("$turn"); fi
		mono+=("$turn")
		left+=("$work/pause.wav"); right+=("$work/pause.wav"); mono+=("$work/pause.wav")
	done < "$work/turns"
	"${SOX[@]}" "${left[@]}" "$work/left.wav"
	"${SOX[@]}" "${right[@]}" "$work/right.wav"
	"${SOX[@]}" -M "$work/left.wav" "$work/right.wav" "$out/call-$id-stereo.wav"
	"${SOX[@]}" "${mono[@]}" "$out/call-$id-mono.wav"
	rm -f "$work"/turn-*.wav "$work"/mute-*.wav
}

id="" turns=0
while IFS= read -r line || [[ -n "$line" ]]; do
	case "$line" in
		call\ *)
			if [[ -n "$id" ]]; then render "$id"; fi
			read -r _ id agent_voice agent_wpm customer_voice customer_wpm <<< "$line"
			turns=0
			: > "$work/turns"
			;;
		a:*|c:*)
			turns=$((turns + 1))
			who="${line%%:*}"
			text="${line#*: }"
			if [[ "$who" == a ]]; then
				speak "$work/turn-$turns.wav" "$agent_voice" "$agent_wpm" "$text"
			else
				speak "$work/turn-$turns.wav" "$customer_voice" "$customer_wpm" "$text"
			fi
			echo "$who" >> "$work/turns"
			;;
	esac
done < "$calls"
if [[ -n "$id" ]]; then render "$id"; fi
echo "calls written to $out"
