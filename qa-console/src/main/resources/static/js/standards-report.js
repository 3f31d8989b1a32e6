// The daily standards report: a line per agent and day, the CSV of the same lines, and an agent's weekly trend.
import { api, el, query, showError, param } from './api.js';
import { initPage } from './nav.js';
import { lineChart } from './charts.js';

const me = await initPage({ roles: ['AGENT', 'SUPERVISOR', 'MANAGER', 'ADMIN'] });
const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');
const agentInput = document.getElementById('agent');
const queueInput = document.getElementById('queue');
const trendAgent = document.getElementById('trend-agent');
const weeksInput = document.getElementById('weeks');
let trend = null;

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
// An agent's report is their own: the server answers only their lines.
if (me.role === 'AGENT') { agentInput.value = me.agent || ''; agentInput.disabled = true; } else agentInput.value = param('agent') || '';
queueInput.value = param('queue') || '';
document.querySelectorAll('.preset').forEach((b) => b.addEventListener('click', () => { preset(Number(b.dataset.preset)); load(); }));
document.getElementById('range').addEventListener('submit', (e) => { e.preventDefault(); load(); });
trendAgent.addEventListener('change', drawTrend);
weeksInput.addEventListener('change', loadTrend);
load();

function filters() {
  return { from: fromInput.value, to: toInput.value, agent: me.role === 'AGENT' ? '' : agentInput.value.trim(), queue: queueInput.value.trim() };
}

async function load() {
  document.getElementById('message').hidden = true;
  const f = filters();
  history.replaceState(null, '', query(f));
  document.getElementById('csv').href = '/api/standards-report/daily.csv' + query(f);
  const body = document.querySelector('#daily tbody');
  try {
    const report = await api('/api/standards-report/daily' + query(f));
    document.getElementById('zone').textContent = report.zone;
    body.replaceChildren(...report.lines.map(row));
    if (!report.lines.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 10, class: 'info' }, 'No calls checked in this period.')));
    await loadTrend();
    document.body.dataset.loaded = JSON.stringify(f);
  } catch (error) {
    body.replaceChildren();
    showError(error);
    document.body.dataset.loaded = 'error';
  }
}

function percent(v) {
  return v === null || v === undefined ? '–' : (Math.round(v * 10) / 10) + '%';
}

function row(line) {
  const under = line.average !== null && line.passMark !== null && line.average < line.passMark;
  return el('tr', { dataset: { agent: line.agent, day: line.day } },
    el('td', {}, line.agent), el('td', {}, line.day), el('td', { class: 'calls' }, String(line.calls)),
    el('td', { class: 'average' + (under ? ' bad' : '') }, percent(line.average)),
    el('td', { class: 'pass-share' }, percent(line.passShare)), el('td', {}, percent(line.passMark)),
    el('td', { class: 'critical' + (line.criticalFails ? ' bad' : '') }, String(line.criticalFails)),
    el('td', { class: 'failed' }, line.mostFailed.map((i) => i.label + ' (' + i.count + ')').join(', ') || '–'),
    el('td', {}, String(line.promisesMade)),
    el('td', { class: line.promisesBroken ? 'bad' : '' }, String(line.promisesBroken)));
}

/** The trend ends with the week of the period's last day. */
async function loadTrend() {
  const f = filters();
  trend = await api('/api/standards-report/weekly' + query({ to: f.to, weeks: weeksInput.value || 8, agent: f.agent, queue: f.queue }));
  const chosen = trendAgent.value;
  trendAgent.replaceChildren(...trend.agents.map((a) => el('option', { value: a.agent }, a.agent)));
  if (trend.agents.some((a) => a.agent === chosen)) trendAgent.value = chosen;
  drawTrend();
}

function drawTrend() {
  const agent = trend && trend.agents.find((a) => a.agent === trendAgent.value);
  const weeks = agent ? agent.weeks : [];
  document.getElementById('trend').replaceChildren(lineChart(weeks.filter((w) => w.average !== null)
    .map((w) => ({ x: w.week, y: w.average })), { title: 'Automatic average per ISO week' }));
  const body = document.querySelector('#weekly tbody');
  body.replaceChildren(...weeks.map((w) => el('tr', { dataset: { week: w.week } }, el('td', {}, w.week),
    el('td', {}, String(w.calls)), el('td', {}, percent(w.average)))));
  if (!weeks.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 3, class: 'info' }, 'No scores in these weeks.')));
}
