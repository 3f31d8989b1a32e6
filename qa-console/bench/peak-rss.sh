#!/usr/bin/env bash
# Peak memory of the server with 2 transcription workers while it transcribes a batch of uploads.
# Usage: qa-console/bench/peak-rss.sh [uploads]   (after 'mvn -DskipTests package'; run from the repository root)
# Prints the JVM's peak resident set (VmHWM) and the embedded PostgreSQL processes' resident memory.
set -euo pipefail
uploads=${1:-20}
jar=qa-console/target/qa-console.jar
audio=transcription/src/test/resources/audio
data=$(mktemp -d)
port=18080
java -jar "$jar" --server.port=$port --callqa.transcription.workers.count=2 \
  --callqa.db.embedded.data-dir="$data/postgres" --callqa.db.embedded.port=0 \
  --callqa.telephony.recordings.dir="$data/recordings" --callqa.transcription.index.dir="$data/index" \
  > "$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 120); do
  curl -sf "http://localhost:$port/actuator/health" > /dev/null && break
  sleep 1
done
files=(conversation-8k.wav refund-8k.wav conversation-stereo-8k.wav conversation-48k.wav asterisk-inbound-answered.wav)
start=$(date +%s.%N)
for i in $(seq "$uploads"); do
  f=${files[$((i % ${#files[@]}))]}
  curl -sf -F "file=@$audio/$f" -F "agent=bench$((i % 3))" -F channels=agent,customer \
    "http://localhost:$port/api/recordings" > /dev/null
done
while true; do
  backlog=$(curl -sf "http://localhost:$port/actuator/health" | python3 -c \
    'import sys,json; d=json.load(sys.stdin)["components"]["transcription"]["details"]; print(d["queued"]+d["running"])')
  [ "$backlog" = 0 ] && break
  sleep 0.5
done
end=$(date +%s.%N)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
# PostgreSQL runs as several processes sharing its buffers: their proportional set size (PSS) adds up correctly.
pgpss=$(for p in $(pgrep -f "$data/postgres" | grep -vx "$pid"); do awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup; done | awk '{s+=$1} END {print s+0}')
echo "uploads=$uploads wallSec=$(echo "$end - $start" | bc) jvmPeakRssMiB=$((hwm / 1024)) postgresPssMiB=$((pgpss / 1024))"
