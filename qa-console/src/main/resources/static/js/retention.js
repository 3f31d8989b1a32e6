// Retention (admins): the policies per queue, the legal holds, and the last runs with what they deleted.
import { api, el, query, dateTime, showError, showInfo } from './api.js';
import { initPage } from './nav.js';

await initPage({ roles: ['ADMIN'] });

function days(v) {
  return v === null || v === undefined ? 'forever' : String(v);
}

function daysInput(id) {
  const v = document.getElementById(id).value.trim();
  return v === '' ? null : Number(v);
}

async function loadPolicies() {
  const overview = await api('/api/retention/policies');
  document.querySelector('#policies tbody').replaceChildren(...overview.policies.map((p) =>
    el('tr', { dataset: { queue: p.queue === null ? '' : p.queue } },
      el('td', {}, p.queue === null ? el('em', {}, 'default') : p.queue),
      el('td', { class: 'audio' }, days(p.audioDays)),
      el('td', { class: 'transcript' }, days(p.transcriptDays)),
      el('td', { class: 'metadata' }, days(p.metadataDays)),
      el('td', {}, p.updatedBy + ', ' + dateTime(p.updatedAt)),
      el('td', {},
        el('button', { type: 'button', class: 'edit', onclick: () => edit(p) }, 'Edit'),
        p.queue === null ? null
          : el('button', { type: 'button', class: 'remove', onclick: () => removePolicy(p.queue) }, 'Remove')))));
  document.getElementById('on-default').textContent = overview.queuesOnDefault.length
    ? 'Queues following the default: ' + overview.queuesOnDefault.join(', ') + '.' : '';
}

function edit(p) {
  document.getElementById('policy-queue').value = p.queue === null ? '' : p.queue;
  document.getElementById('audio-days').value = p.audioDays ?? '';
  document.getElementById('transcript-days').value = p.transcriptDays ?? '';
  document.getElementById('metadata-days').value = p.metadataDays ?? '';
}

async function removePolicy(queue) {
  try {
    await api('/api/retention/policies' + query({ queue }), { method: 'DELETE' });
    showInfo('Queue ' + queue + ' follows the default policy again.');
    await loadPolicies();
  } catch (error) { showError(error); }
}

function holdTarget(h) {
  return h.callId !== null ? el('a', { href: '/call.html?id=' + h.callId }, 'call #' + h.callId)
    : 'number ' + h.number;
}

async function loadHolds() {
  const released = document.getElementById('show-released').checked;
  const holds = await api('/api/legal-holds' + query({ released: released ? 'true' : '' }));
  const body = document.querySelector('#holds tbody');
  body.replaceChildren(...holds.map((h) => el('tr', { dataset: { hold: h.id } },
    el('td', {}, holdTarget(h)), el('td', {}, h.reason),
    el('td', {}, h.placedBy + ', ' + dateTime(h.placedAt)),
    el('td', { class: 'released' }, h.releasedAt ? h.releasedBy + ', ' + dateTime(h.releasedAt)
      + (h.releaseNote ? ': ' + h.releaseNote : '') : '–'),
    el('td', {}, h.releasedAt ? null
      : el('button', { type: 'button', class: 'release', onclick: () => release(h.id) }, 'Release')))));
  if (!holds.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'info' }, 'No holds.')));
}

async function release(id) {
  const note = prompt('Why is the hold released? (optional)');
  if (note === null) return;
  try {
    await api('/api/legal-holds/' + id + '/release', { method: 'POST', body: { note } });
    showInfo('Hold ' + id + ' released: the next run may delete its calls.');
    await loadHolds();
  } catch (error) { showError(error); }
}

function perQueue(run) {
  return run.queues.map((q) => el('div', {},
    (q.queue === '' ? 'no queue' : q.queue) + (q.policyQueue === null ? ' (default)' : '') + ': '
    + q.counts.callsDeleted + ' calls, ' + q.counts.transcriptsDeleted + ' transcripts, '
    + q.counts.audioFilesDeleted + ' files, ' + q.counts.heldSkipped + ' held'));
}

async function loadRuns() {
  const runs = await api('/api/retention/runs');
  const body = document.querySelector('#runs tbody');
  body.replaceChildren(...runs.map((r) => el('tr', { dataset: { run: r.id, state: r.state } },
    el('td', {}, '#' + r.id + ' ' + (r.trigger === 'API' ? 'by ' + r.startedBy : 'daily')),
    el('td', {}, dateTime(r.startedAt)), el('td', {}, r.finishedAt ? dateTime(r.finishedAt) : '–'),
    el('td', { class: 'state' }, r.state),
    el('td', { class: 'calls' }, String(r.total.callsDeleted)),
    el('td', { class: 'transcripts' }, String(r.total.transcriptsDeleted)),
    el('td', { class: 'files' }, String(r.total.audioFilesDeleted)),
    el('td', { class: 'held' }, String(r.total.heldSkipped)),
    el('td', { title: r.lastError || '' }, String(r.errors)),
    el('td', {}, ...perQueue(r)))));
  if (!runs.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 10, class: 'info' }, 'No runs yet.')));
  return runs;
}

document.getElementById('policy-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const queue = document.getElementById('policy-queue').value.trim();
  try {
    await api('/api/retention/policies', { method: 'PUT', body: { queue: queue === '' ? null : queue,
      audioDays: daysInput('audio-days'), transcriptDays: daysInput('transcript-days'),
      metadataDays: daysInput('metadata-days') } });
    showInfo('Saved the policy of ' + (queue === '' ? 'the default' : 'queue ' + queue) + '.');
    await loadPolicies();
  } catch (error) { showError(error); }
});

document.getElementById('hold-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const call = document.getElementById('hold-call').value.trim();
  const number = document.getElementById('hold-number').value.trim();
  try {
    const hold = await api('/api/legal-holds', { method: 'POST', body: {
      callId: call === '' ? null : Number(call), number: number === '' ? null : number,
      reason: document.getElementById('hold-reason').value } });
    document.getElementById('hold-call').value = '';
    document.getElementById('hold-number').value = '';
    document.getElementById('hold-reason').value = '';
    showInfo('Hold ' + hold.id + ' placed.');
    await loadHolds();
  } catch (error) { showError(error); }
});

document.getElementById('show-released').addEventListener('change', () => loadHolds().catch(showError));

document.getElementById('run-now').addEventListener('click', async () => {
  try {
    const run = await api('/api/retention/runs', { method: 'POST' });
    showInfo('Run #' + run.id + ' started.');
    // The run goes on in the background: the table follows it until it has finished.
    for (let i = 0; i < 600; i++) {
      const runs = await loadRuns();
      const current = runs.find((r) => r.id === run.id);
      if (current && current.state !== 'RUNNING') {
        showInfo('Run #' + run.id + ' ' + current.state.toLowerCase() + ': ' + current.total.callsDeleted
          + ' calls, ' + current.total.transcriptsDeleted + ' transcripts, ' + current.total.audioFilesDeleted
          + ' recording files deleted; ' + current.total.heldSkipped + ' held calls kept.');
        document.body.dataset.run = current.state;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } catch (error) { showError(error); }
});

try {
  await Promise.all([loadPolicies(), loadHolds(), loadRuns()]);
  document.body.dataset.loaded = 'true';
} catch (error) {
  showError(error);
  document.body.dataset.loaded = 'error';
}
