// Manager dashboard: tiles (totals over the range), charts per day or hour, a per queue/agent table, the leaderboard.
import { api, el, query, num, showError, param } from './api.js';
import { initPage } from './nav.js';
import { barChart } from './charts.js';

await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');

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
if (param('per') === 'AGENT') document.getElementById('per-agent').checked = true;
document.querySelectorAll('.preset').forEach((b) => b.addEventListener('click', () => { preset(Number(b.dataset.preset)); load(); }));
document.getElementById('range').addEventListener('submit', (e) => { e.preventDefault(); load(); });
document.querySelectorAll('input[name=per]').forEach((r) => r.addEventListener('change', load));
load();

/** The range in the browser's zone: from the first day's midnight to the midnight after the last day. */
function range() {
  const from = new Date(fromInput.value + 'T00:00:00');
  const to = new Date(toInput.value + 'T00:00:00');
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString(), zone };
}

function per() {
  return document.querySelector('input[name=per]:checked').value;
}

async function load() {
  document.getElementById('message').hidden = true;
  const r = range();
  const groupBy = per();
  const overTime = (new Date(r.to) - new Date(r.from)) <= 2 * 86400000 ? 'HOUR' : 'DAY';
  history.replaceState(null, '', query({ from: fromInput.value, to: toInput.value, per: groupBy }));
  document.getElementById('export').href = '/api/dashboard/export.csv' + query({ ...r, groupBy });
  try {
    // Tiles come from the per-queue rows (one queue: exactly the API's numbers), charts from the DAY/HOUR rows.
    const [byQueue, timed, byAgent] = await Promise.all([
      api('/api/dashboard' + query({ ...r, groupBy: 'QUEUE' })),
      api('/api/dashboard' + query({ ...r, groupBy: overTime })),
      groupBy === 'AGENT' ? api('/api/dashboard' + query({ ...r, groupBy: 'AGENT' })) : Promise.resolve(null),
    ]);
    tiles(byQueue);
    breakdown(byAgent ? byAgent.calls : byQueue.calls, groupBy);
    leaderboard(byQueue.leaderboard || []);
    charts(timed.calls, overTime);
    document.body.dataset.loaded = r.from + '/' + r.to + '/' + groupBy;
  } catch (error) {
    showError(error);
  }
}

function sum(rows, field) {
  return rows.reduce((s, r) => s + (r[field] || 0), 0);
}

/** An average over groups, weighted by the count the average was taken over. */
function weighted(rows, field, weight) {
  let total = 0, n = 0;
  for (const r of rows) {
    if (r[field] === null || r[field] === undefined) continue;
    const w = typeof weight === 'function' ? weight(r) : (r[weight] || 0);
    total += r[field] * w;
    n += w;
  }
  return n ? total / n : null;
}

function set(id, text) {
  document.getElementById(id).textContent = text;
}

function tiles(d) {
  // The API's totals over every queue are exact; the weighted sums below then just read that one row.
  const calls = d.totalCalls ? [d.totalCalls] : (d.queues || []);
  const offered = sum(calls, 'offered');
  const answered = sum(calls, 'answered');
  const abandoned = sum(calls, 'abandoned');
  const shortAbandoned = sum(calls, 'shortAbandoned');
  const within = sum(calls, 'answeredWithinThreshold');
  set('tile-offered', offered);
  set('tile-answered', answered);
  set('tile-asa', num(weighted(calls, 'asaSec', 'answered'), 1));
  set('tile-service-level', offered - shortAbandoned > 0 ? num(100 * within / (offered - shortAbandoned), 1) : '–');
  set('tile-abandonment', offered - shortAbandoned > 0 ? num(100 * abandoned / (offered - shortAbandoned), 1) : '–');
  set('tile-abandoned-count', abandoned + ' abandoned, ' + shortAbandoned + ' short');
  set('tile-aht', num(weighted(calls, 'ahtSec', 'answered'), 1));
  const maxWaits = calls.map((c) => c.maxWaitSec).filter((v) => v !== null && v !== undefined);
  set('tile-max-wait', maxWaits.length ? num(Math.max(...maxWaits), 1) : '–');

  const cb = d.totalCallbacks ? [d.totalCallbacks] : (d.callbacks || []);
  const minutes = (v) => (v === null || v === undefined) ? null : v / 60;
  set('tile-callbacks-requested', sum(cb, 'requested'));
  // Across groups the averages are weighted by requests; with one group (the usual case) they are the API's numbers.
  set('tile-callback-first-avg', num(minutes(weighted(cb, 'firstAttemptAvgSec', 'requested')), 1));
  set('tile-callback-first-p90', cb.length === 1 ? num(minutes(cb[0].firstAttemptP90Sec), 1)
    : num(minutes(Math.max(...cb.map((c) => c.firstAttemptP90Sec).filter((v) => v !== null && v !== undefined), -Infinity)), 1)
      .replace('-Infinity', '–'));
  set('tile-callback-punctuality', num(minutes(weighted(cb, 'punctualityAvgSec', 'done')), 1));
  set('tile-callback-within-promise', num(weighted(cb, 'doneWithinPromisePct', 'requested'), 1));
  set('tile-callback-attempts', num(weighted(cb, 'attemptsPerRequest', 'requested'), 2));
  set('tile-callback-first-success', num(weighted(cb, 'firstAttemptSuccessPct', 'requested'), 1));
  set('tile-abandoned-reached', sum(cb, 'abandonedCallersReached') + ' of ' + sum(cb, 'abandonedCallers'));

  const s = d.satisfaction || {};
  set('tile-survey-responses', s.responses ?? 0);
  set('tile-satisfaction', num(s.average, 1));
  set('tile-nps', s.nps === null || s.nps === undefined ? '–' : num(s.nps, 0));
}

function breakdown(rows, groupBy) {
  set('breakdown-title', groupBy === 'AGENT' ? 'Per agent' : 'Per queue');
  document.querySelector('#breakdown tbody').replaceChildren(...rows.map((r) => el('tr', { dataset: { key: r.key ?? '' } },
    el('td', {}, r.key ?? (groupBy === 'AGENT' ? '(no agent)' : '–')), el('td', {}, r.offered), el('td', {}, r.answered),
    el('td', {}, r.abandoned), el('td', {}, num(r.asaSec)), el('td', {}, num(r.serviceLevelPct)), el('td', {}, num(r.ahtSec)),
    el('td', {}, num(r.averageSurveyScore)))));
}

function leaderboard(rows) {
  const sorted = [...rows].sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1)
    || (b.automaticAverage ?? -1) - (a.automaticAverage ?? -1) || (b.surveyAverage ?? -1) - (a.surveyAverage ?? -1));
  const percent = (v) => v === null || v === undefined ? '–' : num(v, 0) + '%';
  document.querySelector('#leaderboard tbody').replaceChildren(...sorted.map((r, i) => el('tr', { dataset: { agent: r.agent } },
    el('td', {}, i + 1), el('td', {}, r.agent), el('td', {}, percent(r.averageScore)),
    el('td', {}, r.evaluations ?? 0), el('td', { class: 'automatic-average' }, percent(r.automaticAverage)),
    el('td', { class: 'automatic-calls' }, r.automaticCalls ?? 0), el('td', {}, num(r.surveyAverage)),
    el('td', {}, r.answered ?? 0))));
}

function charts(rows, unit) {
  // Hour keys look like 2026-11-20T10:00 and day keys like 2026-11-20; the label keeps what changes.
  const label = (k) => String(k ?? '').substring(unit === 'HOUR' ? 11 : 5, unit === 'HOUR' ? 16 : 10);
  const sorted = [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  document.getElementById('chart-offered').replaceChildren(barChart(sorted.map((r) => ({ label: label(r.key), value: r.offered })),
    { title: 'Calls offered per ' + unit.toLowerCase() }));
  document.getElementById('chart-asa').replaceChildren(barChart(sorted.map((r) => ({ label: label(r.key), value: r.asaSec || 0 })),
    { title: 'ASA per ' + unit.toLowerCase(), format: (v) => num(v, 0) }));
}
