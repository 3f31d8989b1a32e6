// Agent home: own calls, scores over time, evaluations to acknowledge, and the caller's history during a live call.
import { api, el, query, clock, dateTime, num } from './api.js';
import { initPage } from './nav.js';
import { lineChart } from './charts.js';

const me = await initPage();
loadCalls();
loadEvaluations();
pollLiveCall();
setInterval(pollLiveCall, 5000);

async function loadCalls() {
  const body = document.querySelector('#my-calls tbody');
  try {
    const calls = await api('/api/calls' + query({ limit: 50 }));
    body.replaceChildren(...calls.map((c) => el('tr', { dataset: { callId: c.id } },
      el('td', {}, el('a', { href: '/call.html?id=' + c.id }, dateTime(c.startedAt))),
      el('td', {}, c.queue || '–'),
      el('td', {}, [c.callerNumber, c.callerName].filter(Boolean).join(' ') || '–'),
      el('td', {}, c.outcome || '–'),
      el('td', {}, clock(c.durationSec)),
      el('td', {}, clock(c.waitSec)),
      el('td', {}, typeof c.transcription === 'string' ? c.transcription : (c.transcription && c.transcription.state) || '–'),
      el('td', {}, c.score === null || c.score === undefined ? '–' : num(c.score, 0) + '%'),
      el('td', { class: 'auto-score' }, c.autoScore === null || c.autoScore === undefined ? '–' : num(c.autoScore, 0) + '%',
        c.autoCriticalFailed ? el('span', { class: 'badge bad' }, 'critical failed') : null))));
    if (!calls.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 9, class: 'info' }, 'No calls yet.')));
  } catch (error) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 9, class: 'info' },
      error.status === 404 ? 'The call list is not available on this server yet.' : 'Calls: ' + error.message)));
  }
}

async function loadEvaluations() {
  const list = document.getElementById('to-acknowledge');
  const chart = document.getElementById('score-chart');
  try {
    const evaluations = await api('/api/evaluations' + query({ agent: me.agent }));
    const open = evaluations.filter((e) => e.state === 'SUBMITTED');
    list.replaceChildren(...open.map((e) => el('li', { class: 'evaluation-row', dataset: { id: e.id } },
      el('a', { href: '/call.html?id=' + e.callId }, 'Call ' + e.callId), ' ',
      el('strong', {}, num(e.score, 0) + '%'), ' ',
      e.criticalFailed ? el('span', { class: 'badge bad' }, 'critical failed') : null,
      el('span', { class: 'info' }, ' by ' + e.evaluator + ' · ' + dateTime(e.submittedAt)))));
    if (!open.length) list.replaceChildren(el('li', { class: 'info' }, 'Nothing to acknowledge.'));
    const scored = evaluations.filter((e) => e.submittedAt && e.score !== null && e.state !== 'SUPERSEDED' && e.state !== 'DRAFT')
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    chart.replaceChildren(lineChart(scored.map((e) => ({ x: e.submittedAt.substring(0, 10), y: Math.round(e.score) })),
      { title: 'QA score per evaluation' }));
  } catch (error) {
    list.replaceChildren(el('li', { class: 'info' }, error.status === 404 ? 'Scoring is not available yet.' : error.message));
    chart.replaceChildren(lineChart([], {}));
  }
}

let liveCallId = null;

async function pollLiveCall() {
  const section = document.getElementById('live');
  let live;
  try {
    live = await api('/api/me/live-call');
  } catch (error) {
    section.hidden = true;
    return;
  }
  if (!live || !live.call) {
    section.hidden = true;
    liveCallId = null;
    return;
  }
  section.hidden = false;
  if (live.call.id === liveCallId) return;
  liveCallId = live.call.id;
  document.getElementById('live-caller').textContent =
    [live.call.callerName, live.call.callerNumber].filter(Boolean).join(' ') + ' (' + (live.call.queue || '') + ')';
  let history = live.history;
  if (!history && live.call.callerNumber) {
    try { history = await api('/api/callers/' + encodeURIComponent(live.call.callerNumber) + '/history'); } catch (e) { history = null; }
  }
  document.getElementById('caller-history').replaceChildren(historyPanel(history));
}

function historyPanel(h) {
  if (!h) return el('p', { class: 'info' }, 'No history for this caller.');
  return el('div', { class: 'history' },
    el('p', { id: 'last-survey' }, 'Last survey score: ',
      h.lastSurvey ? el('strong', {}, h.lastSurvey.score + '/10') : 'none', h.lastSurvey ? ' (' + dateTime(h.lastSurvey.answeredAt) + ')' : ''),
    el('h3', {}, 'Open callbacks'),
    el('ul', { id: 'open-callbacks' }, ...(h.openCallbacks || []).map((c) =>
      el('li', {}, (c.queue || '') + ' · ' + c.state + (c.promisedBy ? ' · promised by ' + dateTime(c.promisedBy) : ''))),
      (h.openCallbacks || []).length ? null : el('li', { class: 'info' }, 'none')),
    el('h3', {}, 'Earlier calls'),
    el('ul', { id: 'earlier-calls' }, ...(h.calls || []).map((c) => el('li', {},
      el('a', { href: '/call.html?id=' + c.id }, dateTime(c.startedAt)), ' · ' + (c.agent || '–') + ' · ' + (c.queue || '') +
      ' · ' + (c.outcome || '') + ' · ' + clock(c.durationSec),
      c.snippet ? el('div', { class: 'snippet' }, c.snippet) : null)),
      (h.calls || []).length ? null : el('li', { class: 'info' }, 'First call from this number.')));
}
