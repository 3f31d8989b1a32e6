// The review queue: the calls to look at first, each with its reasons and a link to the call; a period, filters, pages.
import { api, el, query, dateTime, showError, param } from './api.js';
import { initPage } from './nav.js';

await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
const LABELS = {
  CRITICAL_FAILED: 'Critical item failed', DISPUTED: 'Disputed evaluation', BROKEN_PROMISE: 'Broken promise',
  LOW_SURVEY: 'Low survey', LOW_AUTOMATIC_SCORE: 'Low automatic score',
};
const PAGE = 25;
const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');
const reasonSelect = document.getElementById('reason');
const agentInput = document.getElementById('agent');
const queueInput = document.getElementById('queue');
let offset = Number(param('offset') || 0);

function isoDay(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}
function preset(days) {
  const to = new Date();
  const from = new Date();
  from.setDate(from.getDate() - days);
  fromInput.value = isoDay(from);
  toInput.value = isoDay(to);
}

if (param('from') && param('to')) { fromInput.value = param('from'); toInput.value = param('to'); } else preset(6);
reasonSelect.value = param('reason') || '';
agentInput.value = param('agent') || '';
queueInput.value = param('queue') || '';
document.querySelectorAll('.preset').forEach((b) => b.addEventListener('click', () => {
  preset(Number(b.dataset.preset)); offset = 0; load();
}));
document.getElementById('range').addEventListener('submit', (e) => { e.preventDefault(); offset = 0; load(); });
reasonSelect.addEventListener('change', () => { offset = 0; load(); });
document.getElementById('prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
document.getElementById('next').addEventListener('click', () => { offset += PAGE; load(); });
load();

/** The days in the browser's zone: from the first day's midnight to the midnight after the last day. */
function range() {
  const from = new Date(fromInput.value + 'T00:00:00');
  const to = new Date(toInput.value + 'T00:00:00');
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

async function load() {
  document.getElementById('message').hidden = true;
  const filters = { reason: reasonSelect.value, agent: agentInput.value.trim(), queue: queueInput.value.trim() };
  history.replaceState(null, '', query({ from: fromInput.value, to: toInput.value, ...filters, offset: offset || '' }));
  const body = document.querySelector('#review-queue tbody');
  try {
    const page = await api('/api/review-queue' + query({ ...range(), ...filters, limit: PAGE, offset }));
    body.replaceChildren(...page.items.map((entry, i) => row(entry, page.offset + i + 1)));
    if (!page.items.length) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'info' }, 'Nothing to review in this period.')));
    }
    document.getElementById('counts').textContent = page.total + (page.total === 1 ? ' call' : ' calls') + ': '
      + Object.entries(page.counts).filter(([, n]) => n > 0).map(([k, n]) => LABELS[k] + ' ' + n).join(' · ');
    const last = Math.min(page.offset + page.items.length, page.total);
    document.getElementById('page-info').textContent = page.total ? (page.offset + 1) + '–' + last + ' of ' + page.total : '';
    document.getElementById('prev').hidden = page.offset === 0;
    document.getElementById('next').hidden = last >= page.total;
    document.body.dataset.loaded = JSON.stringify({ ...range(), ...filters, offset });
  } catch (error) {
    body.replaceChildren();
    showError(error);
    document.body.dataset.loaded = 'error';
  }
}

function row(entry, position) {
  const top = entry.reasons[0];
  return el('tr', { dataset: { call: entry.callId, reason: entry.reason, priority: entry.priority } },
    el('td', {}, String(position)),
    el('td', { class: 'reason' }, el('span', { class: 'badge bad' }, LABELS[entry.reason] || entry.reason), ' ',
      el('span', { class: 'detail' }, entry.detail), el('div', { class: 'sub' }, dateTime(top.at))),
    el('td', {}, el('a', { href: entry.link, class: 'call-link' }, 'Call ' + entry.callId)),
    el('td', {}, dateTime(entry.startedAt)), el('td', {}, entry.agent || '–'), el('td', {}, entry.queue || '–'),
    el('td', { class: 'others' }, entry.reasons.slice(1).map((r) =>
      el('div', { dataset: { reason: r.kind } }, el('span', { class: 'badge' }, LABELS[r.kind] || r.kind), ' ', r.detail))));
}
