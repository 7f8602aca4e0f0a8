#!/usr/bin/env bash
# A quiz in a workshop with phones: 12 simulated phones (over 127.0.0.1) answer "Ken je rechten" privately,
# a single-choice, a multiple-choice (a set per phone) and an ordering question (an order per phone); the big
# screen counts the answers and, after "Toon de uitslag", shows how many chose or ticked each option, and for
# the ordering how many had the whole order right and what was put most at each place. Once at 1920x1080 in
# Dutch, once at 1366x768 in English, and with 4 phones (too few: nothing of the spread shows), with the
# layout audit on; screenshots go to $SHOTS (default
# build/tests/screenshots/phones_quiz).
set -euo pipefail
kiosk=$1
src=$(cd "$(dirname "$0")/.." && pwd)
shots=${SHOTS:-$src/build/tests/screenshots/phones_quiz}
tmp=$(mktemp -d)
mkdir -p "$shots"
command -v python3 >/dev/null || { echo "SKIP: python3 is missing"; exit 77; }
phones=""
trap '[ -n "$phones" ] && kill $phones 2>/dev/null; rm -rf "$tmp"' EXIT

run() { # SIZE LANG
    local size=$1 lang=$2 port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 "$src/tests/room/class_phones.py" "$port" K7QP 12 &
    phones=$!
    cat > "$tmp/quiz.script" <<SCRIPT
click start
expect-screen home
key Ctrl+Alt+T
expect-screen trainer
click phones-on
expect-screen phones
sleep 3000
expect phones.joined 12
click phones-continue
expect-screen home
click module-ken-je-rechten
expect-screen quiz
expect quiz.question welke-wet
sleep 2000
expect phones.voted 12
click phones-reveal
expect phones.spread shown
screenshot quiz_single_reveal_${size}_${lang}.png
click option-2
click check
click next
click option-1
click check
click next
expect quiz.question gronden-awgb
sleep 2000
expect phones.voted 12
expect phones.vote.state open
screenshot quiz_multiple_open_${size}_${lang}.png
click phones-reveal
expect phones.spread shown
screenshot quiz_multiple_reveal_${size}_${lang}.png
click option-1
click option-2
click check
screenshot quiz_multiple_checked_${size}_${lang}.png
click next
click option-2
click check
click next
click option-3
click check
click next
click option-2
click check
click next
click option-3
click check
click next
click option-1
click check
click next
click option-1
click check
click next
expect quiz.question college-stappen
sleep 2000
expect phones.voted 12
click phones-reveal
expect phones.spread shown
sleep 800
screenshot quiz_order_reveal_${size}_${lang}.png
click down-1
click check
screenshot quiz_order_checked_${size}_${lang}.png
quit
SCRIPT
    LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed "$size" --mode workshop \
        --lang "$lang" --config "$tmp/config-$size.json" --log-dir "$tmp/log-$size" --content "$src/content" \
        --phones-port "$port" --room-code K7QP --audit-layout --script "$tmp/quiz.script" --shots "$shots"
    kill $phones 2>/dev/null || true
    wait $phones 2>/dev/null || true
    phones=""
}

# Four phones: the screen says there are too few answers and shows nothing of what they chose.
few() {
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 "$src/tests/room/class_phones.py" "$port" K7QP 4 &
    phones=$!
    cat > "$tmp/few.script" <<SCRIPT
click start
key Ctrl+Alt+T
click phones-on
sleep 2500
expect phones.joined 4
click phones-continue
click module-ken-je-rechten
click option-2
click check
click next
click option-1
click check
click next
expect quiz.question gronden-awgb
sleep 2000
expect phones.voted 4
click phones-reveal
expect phones.spread hidden
expect-no-text "gekozen:"
screenshot quiz_multiple_few_1366x768_nl.png
quit
SCRIPT
    LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed 1366x768 --mode workshop \
        --lang nl --config "$tmp/config-few.json" --log-dir "$tmp/log-few" --content "$src/content" \
        --phones-port "$port" --room-code K7QP --audit-layout --script "$tmp/few.script" --shots "$shots"
    kill $phones 2>/dev/null || true
    wait $phones 2>/dev/null || true
    phones=""
}

run 1920x1080 nl
[ -n "${ONLY_FIRST:-}" ] || run 1366x768 en
few
echo "gui phones quiz test: passed; screenshots in $shots"
