// The dashboard's agent states card: per agent over the dashboard's days, time logged in, available, ringing, on a
// call, paused (by reason) and unavailable, occupancy and utilization, as a table and a stacked bar per agent; the
// same figures per agent and day as CSV. Follows the range the dashboard shows.
import { api, el, query, num, clock, showError } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');
const table = document.getElementById('agent-states');

/** The stacked segments, busiest first; colours are SVG attributes (no inline styles under the page's CSP). */
const SEGMENTS = [
  { field: 'onCallSec', label: 'On call', colour: '#1f6feb' },
  { field: 'ringingSec', label: 'Ringing', colour: '#bf8700' },
  { field: 'availableSec', label: 'Available', colour: '#2da44e' },
  { field: 'pausedSec', label: 'Paused', colour: '#8250df' },
  { field: 'unavailableSec', label: 'Unavailable', colour: '#8c959f' },
];

// The dashboard marks each range it has shown on the body (data-loaded): show the same days then.
new MutationObserver(load).observe(document.body, { attributes: true, attributeFilter: ['data-loaded'] });
if (document.body.dataset.loaded) load();

async function load() {
  if (!fromInput.value || !toInput.value) return;
  const range = { from: fromInput.value, to: toInput.value, zone };
  document.getElementById('agent-states-export').href = '/api/dashboard/agent-states.csv' + query(range);
  try {
    const days = await api('/api/dashboard/agent-states' + query(range));
    const agents = perAgent(days);
    render(agents);
    table.dataset.loaded = range.from + '/' + range.to;
  } catch (error) { showError(error); }
}

/** The days of each agent added up; the ratios are recomputed from the sums, not averaged over days. */
function perAgent(days) {
  const byAgent = new Map();
  for (const d of days) {
    const a = byAgent.get(d.agent) || { agent: d.agent, loginSec: 0, availableSec: 0, ringingSec: 0, onCallSec: 0,
      pausedSec: 0, unavailableSec: 0, pausedByReason: {} };
    for (const f of ['loginSec', 'availableSec', 'ringingSec', 'onCallSec', 'pausedSec', 'unavailableSec']) a[f] += d[f] || 0;
    for (const [reason, sec] of Object.entries(d.pausedByReason || {})) a.pausedByReason[reason] = (a.pausedByReason[reason] || 0) + sec;
    byAgent.set(d.agent, a);
  }
  const ratio = (part, whole) => whole > 0 ? part / whole : null;
  return [...byAgent.values()].map((a) => ({ ...a,
    occupancy: ratio(a.onCallSec, a.onCallSec + a.ringingSec + a.availableSec),
    utilization: ratio(a.onCallSec, a.loginSec) }))
    .sort((x, y) => x.agent.localeCompare(y.agent));
}

function percent(ratio) {
  return ratio === null || ratio === undefined ? '–' : num(100 * ratio, 1) + '%';
}

function reasons(a) {
  const entries = Object.entries(a.pausedByReason).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  if (!entries.length) return '–';
  return entries.map(([reason, sec]) => (reason || '(no reason)') + ' ' + clock(sec)).join(', ');
}

function render(agents) {
  const body = table.querySelector('tbody');
  body.replaceChildren(...agents.map((a) => el('tr', { dataset: { agent: a.agent } },
    el('td', {}, a.agent), el('td', { class: 'login' }, clock(a.loginSec)),
    el('td', { class: 'available' }, clock(a.availableSec)), el('td', { class: 'ringing' }, clock(a.ringingSec)),
    el('td', { class: 'on-call' }, clock(a.onCallSec)), el('td', { class: 'paused' }, clock(a.pausedSec)),
    el('td', { class: 'paused-by-reason' }, reasons(a)), el('td', { class: 'unavailable' }, clock(a.unavailableSec)),
    el('td', { class: 'occupancy' }, percent(a.occupancy)), el('td', { class: 'utilization' }, percent(a.utilization)))));
  if (!agents.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 10, class: 'info' }, 'No agent states recorded in this period.')));
  }
  document.getElementById('chart-agent-states').replaceChildren(stackedBars(agents));
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One horizontal bar per agent, its segments the time per state; the longest login fills the width. */
function stackedBars(agents) {
  const row = 22, pad = { l: 130, r: 12, t: 30, b: 8 }, width = 720;
  const height = pad.t + pad.b + Math.max(1, agents.length) * row;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': 'Time per state and agent', preserveAspectRatio: 'xMidYMid meet' });
  let x = pad.l;
  for (const s of SEGMENTS) {
    root.append(svg('rect', { x, y: 8, width: 10, height: 10, fill: s.colour }),
      svg('text', { x: x + 14, y: 17, class: 'axis' }, s.label));
    x += 24 + s.label.length * 6;
  }
  if (!agents.length) {
    root.append(svg('text', { x: width / 2, y: pad.t + 14, 'text-anchor': 'middle', class: 'axis' }, 'no data'));
    return root;
  }
  const w = width - pad.l - pad.r;
  const max = Math.max(1, ...agents.map((a) => a.loginSec));
  agents.forEach((a, i) => {
    const y = pad.t + i * row;
    const group = svg('g', { 'data-agent': a.agent });
    group.append(svg('text', { x: pad.l - 6, y: y + row / 2 + 4, 'text-anchor': 'end', class: 'axis' }, a.agent));
    let at = pad.l;
    for (const s of SEGMENTS) {
      const sec = a[s.field] || 0;
      if (!sec) continue;
      const bw = w * sec / max;
      const rect = svg('rect', { x: at, y: y + 3, width: bw, height: row - 6, fill: s.colour, class: 'segment',
        'data-state': s.field });
      rect.append(svg('title', {}, a.agent + ': ' + s.label + ' ' + clock(sec)));
      group.append(rect);
      at += bw;
    }
    root.append(group);
  });
  return root;
}
