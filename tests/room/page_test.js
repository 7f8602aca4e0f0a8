// The real phone page in headless Chromium (Debian's chromium, driven by puppeteer-core) at 360x740:
// it joins by code, answers the check, reloads mid-workshop and keeps its place, votes and changes its vote,
// sees the revealed spread, loses the connection and recovers with its pending answer, switches to English,
// answers a multiple-choice and an ordering question and changes both, and shows the "group is full" and
// "workshop ended" screens. A screenshot of each phone screen is written.
//
//   node page_test.js ROOM_HOST SCREENSHOT_DIR      (NODE_PATH must reach puppeteer-core)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const readline = require('readline');
const puppeteer = require('puppeteer-core');

const [hostBin, shotDir] = process.argv.slice(2);
fs.mkdirSync(shotDir, { recursive: true });
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok:  ' : 'FAIL:'} ${what}`);
  if (!ok) failures++;
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

class Host {
  constructor(args) {
    this.proc = spawn(hostBin, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.lines = [];
    this.waiters = [];
    readline.createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const w = this.waiters.shift();
      if (w) w(JSON.parse(line));
      else this.lines.push(JSON.parse(line));
    });
  }
  next() {
    return new Promise((resolve) => {
      if (this.lines.length) resolve(this.lines.shift());
      else this.waiters.push(resolve);
    });
  }
  async cmd(line) {
    this.proc.stdin.write(line + '\n');
    return this.next();
  }
  async quit() {
    this.proc.stdin.write('quit\n');
    await new Promise((resolve) => this.proc.on('exit', resolve));
  }
}

async function api(port, method, p, body) {
  const res = await fetch(`http://127.0.0.1:${port}${p}`, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, data: await res.json().catch(() => ({})) };
}

// Phones without a browser, so a spread can reach five answers.
async function fakePhones(port, code, n) {
  const tokens = [];
  for (let i = 0; i < n; ++i) tokens.push((await api(port, 'POST', '/api/join', { room: code })).data.token);
  return tokens;
}

let debugPage = null;
async function main() {
  const port = await freePort();
  const host = new Host(['--port', String(port), '--code', 'K7QP', '--heartbeat-ms', '3000']);
  const hello = await host.next();
  check(hello.listening === port, `the room host listens on ${port}`);
  const base = `http://127.0.0.1:${port}`;

  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions'],
  });
  const page = await browser.newPage();
  debugPage = page;
  await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const shot = async (name, fullPage) => {
    await new Promise((r) => setTimeout(r, 150));
    await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: !!fullPage });
  };
  const screen = () => page.evaluate(() => document.body.dataset.screen);
  const waitScreen = (name, state) =>
    page.waitForFunction((n, s) => document.body.dataset.screen === n && (!s || document.body.dataset.state === s),
                         { timeout: 10000 }, name, state || '');
  const pressed = (sel) => page.$eval(sel, (el) => el.getAttribute('aria-pressed'));
  const text = (sel) => page.$eval(sel, (el) => el.textContent);
  // Nothing on the page may be wider than the phone: no sideways scrolling.
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const targets = () => page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.offsetParent)
    .map((b) => b.getBoundingClientRect()).filter((r) => r.height < 44 || r.width < 44).length);

  // ---- join: without a code in the address the page asks for it; a wrong code says so
  await page.goto(base + '/', { waitUntil: 'load' });
  await waitScreen('code');
  await shot('01-code');
  await page.type('#code', 'zzzz');
  await page.tap('#join');
  await waitScreen('wrong-room');
  check((await text('main')).includes('hoort niet bij'), 'a wrong code says it is not this workshop');
  await shot('02-wrong-room');
  await page.$eval('#code', (el) => { el.value = ''; });
  await page.type('#code', 'k7qp');
  await page.tap('#join');
  await waitScreen('live', 'none');
  check((await text('main')).includes('Je doet mee'), 'joined: "Je doet mee!"');
  check(await fits(), 'the waiting screen fits 360 px');
  await shot('03-waiting');
  let snap = await host.cmd('wait participants 1 5000');
  check(snap.ok && snap.participants === 1, 'the room counts the phone');
  const token = await page.evaluate(() => localStorage.getItem('stageboost.token.K7QP'));
  check(/^[0-9a-f]{32}$/.test(token || ''), 'the token is kept in the page storage');

  // ---- the before check
  const pre = await host.cmd('open check pre');
  await waitScreen('live', 'open');
  await page.waitForSelector('#item-4-5');
  check(await fits(), 'the check fits 360 px');
  check((await targets()) === 0, 'every button on the check is at least 44x44 px');
  await shot('04-check');
  // The page scrolls the next statement into view after an answer; let it settle before the next tap.
  const settle = () => new Promise((r) => setTimeout(r, 700));
  await page.tap('#item-1-4');
  await settle();
  await page.tap('#item-2-dk');
  await settle();
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('2 van 4'), { timeout: 5000 });
  snap = await host.cmd('wait answered 1 5000');
  check(snap.tallies[0].answers === 1 && snap.tallies[1].answers === 1, 'two statements reached the room');
  await page.tap('#item-1-2'); // changes the first answer
  await page.waitForFunction(() => document.querySelector('#item-1-2').getAttribute('aria-pressed') === 'true');
  await page.waitForFunction(() => !document.querySelector('#status').textContent.includes('Versturen'));
  await shot('05-check-answered');

  // ---- a reload mid-workshop keeps the same participant and its answers
  await page.reload({ waitUntil: 'load' });
  await waitScreen('live', 'open');
  await page.waitForSelector('#item-1-2');
  check(await pressed('#item-1-2') === 'true' && await pressed('#item-2-dk') === 'true',
        'after a reload the page shows its own answers (the changed one too)');
  check(await page.evaluate(() => localStorage.getItem('stageboost.token.K7QP')) === token, 'the same token after reload');
  snap = await host.cmd('snapshot');
  check(snap.participants === 1, 'a reload does not count as a new phone');
  await shot('06-after-reload');
  await page.tap('#item-3-3');
  await settle();
  await page.tap('#item-4-5');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Alles beantwoord'), { timeout: 5000 });
  await shot('07-check-done');
  await host.cmd('close');
  await waitScreen('live', 'closed');
  check(await page.$eval('#item-3-1', (b) => b.disabled), 'a closed question cannot be answered');

  // ---- a vote at a role-play decision, changed, then revealed with five more phones
  const vote = await host.cmd('open vote meisjesnaam start');
  await waitScreen('live', 'open');
  await page.waitForSelector('#option-3');
  check(await fits(), 'the vote fits 360 px');
  check((await targets()) === 0, 'every option is at least 44 px high');
  await shot('08-vote');
  await page.tap('#option-3');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Ontvangen'), { timeout: 5000 });
  await page.tap('#option-1');
  await page.waitForFunction(() => document.querySelector('#option-1').getAttribute('aria-pressed') === 'true' &&
                             document.querySelector('#status').textContent.includes('Ontvangen'), { timeout: 5000 });
  await shot('09-vote-saved');
  const others = await fakePhones(port, 'K7QP', 5);
  for (const [i, t] of others.entries())
    await api(port, 'POST', '/api/answer', { room: 'K7QP', token: t, question: vote.question, item: 0, value: i % 2, id: `f${i}`, seq: 1 });
  snap = await host.cmd('wait answered 6 5000');
  check(JSON.stringify(snap.tallies[0].counts) === '[4,2,0]', `the room has the changed vote (${snap.tallies[0].counts})`);
  await host.cmd('reveal');
  await waitScreen('live', 'revealed');
  await page.waitForSelector('#tally');
  check((await text('#tally')).includes('jouw keuze'), 'the revealed spread marks the phone\'s own choice');
  await shot('10-revealed');

  // ---- the connection drops while a question is open; the tap waits and is sent once it is back
  const vote2 = await host.cmd('open vote meisjesnaam twijfel');
  await page.waitForFunction((id) => document.body.dataset.state === 'open' && document.querySelector('#option-2'), {}, vote2.question);
  await host.cmd('stop-server');
  await page.waitForFunction(() => !document.querySelector('#banner').hidden &&
                             document.querySelector('#banner').textContent.includes('Verbinding kwijt'), { timeout: 10000 });
  await page.tap('#option-2');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('opnieuw'), { timeout: 10000 });
  check(await pressed('#option-2') === 'true', 'the tap shows at once, while it waits to be sent');
  await shot('11-offline');
  const appliedBefore = (await host.cmd('snapshot')).counters.applied;
  const restarted = await host.cmd('start-server');
  check(restarted.ok && restarted.listening === port, 'the phones switch is on again on the same port');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Ontvangen'), { timeout: 20000 });
  snap = await host.cmd('wait answered 1 5000');
  check(snap.ok && snap.tallies[0].answers === 1 && snap.counters.applied === appliedBefore + 1,
        'the waiting answer arrived, once');
  await page.waitForFunction(() => document.querySelector('#banner').hidden ||
                             document.querySelector('#banner').textContent.includes('Weer verbonden'), { timeout: 10000 });
  await shot('12-recovered');

  // ---- English, the quiz and the "zelf meegemaakt" tally
  const quizOpened = await host.cmd('open quiz ken-je-rechten ' + (await quizQuestion()));
  check(quizOpened.ok, 'the trainer opens a quiz question');
  await page.waitForFunction((id) => document.body.dataset.question === id, { timeout: 10000 }, quizOpened.question);
  await page.waitForSelector('#option-1');
  await page.tap('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  check((await text('#status')).includes('Tap your choice'), 'English is one tap away');
  await shot('13-quiz-english');
  await page.tap('#lang');

  // ---- a multiple-choice question: tick, send, change, send again; only the last set counts
  const targets48 = () => page.evaluate(() => [...document.querySelectorAll('main button')].filter((b) => b.offsetParent)
    .map((b) => b.getBoundingClientRect()).filter((r) => r.height < 48 || r.width < 48).length);
  const status = (part) => page.waitForFunction((p) => document.querySelector('#status') &&
                                                 document.querySelector('#status').textContent.includes(p),
                                                 { timeout: 5000 }, part);
  const english = async (name, fullPage) => {
    await page.tap('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    check(await fits(), `${name} fits 360 px in English`);
    await shot(name, fullPage);
    await page.tap('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
  };
  const multi = await host.cmd('open quiz ken-je-rechten gronden-awgb');
  check(multi.ok && multi.options === 6, 'the trainer opens a multiple-choice question on phones');
  await page.waitForFunction((id) => document.body.dataset.question === id && document.querySelector('#send'),
                             { timeout: 10000 }, multi.question);
  check(await fits(), 'the multiple-choice question fits 360 px');
  check((await targets48()) === 0, 'every button of the multiple-choice question is at least 48 px');
  check(await page.$eval('#send', (b) => b.disabled), 'nothing ticked: Versturen cannot be pressed');
  check((await text('#status')).includes('Tik alles aan'), 'the page says to tick everything that is right');
  await shot('17-multiple');
  await page.tap('#option-1');
  await page.tap('#option-3');
  check(await pressed('#option-1') === 'true' && await pressed('#option-3') === 'true', 'two options are ticked');
  snap = await host.cmd('snapshot');
  check(snap.answered === 0, 'ticking sends nothing before Versturen');
  await page.tap('#send');
  await status('Ontvangen');
  snap = await host.cmd('wait answered 1 5000');
  check(snap.ok && snap.answered === 1, 'Versturen sends the set');
  check(await page.$eval('#send', (b) => b.disabled && b.textContent.includes('Verstuurd')), 'the button says it was sent');
  await shot('18-multiple-sent');
  await page.tap('#option-1'); // untick
  await page.tap('#option-2');
  await status('nog niet verstuurd');
  check(await pressed('#option-1') === 'false' && await pressed('#option-2') === 'true', 'the set can be changed');
  await shot('19-multiple-changed');
  await page.tap('#send');
  await status('Ontvangen');
  await english('20-multiple-en', true);
  for (const [i, t] of others.entries())
    await api(port, 'POST', '/api/answer', { room: 'K7QP', token: t, question: multi.question, item: 0, value: [0], id: `m${i}`, seq: 10 + i });
  snap = await host.cmd('wait answered 6 5000');
  check(JSON.stringify(snap.tallies[0].counts) === '[5,1,1,0,0,0]',
        `the room counts the changed set once (${snap.tallies[0].counts})`);
  await host.cmd('reveal');
  await waitScreen('live', 'revealed');
  await page.waitForSelector('#tally .bar-row');
  check((await text('#tally')).includes('jouw keuze'), 'the spread marks the options this phone ticked');
  check(await page.$eval('#option-1', (b) => b.disabled) && await page.$eval('#send', (b) => b.disabled),
        'after the reveal nothing can be changed');
  check(await fits(), 'multiple-revealed fits 360 px');
  await shot('21-multiple-revealed', true);
  await english('22-multiple-revealed-en', true);

  // ---- an ordering: move with the arrows, send, change, send again
  const ord = await host.cmd('open quiz ken-je-rechten college-stappen');
  check(ord.ok && ord.options === 4, 'the trainer opens an ordering question on phones');
  await page.waitForFunction((id) => document.body.dataset.question === id && document.querySelector('#down-1'),
                             { timeout: 10000 }, ord.question);
  const rows = () => page.$$eval('#order .text', (els) => els.map((e) => e.textContent));
  const start = await rows();
  check(start.length === 4 && start.every((x) => x), 'the four steps are listed');
  check(await fits(), 'the ordering fits 360 px');
  check((await targets48()) === 0, 'every button of the ordering is at least 48 px');
  check(await page.$eval('#up-1', (b) => b.disabled) && await page.$eval('#down-4', (b) => b.disabled),
        'the first cannot go up, the last cannot go down');
  await shot('23-order');
  await page.tap('#down-1');
  let now = await rows();
  check(now[0] === start[1] && now[1] === start[0], 'Lager swaps a step with the next one');
  snap = await host.cmd('snapshot');
  check(snap.answered === 0, 'moving sends nothing before Versturen');
  await page.tap('#send');
  await status('Ontvangen');
  snap = await host.cmd('wait answered 1 5000');
  check(snap.ok && snap.answered === 1, 'Versturen sends the order');
  await shot('24-order-sent');
  await page.tap('#up-3');
  now = await rows();
  check(now[1] === start[2] && now[2] === start[0], 'Hoger swaps a step with the one before');
  await status('nog niet verstuurd');
  await page.tap('#send');
  await status('Ontvangen');
  await english('25-order-en', true);
  // The host opens an ordering reversed: the right order is 3, 2, 1, 0; this phone sent 1, 2, 0, 3.
  for (const [i, t] of others.entries())
    await api(port, 'POST', '/api/answer', { room: 'K7QP', token: t, question: ord.question, item: 0, value: [3, 2, 1, 0], id: `o${i}`, seq: 20 + i });
  snap = await host.cmd('wait answered 6 5000');
  check(snap.tallies[0].exact === 5 && JSON.stringify(snap.tallies[0].positions[0]) === '[0,1,0,5]',
        `the room has this phone's changed order (${JSON.stringify(snap.tallies[0].positions)})`);
  await host.cmd('reveal');
  await waitScreen('live', 'revealed');
  await page.waitForSelector('#tally .exact');
  check((await text('#tally')).includes('5 van 6 hadden de hele volgorde goed'), 'the phone shows how many had it right');
  const seen = (await api(port, 'GET', `/api/state?room=K7QP&token=${others[0]}`)).data;
  check(JSON.stringify(Object.keys(seen.question).sort()) === '["answer","id","items","kind","note","options","title"]',
        `a phone's view holds no right order (${Object.keys(seen.question)})`);
  check(await fits(), 'order-revealed fits 360 px');
  await shot('26-order-revealed', true);
  await english('27-order-revealed-en', true);

  const experienced = await host.cmd('open experienced');
  check(experienced.ok, 'the trainer asks "Heb jij dit zelf meegemaakt?"');
  await page.waitForFunction(() => document.querySelector('#title') && document.querySelector('#title').textContent.includes('meegemaakt'));
  check((await text('main')).includes('anoniem'), 'the "zelf meegemaakt" question says it is anonymous');
  await shot('14-experienced');

  // ---- the end, and a full group
  await host.cmd('finish');
  await waitScreen('finished');
  check(await page.evaluate(() => localStorage.getItem('stageboost.token.K7QP')) === null, 'the token is forgotten at the end');
  await shot('15-finished');
  await host.quit();

  const port2 = await freePort();
  const full = new Host(['--port', String(port2), '--code', 'FULL', '--cap', '1']);
  await full.next();
  await fakePhones(port2, 'FULL', 1);
  await page.goto(`http://127.0.0.1:${port2}/?r=FULL`, { waitUntil: 'load' });
  await waitScreen('full');
  check((await text('main')).includes('De groep is vol'), '"De groep is vol" when the cap is reached');
  await shot('16-full');
  await full.quit();

  check(consoleErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|EventSource/.test(e)).length === 0,
        `no script errors (${consoleErrors.slice(0, 3).join(' | ')})`);
  await browser.close();
  console.log(`screenshots in ${shotDir}`);
  if (failures) {
    console.log(`${failures} check(s) failed`);
    process.exit(1);
  }
  console.log('phone page test: all checks passed');

  async function quizQuestion() {
    const quiz = JSON.parse(fs.readFileSync(path.join(__dirname, '../../content/stageboost/quiz-ken-je-rechten.json'), 'utf8'));
    const q = quiz.questions.find((x) => x.type === 'single' || x.type === 'truefalse');
    return q.id;
  }
}

main().catch(async (e) => {
  console.error('FAIL:', e);
  if (debugPage) {
    // What the phone showed when it went wrong.
    await debugPage.screenshot({ path: path.join(shotDir, 'failure.png') }).catch(() => {});
    console.error('page text:', await debugPage.evaluate(() => document.body.innerText).catch(() => '?'));
  }
  process.exit(1);
});
