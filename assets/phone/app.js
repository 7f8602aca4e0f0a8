// Stageboost on a phone: join the room, show what the trainer's screen has live, send answers.
// No framework, nothing from outside this server. The protocol is in modules/room/protocol.h.
//
// Sections: texts · storage · state · network (join, events, answers) · rendering · start
'use strict';

(() => {
  // ---- texts (Dutch first; English one tap away)
  const TEXTS = {
    nl: {
      connecting: 'Even verbinden…',
      offline: 'Verbinding kwijt, we proberen het opnieuw…',
      online: 'Weer verbonden.',
      joinTitle: 'Doe mee met de workshop',
      joinText: 'Typ de code die op het grote scherm staat.',
      code: 'Code',
      join: 'Meedoen',
      wrongRoom: 'Deze code hoort niet bij de workshop van nu. Kijk op het grote scherm en probeer het opnieuw.',
      fullTitle: 'De groep is vol',
      fullText: 'Er doen al genoeg telefoons mee. Kijk mee op het grote scherm, of met iemand naast je.',
      finishedTitle: 'De workshop is afgelopen',
      finishedText: 'Bedankt voor het meedoen! Je kunt deze pagina sluiten.',
      waitingTitle: 'Je doet mee!',
      waitingText: 'Kijk naar het grote scherm. De volgende vraag verschijnt hier vanzelf.',
      kind: { vote: 'Stemmen', quiz: 'Vraag', check: 'Hoe zeker ben je?', experienced: 'Anoniem' },
      phase: { pre: 'Voor je begint', post: 'Na afloop', retro: 'Terugkijken' },
      retroQuestion: 'Kijk nu terug: hoe zeker was je vóór je begon?',
      checkHint: (n) => `${n} korte zinnen. Tik bij elke zin op een cijfer.`,
      itemSaved: 'Ontvangen',
      dontKnow: 'Weet ik niet',
      pick: 'Tik op je keuze.',
      pickSeveral: 'Tik alles aan wat klopt. Tik daarna op Versturen.',
      pickOrder: 'Zet alles op volgorde met ↑ en ↓. Tik daarna op Versturen.',
      send: 'Versturen',
      sent: 'Verstuurd',
      changed: 'Gewijzigd, nog niet verstuurd. Tik op Versturen.',
      up: 'Hoger',
      down: 'Lager',
      place: (n) => `Plek ${n}`,
      tickedNote: 'Hoeveel mensen elk antwoord aantikten.',
      exact: (n, total) => `${n} van ${total} hadden de hele volgorde goed.`,
      mostPerPlace: 'Per plek het vaakst gekozen:',
      ofTotal: (n, total) => `${n} van ${total}`,
      each: (n, total) => `elk ${n} van ${total}`,
      optional: 'Je hoeft niet te antwoorden.',
      sending: 'Versturen…',
      retrying: 'Nog niet verstuurd. We proberen het opnieuw…',
      saved: 'Ontvangen. Je kunt nog wijzigen tot de trainer de vraag sluit.',
      progress: (n, total) => `${n} van ${total} beantwoord.`,
      allDone: 'Alles beantwoord, dank je! Je kunt nog wijzigen tot de trainer de vraag sluit.',
      closed: 'De vraag is gesloten. Kijk naar het grote scherm.',
      closedLate: 'De vraag was al gesloten. Dit antwoord telt niet meer mee.',
      noAnswer: 'Je hebt deze vraag niet beantwoord.',
      revealTitle: 'Zo antwoordde de groep',
      tooFew: 'Nog te weinig antwoorden (minder dan 5): de verdeling blijft verborgen, zodat niemand te herkennen is.',
      answers: (n) => (n === 1 ? '1 antwoord' : `${n} antwoorden`),
      yours: 'jouw keuze',
      anonymous: 'Anoniem: niemand ziet wat jij antwoordt.',
      slowDown: 'Even rustig aan, we versturen het zo.',
      otherLang: 'EN',
      otherLangName: 'English',
    },
    en: {
      connecting: 'Connecting…',
      offline: 'Connection lost, trying again…',
      online: 'Connected again.',
      joinTitle: 'Join the workshop',
      joinText: 'Type the code shown on the big screen.',
      code: 'Code',
      join: 'Join',
      wrongRoom: 'This code is not the one of the workshop now. Look at the big screen and try again.',
      fullTitle: 'The group is full',
      fullText: 'Enough phones have joined already. Watch the big screen, or join someone next to you.',
      finishedTitle: 'The workshop has ended',
      finishedText: 'Thank you for taking part! You can close this page.',
      waitingTitle: "You're in!",
      waitingText: 'Look at the big screen. The next question appears here by itself.',
      kind: { vote: 'Vote', quiz: 'Question', check: 'How sure are you?', experienced: 'Anonymous' },
      phase: { pre: 'Before you start', post: 'Afterwards', retro: 'Looking back' },
      retroQuestion: 'Looking back now: how confident were you before you started?',
      checkHint: (n) => `${n} short sentences. Tap a number for each one.`,
      itemSaved: 'Received',
      dontKnow: "Don't know",
      pick: 'Tap your choice.',
      pickSeveral: 'Tap everything that is right. Then tap Send.',
      pickOrder: 'Put them in order with ↑ and ↓. Then tap Send.',
      send: 'Send',
      sent: 'Sent',
      changed: 'Changed, not sent yet. Tap Send.',
      up: 'Up',
      down: 'Down',
      place: (n) => `Place ${n}`,
      tickedNote: 'How many people ticked each answer.',
      exact: (n, total) => `${n} of ${total} had the whole order right.`,
      mostPerPlace: 'Chosen most often for each place:',
      ofTotal: (n, total) => `${n} of ${total}`,
      each: (n, total) => `${n} of ${total} each`,
      optional: 'You do not have to answer.',
      sending: 'Sending…',
      retrying: 'Not sent yet. Trying again…',
      saved: 'Received. You can change it until the trainer closes the question.',
      progress: (n, total) => `${n} of ${total} answered.`,
      allDone: 'All answered, thank you! You can change them until the trainer closes the question.',
      closed: 'The question is closed. Look at the big screen.',
      closedLate: 'The question had already closed. This answer no longer counts.',
      noAnswer: 'You did not answer this question.',
      revealTitle: 'How the group answered',
      tooFew: 'Too few answers yet (fewer than 5): the spread stays hidden, so nobody can be recognised.',
      answers: (n) => (n === 1 ? '1 answer' : `${n} answers`),
      yours: 'your choice',
      anonymous: 'Anonymous: nobody sees what you answer.',
      slowDown: 'Easy does it, we will send it in a moment.',
      otherLang: 'NL',
      otherLangName: 'Nederlands',
    },
  };

  // ---- storage (a phone in private mode may refuse it: then the page still works until a reload)
  const store = {
    get(key) {
      try { return localStorage.getItem(key); } catch (e) { return null; }
    },
    set(key, value) {
      try { localStorage.setItem(key, value); } catch (e) { /* private mode */ }
    },
    remove(key) {
      try { localStorage.removeItem(key); } catch (e) { /* private mode */ }
    },
    keys() {
      try { return Object.keys(localStorage); } catch (e) { return []; }
    },
  };

  // ---- state
  let lang = store.get('stageboost.lang') === 'en' ? 'en' : 'nl';
  const t = () => TEXTS[lang];
  const normalize = (code) => (code || '').replace(/\s+/g, '').toUpperCase().slice(0, 12);
  let room = normalize(new URLSearchParams(location.search).get('r'));
  let token = null;
  let view = null;           // the last view the server sent
  let screen = 'connecting'; // connecting | code | wrong-room | full | finished | live
  let events = null;
  let lastEvent = 0;
  let online = true;
  let offlineTimer = null;
  let reconnectDelay = 1000;
  let reconnectTimer = null;
  let notice = '';           // a one-off message under the question (a late answer)
  // Answers not yet confirmed, by "question:item": {q, item, value, id, seq, status}. Kept in storage so a
  // reload retries them with the same id (the server takes each id once).
  let outbox = {};
  // A set or an order being put together, by question id: {values, moved}. Only "Versturen" sends it.
  let drafts = {};

  const tokenKey = () => `stageboost.token.${room}`;
  const outboxKey = () => `stageboost.outbox.${room}`;
  const seqKey = () => `stageboost.seq.${room}`;

  function nextSeq() {
    const n = (parseInt(store.get(seqKey()) || '0', 10) || 0) + 1;
    store.set(seqKey(), String(n));
    return n;
  }
  function bumpSeq(atLeast) {
    const n = parseInt(store.get(seqKey()) || '0', 10) || 0;
    if (atLeast > n) store.set(seqKey(), String(atLeast));
  }
  function randomId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  function saveOutbox() {
    store.set(outboxKey(), JSON.stringify(outbox));
  }
  function loadOutbox() {
    try { outbox = JSON.parse(store.get(outboxKey()) || '{}') || {}; } catch (e) { outbox = {}; }
  }

  // ---- network
  async function request(method, path, body) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 8000);
    try {
      const res = await fetch(path, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      return { status: res.status, data: data || {}, retryAfter: res.headers.get('Retry-After') };
    } catch (e) {
      return { status: 0, data: {} }; // no connection, or it took too long
    } finally {
      clearTimeout(timer);
    }
  }

  // Online again at once; "offline" only after 1.5 s, so a short blip does not flash a banner.
  function setOnline(value) {
    if (value) {
      clearTimeout(offlineTimer);
      offlineTimer = null;
      if (!online) {
        online = true;
        reconnectDelay = 1000;
        showBanner('online');
        setTimeout(() => { if (online && bannerKind === 'online') showBanner(''); }, 2500);
      }
      return;
    }
    if (!online || offlineTimer) return;
    offlineTimer = setTimeout(() => {
      offlineTimer = null;
      online = false;
      showBanner('offline');
    }, 1500);
  }

  let bannerKind = ''; // '', 'offline' or 'online'
  function showBanner(kind) {
    bannerKind = kind;
    const banner = document.getElementById('banner');
    banner.textContent = kind ? t()[kind] : '';
    banner.hidden = !kind;
    banner.classList.toggle('good', kind === 'online');
  }

  async function join() {
    screen = screen === 'live' ? 'live' : 'connecting';
    render();
    const stored = store.get(tokenKey());
    const res = await request('POST', '/api/join', stored ? { room, token: stored } : { room });
    if (res.status === 200 && res.data.token) {
      token = res.data.token;
      store.set(tokenKey(), token);
      // Tokens of earlier workshops are of no use any more: forget them.
      for (const key of store.keys())
        if (/^stageboost\.(token|outbox|seq)\./.test(key) && !key.endsWith(`.${room}`)) store.remove(key);
      setOnline(true);
      connect();
      flushOutbox();
      return;
    }
    const error = res.data.error;
    if (error === 'wrong-room') {
      store.remove(tokenKey());
      screen = 'wrong-room';
    } else if (error === 'full') {
      screen = 'full';
    } else if (error === 'finished') {
      store.remove(tokenKey());
      screen = 'finished';
    } else {
      setOnline(false); // no connection (or the server is busy): try again
      scheduleReconnect();
      return;
    }
    setOnline(true);
    render();
  }

  function closeEvents() {
    if (events) {
      events.close();
      events = null;
    }
  }

  function connect() {
    closeEvents();
    const url = `/api/events?room=${encodeURIComponent(room)}&token=${encodeURIComponent(token)}`;
    const source = new EventSource(url);
    events = source;
    lastEvent = Date.now();
    source.addEventListener('state', (e) => {
      lastEvent = Date.now();
      setOnline(true);
      try { onView(JSON.parse(e.data)); } catch (err) { /* a damaged event: the next one repairs it */ }
    });
    source.addEventListener('ping', () => {
      lastEvent = Date.now();
      setOnline(true);
    });
    source.onopen = () => {
      lastEvent = Date.now();
      setOnline(true);
    };
    source.onerror = () => {
      if (events !== source) return;
      setOnline(false);
      // The browser retries by itself unless the server refused the stream; then find out why.
      if (source.readyState === EventSource.CLOSED) {
        closeEvents();
        scheduleReconnect();
      }
    };
  }

  function scheduleReconnect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(reconnect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 8000);
  }

  async function reconnect() {
    reconnectTimer = null;
    if (!token) return join();
    const res = await request('GET', `/api/state?room=${encodeURIComponent(room)}&token=${encodeURIComponent(token)}`);
    if (res.status === 200) {
      setOnline(true);
      onView(res.data);
      connect();
      flushOutbox();
    } else if (res.status === 403 || res.status === 410) {
      token = null;
      join(); // the room forgot us (a new workshop, or it ended): join finds out which
    } else {
      setOnline(false);
      scheduleReconnect();
    }
  }

  // A stream that stays silent longer than two heartbeats is dead even if the browser has not noticed.
  setInterval(() => {
    if (events && Date.now() - lastEvent > 50000) {
      closeEvents();
      setOnline(false);
      reconnect();
    }
  }, 10000);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && token && (!events || events.readyState === EventSource.CLOSED))
      reconnect();
  });
  window.addEventListener('online', () => {
    if (token && !events) reconnect();
    flushOutbox();
  });

  function onView(v) {
    if (v.finished) {
      closeEvents();
      showBanner('');
      store.remove(tokenKey());
      screen = 'finished';
      render();
      return;
    }
    const changedQuestion = !view || !view.question || !v.question || view.question.id !== (v.question && v.question.id);
    if (changedQuestion) {
      notice = '';
      drafts = {};
    }
    view = v;
    screen = 'live';
    // What the server already has supersedes what waits in the outbox; answers to another question are moot.
    const liveId = v.question ? v.question.id : null;
    for (const [key, entry] of Object.entries(outbox)) {
      const mine = v.mine && v.mine[entry.item];
      if (entry.q !== liveId || v.state !== 'open' || (mine && mine.seq >= entry.seq)) delete outbox[key];
    }
    for (const mine of v.mine || []) if (mine) bumpSeq(mine.seq);
    saveOutbox();
    render();
  }

  function answer(item, value) {
    if (!view || !view.question || view.state !== 'open') return;
    const entry = { q: view.question.id, item, value, id: randomId(), seq: nextSeq(), status: 'sending' };
    outbox[`${entry.q}:${item}`] = entry;
    saveOutbox();
    notice = '';
    render();
    send(entry, 0);
  }

  async function send(entry, attempt) {
    const key = `${entry.q}:${entry.item}`;
    if (outbox[key] !== entry) return; // a newer tap replaced it
    const res = await request('POST', '/api/answer', {
      room, token, question: entry.q, item: entry.item, value: entry.value, id: entry.id, seq: entry.seq,
    });
    if (outbox[key] !== entry) return;
    if (res.status === 200) {
      delete outbox[key];
      saveOutbox();
      setOnline(true);
      if (view && view.question && view.question.id === entry.q && res.data.status !== 'stale') {
        view.mine = view.mine || [];
        view.mine[entry.item] = { answered: true, value: entry.value, seq: entry.seq };
      }
      render();
      return;
    }
    if (res.status === 409 || res.status === 404 || res.status === 400) {
      // Closed, or no longer live, or not an answer: it cannot be sent. Say so when it was a late one.
      delete outbox[key];
      saveOutbox();
      if (res.status === 409) notice = t().closedLate;
      render();
      reconnect();
      return;
    }
    if (res.status === 403) {
      token = null;
      await join(); // joined again (the same participant when the room still knows the token)
    }
    if (res.status === 429) notice = t().slowDown;
    if (res.status === 0 || res.status >= 500) setOnline(false);
    entry.status = 'retrying';
    render();
    const wait = res.status === 429 ? 1000 * (parseInt(res.retryAfter || '1', 10) || 1)
                                    : Math.min(1000 * 2 ** attempt, 8000);
    setTimeout(() => send(entry, attempt + 1), wait);
  }

  function flushOutbox() {
    for (const entry of Object.values(outbox)) {
      entry.status = 'sending';
      send(entry, 0);
    }
  }

  // ---- rendering
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'onclick') el.addEventListener('click', v);
      else if (k === 'onsubmit') el.addEventListener('submit', v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
    return el;
  }
  const local = (text) => (text ? text[lang] || text.nl || text.en || '' : '');

  function card(...children) { return h('section', { class: 'card' }, ...children); }
  function message(icon, title, text) {
    return h('section', { class: 'card center' }, h('div', { class: 'big-icon', 'aria-hidden': 'true' }, icon),
             h('h1', null, title), text ? h('p', { class: 'lead muted' }, text) : null);
  }

  function codeForm(error) {
    const input = h('input', {
      id: 'code', name: 'code', inputmode: 'text', autocomplete: 'off', autocapitalize: 'characters',
      spellcheck: 'false', maxlength: '8', 'aria-label': t().code, value: room || '',
    });
    return h('section', { class: 'card' },
      h('h1', null, t().joinTitle),
      error ? h('p', { class: 'status warn', role: 'alert' }, error) : h('p', { class: 'lead' }, t().joinText),
      h('form', {
        class: 'field', onsubmit: (e) => {
          e.preventDefault();
          room = normalize(input.value);
          if (!room) return;
          history.replaceState(null, '', `?r=${encodeURIComponent(room)}`);
          loadOutbox();
          join();
        },
      }, input, h('button', { class: 'primary', type: 'submit', id: 'join' }, t().join)));
  }

  // The value shown for an item: a tap waiting in the outbox, else what the server has.
  function shown(item) {
    const entry = view && view.question && outbox[`${view.question.id}:${item}`];
    if (entry) return { answered: true, value: entry.value, pending: entry.status };
    const mine = view && view.mine && view.mine[item];
    return mine ? { answered: true, value: mine.value, pending: null } : { answered: false };
  }

  function statusLine(q) {
    const n = q.items.length;
    const states = q.items.map((_, i) => shown(i));
    const answered = states.filter((s) => s.answered).length;
    if (view.state !== 'open') {
      return h('p', { class: 'status wait', id: 'status' }, answered ? t().closed : `${t().noAnswer} ${t().closed}`);
    }
    if (notice) return h('p', { class: 'status warn', id: 'status', role: 'alert' }, notice);
    if (states.some((s) => s.pending === 'retrying')) return h('p', { class: 'status warn', id: 'status' }, t().retrying);
    if (states.some((s) => s.pending)) return h('p', { class: 'status wait', id: 'status' }, t().sending);
    if (draftChanged(q)) return h('p', { class: 'status warn', id: 'status' }, t().changed);
    if (!answered) {
      const hint = { several: t().pickSeveral, order: t().pickOrder }[shapeOf(q)] ||
                   (q.kind === 'experienced' ? t().optional : t().pick);
      return h('p', { class: 'status wait', id: 'status' }, hint);
    }
    if (q.kind === 'check' && answered < n) {
      return h('p', { class: 'status ok', id: 'status' }, h('span', { class: 'tick', 'aria-hidden': 'true' }, '✓'),
               `${t().progress(answered, n)} ${t().saved}`);
    }
    return h('p', { class: 'status ok', id: 'status' }, h('span', { class: 'tick', 'aria-hidden': 'true' }, '✓'),
             q.kind === 'check' ? t().allDone : t().saved);
  }

  function renderOptions(q) {
    const s = shown(0);
    const open = view.state === 'open';
    return h('div', { class: 'options', role: 'group', 'aria-label': local(q.title) },
      q.options.map((o, k) => h('button', {
        type: 'button', class: 'option', id: `option-${k + 1}`, 'data-key': `o${k}`,
        'aria-pressed': s.answered && s.value === k ? 'true' : 'false', disabled: !open,
        onclick: () => answer(0, k),
      }, h('span', { class: 'num', 'aria-hidden': 'true' }, String(k + 1)), h('span', null, local(o)))));
  }

  // ---- a set (choose all that apply) or an order: put together on the phone, sent with "Versturen"
  const shapeOf = (q) => q.answer || 'one';
  const sameList = (a, b) => Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  function startValues(q) {
    return shapeOf(q) === 'order' ? q.options.map((_, k) => k) : [];
  }
  // What the server has (or what waits in the outbox) for this phone.
  function sentValues() {
    const s = shown(0);
    return s.answered && Array.isArray(s.value) ? s.value : null;
  }
  function draft(q) {
    if (!drafts[q.id]) drafts[q.id] = { values: (sentValues() || startValues(q)).slice(), moved: null };
    return drafts[q.id];
  }
  // What the list shows: the draft while the question is open, afterwards what was sent.
  function listValues(q) {
    return view.state === 'open' ? draft(q).values : (sentValues() || startValues(q));
  }
  function draftChanged(q) {
    if (shapeOf(q) === 'one') return false;
    const sent = sentValues();
    return view.state === 'open' && !!sent && !sameList(draft(q).values, sent);
  }

  function toggle(q, k) {
    if (view.state !== 'open') return;
    const d = draft(q);
    d.values = d.values.includes(k) ? d.values.filter((x) => x !== k) : [...d.values, k].sort((a, b) => a - b);
    notice = '';
    render();
  }

  function move(q, place, to, dir) {
    if (view.state !== 'open') return;
    const d = draft(q);
    if (to < 0 || to >= d.values.length) return;
    [d.values[place], d.values[to]] = [d.values[to], d.values[place]];
    d.moved = d.values[to];
    notice = '';
    render();
    // The keyboard focus follows the item, so the same key moves it on.
    const next = document.querySelector(`[data-key="${dir}${to}"]`);
    const other = document.querySelector(`[data-key="${dir === 'up' ? 'down' : 'up'}${to}"]`);
    const target = next && !next.disabled ? next : other;
    if (target && document.activeElement && document.activeElement.closest('.order')) target.focus({ preventScroll: true });
  }

  function sendDraft(q) {
    const d = draft(q);
    if (view.state !== 'open' || (shapeOf(q) === 'several' && !d.values.length)) return;
    answer(0, d.values.slice());
  }

  function sendButton(q) {
    return h('button', { type: 'button', class: 'primary send', id: 'send', 'data-key': 'send', onclick: () => sendDraft(q) });
  }
  function updateSend(q) {
    const b = document.getElementById('send');
    if (!b) return;
    const open = view.state === 'open';
    const values = listValues(q);
    const done = !!sentValues() && sameList(values, sentValues());
    b.disabled = !open || done || (shapeOf(q) === 'several' && !values.length);
    b.textContent = done ? `✓ ${t().sent}` : t().send;
  }

  function renderSeveral(q) {
    const open = view.state === 'open';
    const values = listValues(q);
    return h('div', null,
      h('div', { class: 'options', role: 'group', 'aria-label': local(q.title) },
        q.options.map((o, k) => h('button', {
          type: 'button', class: 'option toggle', id: `option-${k + 1}`, 'data-key': `o${k}`,
          'aria-pressed': values.includes(k) ? 'true' : 'false', disabled: !open, onclick: () => toggle(q, k),
        }, h('span', { class: 'box', 'aria-hidden': 'true' }, '✓'), h('span', null, local(o))))),
      sendButton(q));
  }

  function renderOrder(q) {
    const open = view.state === 'open';
    const rows = listValues(q).map((_, p) => h('li', { class: 'order-row', id: `place-${p + 1}` },
      h('span', { class: 'num', 'aria-hidden': 'true' }, String(p + 1)),
      h('span', { class: 'text' }),
      h('span', { class: 'moves' },
        h('button', { type: 'button', class: 'move', id: `up-${p + 1}`, 'data-key': `up${p}`, disabled: !open,
                      onclick: () => move(q, p, p - 1, 'up') }, '↑'),
        h('button', { type: 'button', class: 'move', id: `down-${p + 1}`, 'data-key': `down${p}`, disabled: !open,
                      onclick: () => move(q, p, p + 1, 'down') }, '↓'))));
    return h('div', null, h('ol', { class: 'order', id: 'order', 'aria-label': local(q.title) }, rows), sendButton(q));
  }

  // The rows keep their buttons (a finger may be on one); only their texts and states change.
  function updateOrder(q) {
    const values = listValues(q);
    const open = view.state === 'open';
    const d = open ? draft(q) : { moved: null };
    values.forEach((o, p) => {
      const row = document.getElementById(`place-${p + 1}`);
      if (!row) return;
      const text = local(q.options[o]);
      row.querySelector('.text').textContent = text;
      row.setAttribute('aria-label', `${t().place(p + 1)}: ${text}`);
      const up = row.querySelector(`[data-key="up${p}"]`);
      const down = row.querySelector(`[data-key="down${p}"]`);
      up.disabled = !open || p === 0;
      down.disabled = !open || p === values.length - 1;
      up.setAttribute('aria-label', `${t().up}: ${text}`);
      down.setAttribute('aria-label', `${t().down}: ${text}`);
      row.classList.toggle('moved', d.moved === o);
    });
  }

  function renderAnswer(q) {
    switch (shapeOf(q)) {
      case 'several': return renderSeveral(q);
      case 'order': return renderOrder(q);
      default: return renderOptions(q);
    }
  }

  function renderCheck(q) {
    const open = view.state === 'open';
    return q.items.map((item, i) => {
      const s = shown(i);
      const steps = [1, 2, 3, 4, 5].map((v) => h('button', {
        type: 'button', class: 'step', id: `item-${i + 1}-${v}`, 'data-key': `i${i}v${v}`, disabled: !open,
        'aria-pressed': s.answered && s.value === v ? 'true' : 'false', 'aria-label': `${v}`,
        onclick: () => { answer(i, v); scrollToNext(i); },
      }, String(v)));
      return h('section', { class: `card item${s.answered ? ' done' : ''}`, id: `item-${i + 1}` },
        item.phase === 'retro' ? h('p', { class: 'retro' }, t().retroQuestion) : null,
        h('p', { class: 'statement' }, local(item.text)),
        h('div', { class: 'scale', role: 'group', 'aria-label': local(item.text) }, steps),
        h('div', { class: 'ends', 'aria-hidden': 'true' }, h('span', null, local(item.low)), h('span', null, local(item.high))),
        item.dontKnow ? h('button', {
          type: 'button', class: 'dontknow', id: `item-${i + 1}-dk`, 'data-key': `i${i}dk`, disabled: !open,
          'aria-pressed': s.answered && s.value === null ? 'true' : 'false',
          onclick: () => { answer(i, null); scrollToNext(i); },
        }, t().dontKnow) : null,
        itemChip(i));
    });
  }

  // A small confirmation on each statement: received, sending, or waiting to be sent again.
  function itemChip(i) {
    const s = shown(i);
    const text = !s.answered ? '' : s.pending === 'retrying' ? t().retrying : s.pending ? t().sending : `✓ ${t().itemSaved}`;
    return h('p', { class: `chip${s.pending === 'retrying' ? ' warn' : s.pending ? '' : ' ok'}`, id: `chip-${i + 1}`,
                    hidden: !text }, text);
  }

  // After an answer, bring the next open statement into view, but only when it is not in view already:
  // the page does not move under a thumb that is about to tap.
  function scrollToNext(i) {
    const q = view.question;
    for (let k = i + 1; k < q.items.length; ++k) {
      if (!shown(k).answered) {
        const el = document.getElementById(`item-${k + 1}`);
        if (!el) return;
        const r = el.getBoundingClientRect();
        if (r.top >= 0 && r.bottom <= window.innerHeight) return;
        const calm = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        el.scrollIntoView({ behavior: calm ? 'auto' : 'smooth', block: 'center' });
        return;
      }
    }
  }

  function renderOrderTally(q, tally) {
    const mine = sentValues() || [];
    const places = (tally.positions || []).map((counts, p) => {
      const most = Math.max(0, ...counts);
      const names = counts.map((n, o) => (n === most && most > 0 ? o : -1)).filter((o) => o >= 0);
      const isMine = names.includes(mine[p]);
      return h('li', { class: `place-row${isMine ? ' mine' : ''}` },
        h('span', null, names.map((o) => local(q.options[o])).join(' / '), isMine ? ` (${t().yours})` : ''),
        h('b', null, names.length > 1 ? t().each(most, tally.answers) : t().ofTotal(most, tally.answers)));
    });
    return h('div', null, h('h2', null, t().revealTitle), h('p', { class: 'muted' }, t().answers(tally.answers)),
      h('div', { id: 'tally' }, h('p', { class: 'exact' }, t().exact(tally.exact, tally.answers)),
        h('p', { class: 'muted' }, t().mostPerPlace), h('ol', { class: 'places' }, places)));
  }

  function renderTally(q) {
    const tally = view.tally && view.tally[0];
    if (!tally || !tally.shown) return h('p', { class: 'status wait', id: 'tally' }, t().tooFew);
    if (shapeOf(q) === 'order') return renderOrderTally(q, tally);
    const total = tally.answers || 1;
    const mine = shown(0);
    const several = shapeOf(q) === 'several';
    return h('div', null, h('h2', null, t().revealTitle),
      h('p', { class: 'muted' }, t().answers(tally.answers), several ? ` · ${t().tickedNote}` : ''),
      h('div', { class: 'bars', id: 'tally' }, q.options.map((o, k) => {
        const n = tally.counts[k] || 0;
        const fill = h('div', { class: 'fill' });
        fill.style.width = `${Math.round((100 * n) / total)}%`;
        const isMine = mine.answered && (several ? (sentValues() || []).includes(k) : mine.value === k);
        return h('div', { class: `bar-row${isMine ? ' mine' : ''}` },
          h('div', { class: 'label' }, h('span', null, local(o), isMine ? ` (${t().yours})` : ''), h('b', null, String(n))),
          h('div', { class: 'track' }, fill));
      })));
  }

  function renderLive() {
    const q = view.question;
    if (!q) return [message('✓', t().waitingTitle, t().waitingText)];
    const phase = q.kind === 'check' && q.items.length ? t().phase[q.items[0].phase] : null;
    const head = card(
      h('p', { class: 'kicker' }, phase || t().kind[q.kind] || ''),
      h('h1', { id: 'title' }, local(q.title)),
      q.kind === 'check' ? h('p', { class: 'muted' }, t().checkHint(q.items.length)) : null,
      q.kind === 'check' ? null : renderAnswer(q),
      q.kind === 'check' ? null : statusLine(q),
      local(q.note) ? h('p', { class: 'note' }, local(q.note)) : null);
    const out = [head];
    if (q.kind === 'check') {
      out.push(...renderCheck(q));
      out.push(card(statusLine(q)));
    }
    if (view.state === 'revealed' && q.kind !== 'check') out.push(card(renderTally(q)));
    return out;
  }

  // What decides the page's structure; anything else (which answer is pressed, the status line) is updated
  // in place, so a button under a finger is never swapped for a new one between touch and click.
  function structureKey() {
    const q = view && view.question;
    return [screen, lang, q ? q.id : '', view ? view.state : ''].join('|');
  }
  let renderedKey = null;

  function render() {
    const key = structureKey();
    if (key === renderedKey && screen === 'live') {
      refresh();
    } else {
      rebuild();
      renderedKey = key;
    }
    showBanner(online ? bannerKind : 'offline');
  }

  function refresh() {
    const q = view && view.question;
    if (!q) return;
    const main = document.getElementById('main');
    if (q.kind === 'check') {
      q.items.forEach((item, i) => {
        const s = shown(i);
        for (let v = 1; v <= 5; ++v) {
          const b = main.querySelector(`[data-key="i${i}v${v}"]`);
          if (b) b.setAttribute('aria-pressed', s.answered && s.value === v ? 'true' : 'false');
        }
        const dk = main.querySelector(`[data-key="i${i}dk"]`);
        if (dk) dk.setAttribute('aria-pressed', s.answered && s.value === null ? 'true' : 'false');
        const cardEl = document.getElementById(`item-${i + 1}`);
        if (cardEl) cardEl.classList.toggle('done', s.answered);
        const chip = document.getElementById(`chip-${i + 1}`);
        if (chip) chip.replaceWith(itemChip(i));
      });
    } else if (shapeOf(q) === 'several') {
      const values = listValues(q);
      q.options.forEach((_, k) => {
        const b = main.querySelector(`[data-key="o${k}"]`);
        if (b) b.setAttribute('aria-pressed', values.includes(k) ? 'true' : 'false');
      });
      updateSend(q);
    } else if (shapeOf(q) === 'order') {
      updateOrder(q);
      updateSend(q);
    } else {
      const s = shown(0);
      q.options.forEach((_, k) => {
        const b = main.querySelector(`[data-key="o${k}"]`);
        if (b) b.setAttribute('aria-pressed', s.answered && s.value === k ? 'true' : 'false');
      });
    }
    const status = document.getElementById('status');
    if (status) status.replaceWith(statusLine(q));
  }

  function rebuild() {
    const main = document.getElementById('main');
    const focusedKey = document.activeElement && document.activeElement.getAttribute('data-key');
    let content;
    switch (screen) {
      case 'code': content = [codeForm('')]; break;
      case 'wrong-room': content = [codeForm(t().wrongRoom)]; break;
      case 'full': content = [message('!', t().fullTitle, t().fullText)]; break;
      case 'finished': content = [message('✓', t().finishedTitle, t().finishedText)]; break;
      case 'live': content = renderLive(); break;
      default:
        content = [h('section', { class: 'card center' }, h('div', { class: 'spinner', 'aria-hidden': 'true' }),
                     h('p', { class: 'lead' }, t().connecting))];
    }
    main.replaceChildren(...content);
    const q = screen === 'live' && view && view.question;
    if (q && shapeOf(q) === 'order') updateOrder(q);
    if (q && shapeOf(q) !== 'one') updateSend(q);
    if (focusedKey) {
      const again = main.querySelector(`[data-key="${focusedKey}"]`);
      if (again) again.focus({ preventScroll: true });
    }
    document.body.dataset.screen = screen;
    document.body.dataset.state = view ? view.state : '';
    document.body.dataset.question = view && view.question ? view.question.id : '';
    const roomEl = document.getElementById('room');
    roomEl.textContent = room;
    roomEl.hidden = !room || screen === 'code' || screen === 'wrong-room';
    const langButton = document.getElementById('lang');
    langButton.textContent = t().otherLang;
    langButton.setAttribute('aria-label', t().otherLangName);
    document.documentElement.lang = lang;
    document.getElementById('foot').textContent = t().anonymous;
  }

  // ---- start
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'nl' ? 'en' : 'nl';
    store.set('stageboost.lang', lang);
    render();
  });

  if (!room) {
    screen = 'code';
    render();
  } else {
    loadOutbox();
    join();
  }
})();
