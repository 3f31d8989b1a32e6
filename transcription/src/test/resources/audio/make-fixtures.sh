#!/usr/bin/env bash
# Regenerates every audio fixture in this directory, deterministically, from espeak-ng speech and sox.
# Needs: espeak-ng, sox (Debian packages); lame is optional (without it song.mp3 is a fabricated MP3 header).
# Usage: bash make-fixtures.sh   (from anywhere; it writes next to itself)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# -D: no dither and -R: repeatable, so the same inputs always give the same bytes.
SOX=(sox -D -R)
RATE=8000

AGENT_VOICE="en-us"
CUSTOMER_VOICE="en-us+f3"
AGENT_1="thank you for calling acme support my name is sarah how can i help you today"
CUSTOMER_1="hi i was charged twice for my order and i would like a refund please"
AGENT_2="i am sorry about that i will process the refund today and call you back within one hour"
CUSTOMER_2="thank you very much goodbye"
REFUND_CUSTOMER="hello my parcel was supposed to arrive yesterday and it is still not here"
REFUND_AGENT="i am sorry for the delay i will check with the courier and call you back tomorrow morning"

# speak NAME VOICE TEXT: espeak-ng (22050 Hz) converted to 8 kHz 16-bit mono, as a telephone would carry it.
speak() {
	espeak-ng -v "$2" -w "$work/$1-22k.wav" "$3"
	"${SOX[@]}" "$work/$1-22k.wav" -r "$RATE" -c 1 -b 16 "$work/$1.wav"
}

# silence NAME LENGTH: digital silence at 8 kHz 16-bit mono, LENGTH in seconds ("0.7") or samples ("1234s").
# The rate goes before -n: after it, sox would make the silence at 48 kHz and count samples at that rate.
silence() {
	"${SOX[@]}" -r "$RATE" -c 1 -n -b 16 "$work/$1.wav" trim 0 "$2"
}

# mute NAME: digital silence exactly as long as the line NAME, for the other party's channel.
mute() {
	silence "$1-mute" "$(soxi -s "$work/$1.wav")s"
}

conversation() {
	speak agent1 "$AGENT_VOICE" "$AGENT_1"
	speak customer1 "$CUSTOMER_VOICE" "$CUSTOMER_1"
	speak agent2 "$AGENT_VOICE" "$AGENT_2"
	speak customer2 "$CUSTOMER_VOICE" "$CUSTOMER_2"
	for line in agent1 customer1 agent2 customer2; do mute "$line"; done
	silence lead 0.3
	silence pause 0.7
	local w="$work"
	"${SOX[@]}" "$w/lead.wav" "$w/agent1.wav" "$w/pause.wav" "$w/customer1-mute.wav" "$w/pause.wav" \
		"$w/agent2.wav" "$w/pause.wav" "$w/customer2-mute.wav" "$w/left.wav"
	"${SOX[@]}" "$w/lead.wav" "$w/agent1-mute.wav" "$w/pause.wav" "$w/customer1.wav" "$w/pause.wav" \
		"$w/agent2-mute.wav" "$w/pause.wav" "$w/customer2.wav" "$w/right.wav"
	"${SOX[@]}" "$w/lead.wav" "$w/agent1.wav" "$w/pause.wav" "$w/customer1.wav" "$w/pause.wav" \
		"$w/agent2.wav" "$w/pause.wav" "$w/customer2.wav" conversation-8k.wav
	"${SOX[@]}" -M "$w/left.wav" "$w/right.wav" conversation-stereo-8k.wav
	echo "$AGENT_1 $CUSTOMER_1 $AGENT_2 $CUSTOMER_2" > conversation.txt
	printf 'agent: %s %s\ncustomer: %s %s\n' "$AGENT_1" "$AGENT_2" "$CUSTOMER_1" "$CUSTOMER_2" > conversation-stereo.txt
}

# Every other rate and encoding is made from the 8 kHz master, so all hold the same telephone-band audio.
derived() {
	# The reference for our resampler: sox's default (high quality, linear phase) rate effect.
	"${SOX[@]}" conversation-8k.wav -r 16000 conversation-8k-sox16k.wav
	cp conversation-8k-sox16k.wav conversation-16k.wav
	"${SOX[@]}" conversation-8k.wav -r 22050 conversation-22k.wav
	"${SOX[@]}" conversation-8k.wav -r 44100 conversation-44k.wav
	"${SOX[@]}" conversation-8k.wav -r 48000 conversation-48k.wav
	"${SOX[@]}" conversation-8k.wav -e mu-law -b 8 conversation-ulaw-8k.wav
	"${SOX[@]}" conversation-8k.wav -e a-law -b 8 conversation-alaw-8k.wav
}

refund() {
	speak refund-customer "$CUSTOMER_VOICE" "$REFUND_CUSTOMER"
	speak refund-agent "$AGENT_VOICE" "$REFUND_AGENT"
	silence lead 0.3
	silence pause 0.7
	"${SOX[@]}" "$work/lead.wav" "$work/refund-customer.wav" "$work/pause.wav" "$work/refund-agent.wav" refund-8k.wav
	# A second reference for the resampler's word-error-rate test.
	"${SOX[@]}" refund-8k.wav -r 16000 refund-8k-sox16k.wav
	echo "$REFUND_CUSTOMER $REFUND_AGENT" > refund.txt
}

# zero_u32 FILE OFFSET: writes a little-endian 0 at OFFSET, in place.
zero_u32() {
	printf '\x00\x00\x00\x00' | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# A recorder that has not finalised its header leaves the RIFF and data sizes at 0.
still_recording() {
	cp refund-8k.wav still-recording-8k.wav
	local data
	data="$(grep -obUa 'data' still-recording-8k.wav | head -1 | cut -d: -f1)"
	zero_u32 still-recording-8k.wav 4
	zero_u32 still-recording-8k.wav "$((data + 4))"
}

mp3() {
	if command -v lame > /dev/null; then
		"${SOX[@]}" -r 44100 -c 1 -n -b 16 "$work/tone.wav" synth 1 sine 440 vol 0.5
		lame --quiet --noreplaygain -b 32 --tt "Test tone" --ta "callqa" --id3v2-only "$work/tone.wav" song.mp3
	else
		# No encoder: an ID3v2.3 tag (10-byte header, empty body) and one MPEG-1 Layer III frame header.
		echo "lame not found: song.mp3 is a fabricated ID3 tag and MPEG frame header" >&2
		{ printf 'ID3\x03\x00\x00\x00\x00\x00\x00'; printf '\xff\xfb\x90\x64'; head -c 413 /dev/zero; } > song.mp3
	fi
}

bad_and_odd() {
	silence silence 5
	cp "$work/silence.wav" silence-8k.wav
	"${SOX[@]}" -r "$RATE" -c 1 -n -b 16 tiny-8k.wav synth 0.2 sine 440 vol 0.5
	: > empty.wav
	head -c 20 conversation-8k.wav > truncated-header.wav
	printf '%%PDF-1.4\n%% Quarterly call-center report\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%%%EOF\n' \
		> not-audio.wav
	still_recording
	mp3
}

# A payment call read aloud (issue 13, redaction): stereo, agent left, customer right, each channel digital silence
# while the other party talks. The customer reads a card number (4556 7375 8689 9855, Luhn-valid, in groups of four)
# and a security code; the agent reads the number back. card-call.txt holds the turns, one "a:"/"c:" a line.
CARD_TURNS=(
	"a:thank you for calling sunrise how can i help you today"
	"c:hello i would like to pay my bill with my credit card please"
	"a:of course please read me the card number"
	"c:my card number is four five five six, seven three seven five, eight six eight nine, nine eight five five"
	"a:let me read it back four five five six, seven three seven five, eight six eight nine, nine eight five five"
	"a:and the security code on the back please"
	"c:it is nine one two"
	"a:thank you your payment is complete is there anything else"
	"c:no thank you goodbye"
)

card_call() {
	local left=() right=() n=0
	silence card-lead 0.3
	silence card-pause 0.8
	left+=("$work/card-lead.wav"); right+=("$work/card-lead.wav")
	: > card-call.txt
	for turn in "${CARD_TURNS[@]}"; do
		n=$((n + 1))
		local who="${turn%%:*}" text="${turn#*:}"
		# Female voices at 140 words a minute: the ones the small model hears digits from best.
		espeak-ng -v "$([[ $who == a ]] && echo en-us+f2 || echo en-us+f3)" -s 140 -w "$work/card$n-22k.wav" "$text"
		"${SOX[@]}" "$work/card$n-22k.wav" -r "$RATE" -c 1 -b 16 "$work/card$n.wav"
		mute "card$n"
		if [[ "$who" == a ]]; then
			left+=("$work/card$n.wav"); right+=("$work/card$n-mute.wav")
		else
			left+=("$work/card$n-mute.wav"); right+=("$work/card$n.wav")
		fi
		left+=("$work/card-pause.wav"); right+=("$work/card-pause.wav")
		echo "$who: $text" >> card-call.txt
	done
	"${SOX[@]}" "${left[@]}" "$work/card-left.wav"
	"${SOX[@]}" "${right[@]}" "$work/card-right.wav"
	"${SOX[@]}" -M "$work/card-left.wav" "$work/card-right.wav" card-call-stereo-8k.wav
}

# A real Asterisk MixMonitor recording (8 kHz mono): only where the project's shared folder is present.
asterisk() {
	local name="recordings/inbound-answered-1795418999.0.wav"
	for shared in "$here/../../../../../../shared/asterisk" "/work/shared/asterisk"; do
		if [[ -f "$shared/$name" ]]; then
			cp "$shared/$name" asterisk-inbound-answered.wav
			chmod 644 asterisk-inbound-answered.wav
			echo "copied asterisk-inbound-answered.wav from $shared/$name"
			return
		fi
	done
	echo "shared/asterisk/$name not found: keeping the committed asterisk-inbound-answered.wav" >&2
}

conversation
derived
refund
bad_and_odd
asterisk
card_call
echo "fixtures written to $here"
