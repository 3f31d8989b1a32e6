// Mystery shopper: the test calls of a period per agent and per call; for supervisors and admins also the standard
// that scores test calls and the shoppers' numbers.
import { api, el, query, dateTime, num, showError, showInfo, param } from './api.js';
import { initPage } from './nav.js';

const me = await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
const manages = me.role === 'SUPERVISOR' || me.role === 'ADMIN';
const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');

function isoDay(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}
if (param('from') && param('to')) {
  fromInput.value = param('from');
  toInput.value = param('to');
} else {
  const from = new Date();
  from.setDate(from.getDate() - 29);
  fromInput.value = isoDay(from);
  toInput.value = isoDay(new Date());
}
document.getElementById('range').addEventListener('submit', (e) => { e.preventDefault(); load(); });

/** The days in the browser's zone: from the first day's midnight to the midnight after the last day. */
function range() {
  const from = new Date(fromInput.value + 'T00:00:00');
  const to = new Date(toInput.value + 'T00:00:00');
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

async function load() {
  document.getElementById('message').hidden = true;
  history.replaceState(null, '', query({ from: fromInput.value, to: toInput.value }));
  try {
    const report = await api('/api/mystery-shopper/report' + query(range()));
    document.getElementById('standard-used').textContent = 'Test calls are scored with '
      + (report.standardName ? 'the standard "' + report.standardName + '"' : 'their queue\'s standard') + '.';
    const agents = document.querySelector('#agents tbody');
    agents.replaceChildren(...report.agents.map((a) => el('tr', { dataset: { agent: a.agent } },
      el('td', {}, a.agent), el('td', {}, String(a.calls)), el('td', {}, String(a.scored)),
      el('td', { class: 'average' }, num(a.average)),
      el('td', {}, a.scored ? a.passed + ' (' + num(100 * a.passShare, 0) + ' %)' : '–'),
      el('td', {}, String(a.criticalFailed)))));
    if (!report.agents.length) agents.replaceChildren(empty(6));
    const calls = document.querySelector('#calls tbody');
    calls.replaceChildren(...report.calls.map(callRow));
    if (!report.calls.length) calls.replaceChildren(empty(8));
    document.body.dataset.loaded = JSON.stringify(range());
  } catch (error) {
    showError(error);
    document.body.dataset.loaded = 'error';
  }
}

function empty(columns) {
  return el('tr', {}, el('td', { colspan: columns, class: 'info' }, 'No test calls in this period.'));
}

function callRow(c) {
  const score = c.score === null || c.score === undefined
    ? el('span', { class: 'sub' }, 'not scored yet')
    : el('span', { class: c.passed ? 'good' : 'bad' }, num(c.score) + (c.passed ? ' passed' : ' failed'));
  return el('tr', { dataset: { call: c.callId } },
    el('td', {}, el('a', { href: '/call.html?id=' + c.callId }, '#' + c.callId)),
    el('td', {}, dateTime(c.startedAt)), el('td', {}, c.agent || '–'), el('td', {}, c.queue || '–'),
    el('td', {}, c.callerNumber || '–'),
    el('td', {}, c.source === 'NUMBER' ? 'by number' : 'by ' + c.markedBy),
    el('td', { class: 'score' }, score, c.standard ? el('div', { class: 'sub' }, c.standard + ' v' + c.version) : null),
    el('td', { class: 'failed' }, ...c.failedItems.map((i) =>
      el('span', { class: 'badge' + (i.critical ? ' bad' : '') }, i.label))));
}

async function loadManagement() {
  document.getElementById('manage').hidden = false;
  const [setting, standards, numbers] = await Promise.all([api('/api/mystery-shopper/settings'),
    api('/api/standards'), api('/api/mystery-shopper/numbers')]);
  const select = document.getElementById('standard');
  select.replaceChildren(el('option', { value: '' }, 'the queue\'s standard'),
    ...standards.map((s) => el('option', { value: String(s.id) }, s.name)));
  select.value = setting.standardId ? String(setting.standardId) : '';
  document.querySelector('#numbers tbody').replaceChildren(...numbers.map((n) => el('tr', { dataset: { number: n.number } },
    el('td', {}, n.number), el('td', {}, n.note || ''), el('td', {}, dateTime(n.marksFrom)),
    el('td', {}, n.addedBy + ', ' + dateTime(n.addedAt)),
    el('td', {}, el('button', { type: 'button', class: 'remove', onclick: () => remove(n.number) }, 'Remove')))));
}

async function remove(number) {
  try {
    await api('/api/mystery-shopper/numbers/' + encodeURIComponent(number), { method: 'DELETE' });
    showInfo('Removed ' + number + ': its later calls are regular calls; the calls marked so far stay test calls.');
    await loadManagement();
  } catch (error) { showError(error); }
}

if (manages) {
  document.getElementById('setting-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = document.getElementById('standard').value;
    try {
      await api('/api/mystery-shopper/settings', { method: 'PUT', body: { standardId: value ? Number(value) : null } });
      await load();
      showInfo('Saved: test calls scored from now on use this standard.');
    } catch (error) { showError(error); }
  });
  document.getElementById('number-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const days = document.getElementById('mark-days').value;
    try {
      const added = await api('/api/mystery-shopper/numbers', { method: 'POST', body: {
        number: document.getElementById('number').value, note: document.getElementById('note').value,
        markDays: days === '' ? null : Number(days) } });
      document.getElementById('number').value = '';
      document.getElementById('note').value = '';
      await loadManagement();
      await load();
      showInfo('Added ' + added.number.number + ': ' + added.markedCalls + ' earlier call(s) marked, '
        + added.rescoredCalls + ' scored again.');
    } catch (error) { showError(error); }
  });
  loadManagement().catch(showError);
}
load();
