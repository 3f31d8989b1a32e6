// Erasure on request (admins): look up a customer number, see what is held, erase it after a confirmation, and the
// past erasures from the audit (which never shows the number).
import { api, el, query, dateTime, showError, showInfo } from './api.js';
import { initPage } from './nav.js';

await initPage({ roles: ['ADMIN'] });
const numberInput = document.getElementById('number');
const reasonInput = document.getElementById('reason');
const confirmBox = document.getElementById('confirm');
let shown = null;

document.getElementById('lookup').addEventListener('submit', (e) => { e.preventDefault(); lookUp(); });
document.getElementById('erase-form').addEventListener('submit', (e) => { e.preventDefault(); askToConfirm(); });
document.getElementById('confirm-no').addEventListener('click', () => { confirmBox.hidden = true; });
document.getElementById('confirm-yes').addEventListener('click', erase);

async function lookUp() {
  document.getElementById('message').hidden = true;
  confirmBox.hidden = true;
  try {
    shown = await api('/api/erasures/lookup' + query({ number: numberInput.value }));
    render(shown);
    document.body.dataset.looked = shown.number;
  } catch (error) {
    showError(error);
    document.getElementById('holdings').hidden = true;
    document.body.dataset.looked = 'error';
  }
}

/** "1 call", "2 calls" */
function count(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

function keptLabel(kept) {
  if (kept === 'LEGAL_HOLD') return 'kept: legal hold';
  if (kept === 'IN_PROGRESS') return 'kept: in progress';
  return kept ? 'kept' : 'erased';
}

function rows(tbody, items, columns, emptyText, key) {
  const body = document.querySelector(tbody + ' tbody');
  body.replaceChildren(...items.map((item) => el('tr', { dataset: key ? { id: String(key(item)) } : undefined },
    ...columns(item).map((c) => el('td', {}, c)))));
  if (!items.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 12, class: 'info' }, emptyText)));
}

function render(h) {
  const c = h.counts;
  document.getElementById('summary').textContent = count(c.calls, 'call') + ' (' + c.keptCalls + ' kept), '
    + c.recordings + ' with a recording, ' + c.transcripts + ' transcribed, ' + count(c.callbacks, 'callback request')
    + ', ' + count(c.surveyAnswers, 'survey answer') + ', ' + count(c.comments, 'comment') + '.'
    + (h.holdsKnown ? '' : ' Legal holds cannot be checked: erasing is refused.');
  rows('#calls', h.calls, (call) => [el('a', { href: '/call.html?id=' + call.callId }, String(call.callId)),
    dateTime(call.startedAt), call.direction, call.queue || '–', call.agent || '–', call.outcome || '–',
    call.hasRecording ? 'yes' : 'no', call.transcribed ? 'yes' : 'no',
    el('span', { class: call.kept ? 'kept' : 'erased' }, keptLabel(call.kept))], 'No calls.', (call) => call.callId);
  rows('#callbacks', h.callbacks, (cb) => [String(cb.id), dateTime(cb.requestedAt), cb.queue, cb.state,
    cb.name || '–', cb.note || '–', keptLabel(cb.kept)], 'No callback requests.');
  rows('#surveys', h.surveyAnswers, (s) => [String(s.callId), dateTime(s.answeredAt),
    s.score === null ? '–' : String(s.score), s.kept ? 'kept' : 'score kept, anonymised'], 'No survey answers.');
  rows('#written', h.written, (w) => [String(w.callId), dateTime(w.at), w.kind, w.text], 'Nothing written.');
  document.getElementById('holdings').hidden = false;
}

function askToConfirm() {
  if (!shown) return;
  const c = shown.counts;
  document.getElementById('confirm-text').textContent = 'Erase what is held about ' + shown.number + ': '
    + count(c.calls - c.keptCalls, 'call') + ' with their recordings, transcripts and comments, and its callback '
    + 'requests? Kept: ' + count(c.keptCalls, 'call') + '. This cannot be undone.';
  confirmBox.hidden = false;
}

async function erase() {
  confirmBox.hidden = true;
  try {
    const done = await api('/api/erasures', { method: 'POST', body: { number: shown.number, reason: reasonInput.value } });
    showInfo('Erased: ' + count(done.erased.calls, 'call') + ', ' + count(done.erased.recordings, 'recording') + ', '
      + count(done.erased.transcripts, 'transcript') + ', ' + count(done.erased.callbacks, 'callback request')
      + '. Kept: ' + count(done.keptHeld.length, 'call') + ' under a legal hold, '
      + count(done.keptInProgress.length, 'call') + ' in progress.');
    reasonInput.value = '';
    shown = await api('/api/erasures/lookup' + query({ number: shown.number }));
    render(shown);
    await loadAudit();
    document.body.dataset.erased = String(done.id);
  } catch (error) {
    showError(error);
    document.body.dataset.erased = 'error';
  }
}

async function loadAudit() {
  const entries = await api('/api/erasures?limit=50');
  rows('#audit', entries, (a) => [dateTime(a.erasedAt), a.erasedBy, a.reason, String(a.erased.calls),
    String(a.erased.recordings), String(a.erased.transcripts), String(a.erased.callbacks),
    String(a.erased.surveyAnswers), String(a.erased.comments), a.keptHeld.join(', ') || '–',
    a.keptInProgress.join(', ') || '–'], 'No erasures yet.');
}

try {
  await loadAudit();
  document.body.dataset.ready = 'true';
} catch (error) {
  showError(error);
}
