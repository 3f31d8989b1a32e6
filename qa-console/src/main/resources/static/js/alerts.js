// Supervisor alerts: low survey scores, failed critical items, overdue callbacks, broken promises, the automatic
// check's critical fails and agents' days under the pass mark; acknowledge each.
import { api, el, query, dateTime, showError } from './api.js';
import { initPage } from './nav.js';

await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
const KINDS = {
  LOW_SURVEY: 'Survey under 5', OVERDUE_CALLBACK: 'Overdue callback', BROKEN_PROMISE: 'Broken promise',
  AUTOMATIC_FAILED_CRITICAL: 'Automatic check: critical item failed', BELOW_PASS_MARK: 'Day under the pass mark',
};
const kindSelect = document.getElementById('kind');
const showAll = document.getElementById('show-all');
kindSelect.addEventListener('change', load);
showAll.addEventListener('change', load);
load();
loadDisputes();

async function load() {
  try {
    // Kinds the server does not know yet answer 400: show them as empty rather than failing the page.
    const alerts = await api('/api/alerts' + query({ kind: kindSelect.value, open: showAll.checked ? 'false' : 'true' }))
      .catch((e) => { if (e.status === 400 && kindSelect.value) return []; throw e; });
    const body = document.querySelector('#alerts tbody');
    body.replaceChildren(...alerts.map(row));
    if (!alerts.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'info' }, 'No alerts.')));
  } catch (error) { showError(error); }
}

function row(a) {
  const kind = KINDS[a.kind] || (a.kind === 'FAILED_CRITICAL' || a.kind.includes('CRITICAL') ? 'Failed critical item' : a.kind);
  return el('tr', { class: a.acknowledgedAt ? 'done' : 'open', dataset: { id: a.id, kind: a.kind } },
    el('td', {}, dateTime(a.createdAt)), el('td', {}, el('span', { class: 'badge bad' }, kind)),
    el('td', {}, a.agent || '–'), el('td', {}, a.queue || '–'), el('td', {}, a.detail),
    el('td', {}, a.callId ? el('a', { href: '/call.html?id=' + a.callId }, 'Call ' + a.callId) : '–'),
    el('td', {}, a.acknowledgedAt ? 'acknowledged by ' + (a.acknowledgedBy || '?') + ' · ' + dateTime(a.acknowledgedAt)
      : el('button', { type: 'button', class: 'acknowledge', onclick: async () => {
        try { await api('/api/alerts/' + a.id + '/acknowledge', { method: 'POST' }); load(); } catch (error) { showError(error); }
      } }, 'Acknowledge')));
}

/** Disputes come back to the supervisors: each links to the call, where it is resolved or corrected. */
async function loadDisputes() {
  const body = document.querySelector('#disputes tbody');
  try {
    const disputed = await api('/api/evaluations' + query({ state: 'DISPUTED' }));
    body.replaceChildren(...disputed.map((e) => el('tr', { dataset: { id: e.id } },
      el('td', {}, dateTime(e.respondedAt)), el('td', {}, e.agent || '–'),
      el('td', {}, e.score === null || e.score === undefined ? '–' : Math.round(e.score) + '%'),
      el('td', {}, e.agentComment || ''),
      el('td', {}, el('a', { href: '/call.html?id=' + e.callId }, 'Call ' + e.callId)))));
    if (!disputed.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'info' }, 'No disputes.')));
  } catch (error) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'info' }, 'Disputes: ' + error.message)));
  }
}
