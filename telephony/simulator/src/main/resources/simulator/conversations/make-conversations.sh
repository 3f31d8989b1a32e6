#!/usr/bin/env bash
# Renders the demo's two-party conversations (NAME.txt here) as per-party telephone recordings, deterministically,
# with espeak-ng and sox: NAME-agent.wav and NAME-customer.wav (8 kHz G.711 u-law mono, the same length; each party's
# channel holds its own turns and silence while the other party speaks) and NAME.times, the resolved script
# ("START END SPEAKER TEXT" per turn, seconds from the answer), the truth tests compare the transcripts with.
# The rendered files are committed: the demo and the tests need no espeak-ng.
# Needs: espeak-ng, sox (Debian packages).
# Usage: bash make-conversations.sh [NAME...]   (default: every NAME.txt; it writes next to itself)
#        bash make-conversations.sh --out DIR FILE.txt...   (scripts elsewhere, written to DIR: the accuracy benchmark)
#
# NAME.txt: "# voices: agent=VOICE customer=VOICE" (espeak-ng voices), other "#" lines are comments, then one turn a
# line: "WHEN SPEAKER TEXT", SPEAKER agent or customer, WHEN one of
#   +S  S seconds after the previous turn ended (silence on both channels: dead air when long),
#   -S  S seconds before the previous turn ended (the speakers talk over each other),
#   @S  at S seconds.
# A party's turns must not overlap each other.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here"
if [[ "${1:-}" == --out ]]; then
	mkdir -p "$2"
	out="$(cd "$2" && pwd)"
	shift 2
	# scripts given as paths: read them from where they are
	files=()
	for file in "$@"; do files+=("$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"); done
	set -- "${files[@]}"
fi
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# -D: no dither and -R: repeatable, so the same inputs always give the same bytes.
SOX=(sox -D -R)
RATE=8000
WPM=150
TAIL=1.0

# speak FILE VOICE TEXT: espeak-ng (22050 Hz) converted to 8 kHz 16-bit mono, as a telephone would carry it.
speak() {
	espeak-ng -v "$2" -s "$WPM" -w "$work/speak-22k.wav" "$3"
	"${SOX[@]}" "$work/speak-22k.wav" -r "$RATE" -c 1 -b 16 "$1"
}

# silence FILE SAMPLES: digital silence at 8 kHz 16-bit mono.
silence() {
	"${SOX[@]}" -r "$RATE" -c 1 -n -b 16 "$1" trim 0 "${2}s"
}

render() {
	local name src agent_voice customer_voice
	if [[ "$1" == *.txt ]]; then src="$1"; name="$(basename "$1" .txt)"; else src="$1.txt"; name="$1"; fi
	agent_voice="$(sed -n 's/^# voices:.*agent=\([^ ]*\).*/\1/p' "$src")"
	customer_voice="$(sed -n 's/^# voices:.*customer=\([^ ]*\).*/\1/p' "$src")"
	[[ -n "$agent_voice" && -n "$customer_voice" ]] || { echo "$src: no '# voices:' line" >&2; exit 1; }
	local n=0 prev_end=0 end_agent=0 end_customer=0 total=0 start samples end
	local -a parts_agent=() parts_customer=()
	local pos_agent=0 pos_customer=0
	: > "$work/times"
	while read -r when speaker text; do
		[[ -z "$when" || "$when" == \#* ]] && continue
		n=$((n + 1))
		local clip="$work/$name-$n.wav"
		case "$speaker" in
			agent) speak "$clip" "$agent_voice" "$text" ;;
			customer) speak "$clip" "$customer_voice" "$text" ;;
			*) echo "$src: turn $n: speaker '$speaker' is neither agent nor customer" >&2; exit 1 ;;
		esac
		samples="$(soxi -s "$clip")"
		start="$(awk -v w="$when" -v p="$prev_end" -v r="$RATE" 'BEGIN {
			s = substr(w, 2) * r; c = substr(w, 1, 1);
			if (c == "+") print p + int(s + 0.5); else if (c == "-") print p - int(s + 0.5);
			else if (c == "@") print int(s + 0.5); else print "bad" }')"
		[[ "$start" != bad ]] || { echo "$src: turn $n: WHEN '$when' is not +S, -S or @S" >&2; exit 1; }
		local own_end; own_end=$([[ "$speaker" == agent ]] && echo "$end_agent" || echo "$end_customer")
		if (( start < own_end )); then
			echo "$src: turn $n starts before the $speaker's previous turn ended" >&2; exit 1
		fi
		end=$((start + samples))
		local pad="$work/$name-$n-pad.wav"
		if [[ "$speaker" == agent ]]; then
			silence "$pad" $((start - pos_agent)); parts_agent+=("$pad" "$clip"); pos_agent=$end; end_agent=$end
		else
			silence "$pad" $((start - pos_customer)); parts_customer+=("$pad" "$clip"); pos_customer=$end
			end_customer=$end
		fi
		prev_end=$end
		(( end > total )) && total=$end
		awk -v s="$start" -v e="$end" -v r="$RATE" -v who="$speaker" -v t="$text" \
			'BEGIN { printf "%.2f %.2f %s %s\n", s / r, e / r, who, t }' >> "$work/times"
	done < "$src"
	total=$((total + ${TAIL%.*} * RATE))
	silence "$work/tail-agent.wav" $((total - pos_agent))
	silence "$work/tail-customer.wav" $((total - pos_customer))
	"${SOX[@]}" "${parts_agent[@]}" "$work/tail-agent.wav" "$work/agent.wav"
	"${SOX[@]}" "${parts_customer[@]}" "$work/tail-customer.wav" "$work/customer.wav"
	"${SOX[@]}" "$work/agent.wav" -e u-law -b 8 "$out/$name-agent.wav"
	"${SOX[@]}" "$work/customer.wav" -e u-law -b 8 "$out/$name-customer.wav"
	cp "$work/times" "$out/$name.times"
	echo "$name: $n turns, $(awk -v t="$total" -v r="$RATE" 'BEGIN { printf "%.1f", t / r }') s"
}

if (( $# == 0 )); then
	set -- $(ls *.txt | sed 's/\.txt$//')
fi
for name in "$@"; do
	render "$name"
done
