// The live floor: queue tiles in green/yellow/red against each queue's thresholds, the agent grid, a chart of the
// waiting callers. Everything arrives on one Server-Sent Events stream (/api/floor/stream): a snapshot, then changes;
// times tick here every second. ?tv=1 is the TV mode (no bar, no buttons, big type); ?queue= filters.
import { api, el, clock, num, param, showError } from './api.js';
import { initPage } from './nav.js';
import { lineChart } from './charts.js';

const TV = param('tv') === '1';
const STATES = { ON_CALL: 'On call', RINGING: 'Ringing', PAUSED: 'Paused', AVAILABLE: 'Available',
  UNAVAILABLE: 'Unavailable', LOGGED_OUT: 'Logged out' };
const LEVEL_TEXT = { green: 'OK', yellow: 'Warning', red: 'Alert' };
const CHART_MINUTES = 30;
const SAMPLE_MS = 10_000;

const floor = {
  queues: new Map(), agents: new Map(), spies: [], version: -1,
  thresholds: { defaults: null, queues: [] }, today: new Map(),
};
let offset = 0; // server time - browser time, from the snapshot: times tick against the server's clock
let me = null;
let actions = null; // H4's floor-actions.js, when present and the user may act
let filter = param('queue') || '';
const samples = []; // [{at, total, perQueue: {q: n}}], the last 30 minutes, kept here only
const rows = new Map(); // agent -> {tr, version, cells}

document.body.classList.toggle('tv', TV);
start().catch((e) => { if (e.message !== 'role') showError(e); });

async function start() {
  const roles = ['SUPERVISOR', 'MANAGER', 'ADMIN', 'WALLBOARD'];
  if (TV) {
    me = await api('/api/me');
    if (!roles.includes(me.role)) throw new Error('This page is not for your role.');
  } else {
    me = await initPage({ roles });
    if (me.role === 'WALLBOARD') { location.replace('/wallboard.html?tv=1'); return; }
    if (me.role === 'SUPERVISOR' || me.role === 'ADMIN') {
      actions = await import('./floor-actions.js').catch(() => null);
    }
  }
  const select = document.getElementById('queue-filter');
  select.addEventListener('change', () => {
    filter = select.value;
    const url = new URL(location.href);
    if (filter) url.searchParams.set('queue', filter); else url.searchParams.delete('queue');
    history.replaceState(null, '', url);
    rows.forEach((r) => r.tr.remove());
    rows.clear();
    render();
  });
  connect();
  setInterval(tick, 1000);
  setInterval(sample, SAMPLE_MS);
}

// ---- the stream ----------------------------------------------------------------------------------------------

function connect() {
  const source = new EventSource('/api/floor/stream');
  source.addEventListener('snapshot', (e) => {
    const view = JSON.parse(e.data);
    offset = Date.parse(view.floor.at) - Date.now();
    floor.queues = new Map(view.floor.queues.map((q) => [q.queue, q]));
    floor.agents = new Map(view.floor.agents.map((a) => [a.agent, a]));
    floor.spies = view.floor.spies;
    floor.version = view.floor.version;
    floor.thresholds = view.thresholds;
    floor.today = new Map(view.today.queues.map((q) => [q.queue, q]));
    rows.forEach((r) => r.tr.remove());
    rows.clear();
    connection('live');
    if (!samples.length) sample();
    render();
  });
  source.addEventListener('changes', (e) => {
    const changes = JSON.parse(e.data);
    // A change may come again right after a snapshot that has it already: newer versions win.
    for (const q of changes.queues) {
      const known = floor.queues.get(q.queue);
      if (!known || known.version <= q.version) floor.queues.set(q.queue, q);
    }
    for (const a of changes.agents) {
      const known = floor.agents.get(a.agent);
      if (!known || known.version <= a.version) floor.agents.set(a.agent, a);
    }
    changes.removedQueues.forEach((q) => floor.queues.delete(q));
    changes.removedAgents.forEach((a) => floor.agents.delete(a));
    floor.spies = changes.spies;
    floor.version = Math.max(floor.version, changes.version);
    render();
  });
  source.addEventListener('today', (e) => {
    floor.today = new Map(JSON.parse(e.data).queues.map((q) => [q.queue, q]));
    render();
  });
  source.addEventListener('thresholds', (e) => {
    floor.thresholds = JSON.parse(e.data);
    render();
  });
  source.addEventListener('open', () => connection('live'));
  source.addEventListener('error', () => {
    connection('reconnecting');
    // The browser retries by itself after a dropped stream; a refused one (503, 401) it gives up: retry here.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
  });
}

function connection(state) {
  const box = document.getElementById('connection');
  box.textContent = state === 'live' ? 'live' : 'reconnecting…';
  box.className = 'wb-connection ' + (state === 'live' ? 'good' : 'bad');
  document.body.dataset.connection = state;
}

// ---- levels --------------------------------------------------------------------------------------------------

function thresholdsOf(queue) {
  return floor.thresholds.queues.find((t) => t.queue === queue) || floor.thresholds.defaults;
}

/** Higher is worse: yellow/red at or above the level. Lower is worse (service level): below it. */
function level(value, limits, lowerIsWorse = false) {
  if (value === null || value === undefined || !limits) return 'green';
  if (lowerIsWorse) return value < limits.red ? 'red' : value < limits.yellow ? 'yellow' : 'green';
  return value >= limits.red ? 'red' : value >= limits.yellow ? 'yellow' : 'green';
}

const RANK = { green: 0, yellow: 1, red: 2 };

function now() {
  return Date.now() + offset;
}

function secondsSince(iso) {
  return iso ? Math.max(0, (now() - Date.parse(iso)) / 1000) : null;
}

function queueFigures(name) {
  const q = floor.queues.get(name);
  const t = floor.today.get(name);
  const limits = thresholdsOf(name);
  const waiting = q ? q.waiting.length : 0;
  const longest = q ? secondsSince(q.longestWaitingSince) : null;
  const figures = [
    { key: 'waiting', label: 'Waiting', value: waiting, text: String(waiting), level: level(waiting, limits.waiting) },
    { key: 'longest-wait', label: 'Longest wait', value: longest, text: longest === null ? '–' : clock(longest),
      level: level(longest, limits.longestWaitSec) },
    { key: 'service-level', label: 'Service level today', value: t?.serviceLevelPct ?? null,
      text: t?.serviceLevelPct == null ? '–' : num(t.serviceLevelPct, 0) + ' %',
      level: level(t?.serviceLevelPct ?? null, limits.serviceLevelPct, true) },
    { key: 'abandoned', label: 'Abandoned today', value: t?.abandonedPct ?? null,
      text: t?.abandonedPct == null ? '–' : num(t.abandonedPct, 0) + ' % (' + t.abandoned + ')',
      level: level(t?.abandonedPct ?? null, limits.abandonedPct) },
    { key: 'callbacks', label: 'Callbacks due / overdue', value: t?.callbacksOverdue ?? 0,
      text: (t?.callbacksDue ?? 0) + ' / ' + (t?.callbacksOverdue ?? 0),
      level: level(t?.callbacksOverdue ?? 0, limits.callbacksOverdue) },
  ];
  const worst = figures.reduce((w, f) => (RANK[f.level] > RANK[w] ? f.level : w), 'green');
  return { q, figures, worst };
}

// ---- drawing -------------------------------------------------------------------------------------------------

let scheduled = false;
function render() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    drawFilter();
    drawQueues();
    drawAgents();
    drawChart();
    document.body.dataset.version = String(floor.version);
  });
}

function queueNames() {
  const names = new Set([...floor.queues.keys(), ...floor.today.keys()]);
  return [...names].sort();
}

function drawFilter() {
  const select = document.getElementById('queue-filter');
  const names = queueNames();
  const have = [...select.options].slice(1).map((o) => o.value);
  if (have.join('\n') !== names.join('\n')) {
    select.replaceChildren(el('option', { value: '' }, 'all queues'), ...names.map((n) => el('option', { value: n }, n)));
  }
  select.value = names.includes(filter) ? filter : '';
}

function drawQueues() {
  const box = document.getElementById('queues');
  const names = queueNames().filter((n) => !filter || n === filter);
  box.replaceChildren(...names.map(tile));
  if (!names.length) box.append(el('p', { class: 'info' }, 'No queue has members or calls yet.'));
}

function tile(name) {
  const { q, figures, worst } = queueFigures(name);
  const alarms = figures.filter((f) => f.level !== 'green').map((f) => f.label.toLowerCase());
  return el('article', { class: 'wb-tile level-' + worst, dataset: { queue: name, level: worst } },
    el('header', {},
      el('h2', {}, name),
      el('span', { class: 'wb-level', dataset: { level: worst } },
        LEVEL_TEXT[worst] + (alarms.length ? ': ' + alarms.join(', ') : ''))),
    el('dl', {}, ...figures.map((f) => [
      el('dt', {}, f.label),
      el('dd', { class: 'wb-figure level-' + f.level, dataset: { figure: f.key, level: f.level } }, f.text,
        f.level !== 'green' ? el('span', { class: 'wb-mark' }, ' ' + (f.level === 'red' ? '▲▲' : '▲')) : null),
    ])),
    el('p', { class: 'wb-members' }, q
      ? `${q.loggedIn} logged in · ${q.available} available · ${q.onCall} on call · ${q.ringing} ringing · `
        + `${q.paused} paused` + (q.unavailable ? ` · ${q.unavailable} unavailable` : '')
      : 'no members'));
}

function visibleAgents() {
  return [...floor.agents.values()]
    .filter((a) => !filter || a.queues.includes(filter) || a.call?.queue === filter)
    .sort((a, b) => a.agent.localeCompare(b.agent));
}

function drawAgents() {
  const body = document.querySelector('#agents tbody');
  const agents = visibleAgents();
  const wanted = new Set(agents.map((a) => a.agent));
  for (const [name, row] of rows) {
    if (!wanted.has(name)) { row.tr.remove(); rows.delete(name); }
  }
  let previous = null;
  for (const a of agents) {
    let row = rows.get(a.agent);
    const spyKey = spiesOn(a.agent).map((s) => s.supervisor + s.mode).join();
    if (!row || row.version !== a.version || row.spyKey !== spyKey) {
      const tr = agentRow(a);
      if (row) row.tr.replaceWith(tr);
      row = { tr, version: a.version, spyKey, agent: a };
      rows.set(a.agent, row);
    }
    // Keeps the rows in name order without rebuilding them.
    const expected = previous ? previous.nextSibling : body.firstChild;
    if (expected !== row.tr) body.insertBefore(row.tr, expected);
    previous = row.tr;
  }
  const counts = {};
  agents.forEach((a) => { counts[a.state] = (counts[a.state] || 0) + 1; });
  document.getElementById('agent-counts').textContent = Object.entries(counts)
    .map(([s, n]) => n + ' ' + STATES[s].toLowerCase()).join(' · ');
  tick();
}

function spiesOn(agent) {
  return floor.spies.filter((s) => s.agent === agent);
}

function agentRow(a) {
  const call = a.call;
  const spies = spiesOn(a.agent);
  const tr = el('tr', { class: 'wb-agent state-' + a.state.toLowerCase(), dataset: { agent: a.agent, state: a.state } },
    el('td', { class: 'wb-name' }, a.agent),
    el('td', { class: 'wb-state' }, el('span', { class: 'wb-state-badge' }, STATES[a.state] || a.state)),
    el('td', { class: 'wb-since', dataset: { since: a.since } }, ''),
    el('td', { class: 'wb-reason' }, a.state === 'PAUSED' ? (a.pauseReason || 'no reason given') : ''),
    el('td', { class: 'wb-call' }, call
      ? [el('span', {}, call.queue || 'direct call'),
        call.callerNumber ? el('span', { class: 'wb-caller' }, ' · ' + call.callerNumber) : null,
        el('span', { class: 'wb-duration', dataset: { since: call.since } }, ''),
        spies.length ? el('span', { class: 'wb-spy' }, ' · ' + spies.map((s) =>
          s.supervisor + ' ' + s.mode.toLowerCase() + 's' + (s.channel ? '' : ' (ringing)')).join(', ')) : null]
      : ''),
    el('td', { class: 'wb-today' }, String(a.callsToday)),
    el('td', { class: 'wb-actions' }));
  if (actions && !TV) {
    try {
      const node = actions.agentActions(a, me, filter || null);
      if (node) tr.querySelector('.wb-actions').append(node);
    } catch (e) {
      console.warn('floor actions', e);
    }
  }
  return tr;
}

/** Every second: the times in state, call durations, longest waits and their levels. */
function tick() {
  document.getElementById('clock').textContent = new Date(now()).toLocaleTimeString();
  for (const row of rows.values()) {
    const since = row.tr.querySelector('.wb-since');
    since.textContent = clock(secondsSince(since.dataset.since));
    const duration = row.tr.querySelector('.wb-duration');
    if (duration) duration.textContent = ' · ' + clock(secondsSince(duration.dataset.since));
  }
  for (const box of document.querySelectorAll('.wb-tile')) {
    const name = box.dataset.queue;
    const { figures, worst } = queueFigures(name);
    const longest = figures[1];
    const dd = box.querySelector('[data-figure="longest-wait"]');
    if (dd && (dd.dataset.level !== longest.level || box.dataset.level !== worst)) {
      box.replaceWith(tile(name));
    } else if (dd) {
      dd.firstChild.textContent = longest.text;
    }
  }
}

// ---- the chart -----------------------------------------------------------------------------------------------

function sample() {
  if (floor.version < 0) return;
  const perQueue = {};
  let total = 0;
  for (const q of floor.queues.values()) {
    perQueue[q.queue] = q.waiting.length;
    total += q.waiting.length;
  }
  samples.push({ at: now(), total, perQueue });
  while (samples.length && samples[0].at < now() - CHART_MINUTES * 60_000) samples.shift();
  drawChart();
}

function drawChart() {
  const points = samples.map((s) => ({
    x: new Date(s.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    y: filter ? (s.perQueue[filter] || 0) : s.total,
  }));
  const max = Math.max(4, ...points.map((p) => p.y));
  document.getElementById('waiting-chart').replaceChildren(
    lineChart(points, { max: Math.ceil(max / 4) * 4, title: 'Waiting callers' + (filter ? ' in ' + filter : '') }));
}
