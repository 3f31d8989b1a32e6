#!/bin/sh
# Makes callqa's default prompts: 8 kHz mono 16-bit WAV (Asterisk's "wav" format) spoken by espeak-ng.
# Needs espeak-ng and sox. Run it from anywhere; it writes into the callqa/ directory beside it.
# Install: copy callqa/*.wav to /var/lib/asterisk/sounds/en/callqa/ (the prompts are played as callqa/<name>).
# Replace them with your own recordings any time (same names, 8 kHz mono WAV).
set -eu
cd "$(dirname "$0")"
mkdir -p callqa
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

prompt() {
	espeak-ng -v en-us -s 150 -w "$tmp/$1.wav" "$2"
	sox "$tmp/$1.wav" -r 8000 -c 1 -b 16 -e signed-integer "callqa/$1.wav" norm -3
}

# queues.conf periodic-announce
prompt queue-press-1-callback "All our agents are busy. To be called back instead of waiting, press 1 at any time."
# The callback-offer script (CallbackOfferScript)
prompt callback-offer "To be called back, press 1. To keep waiting, press 2."
prompt invalid-option "Sorry, that is not a valid choice."
prompt callback-confirmed "Thank you. We will call you back within"
prompt callback-confirmed-later "Thank you. We are closed now. We will call you back as soon as we open."
# The survey script (callqa.telephony.survey.*)
prompt survey-rate-0-10 "Please rate this call from 0 to 10, then press the pound key."
prompt survey-invalid-try-again "Sorry, that was not a number from 0 to 10. Please try again, then press the pound key."
prompt survey-thank-you "Thank you for your feedback. Goodbye."
