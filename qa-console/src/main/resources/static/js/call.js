// One call: metadata, audio with the transcript beside it (current word highlighted, click to seek), search matches
// on a timeline, and the evaluations (a supervisor's form, the agent's acknowledge/dispute).
import { api, el, query, clock, dateTime, num, showError, showInfo, param, ApiError } from './api.js';
import { initPage } from './nav.js';
import { showAutomatic } from './call-automatic.js';

const id = param('id');
const q = param('q');
const startAt = Number(param('t') || 0);
const player = document.getElementById('player');
const timeline = document.getElementById('timeline');
let words = [];
let current = null;
let callInfo = null;
let me;
let automaticView = null;

me = await initPage();
try {
  if (!id || !/^\d+$/.test(id)) throw new ApiError(400, 'No call chosen', 'open a call from the search or your calls');
  const call = await api('/api/calls/' + id);
  callInfo = call;
  document.getElementById('call-page').hidden = false;
  showMeta(call);
  showTranscriptionStatus(call);
  setUpPlayer(call);
  loadTranscript(call);
  loadEvaluations(call);
  showAutomatic({ callId: call.id, box: document.getElementById('automatic'), player, timeline, me,
    duration: () => player.duration || call.durationSec,
    onLoaded: (view) => { automaticView = view; markAutomaticInHumanForm(); } });
} catch (error) {
  if (error instanceof ApiError && error.status === 403) {
    showError('Not your call: you can only open your own calls.');
    document.getElementById('message').classList.add('forbidden');
  } else if (error instanceof ApiError && error.status === 404) {
    showError('Call ' + id + ' was not found.');
  } else {
    showError(error);
  }
}

function showMeta(call) {
  document.getElementById('call-title').textContent = 'Call ' + call.id;
  const rows = [['Started', dateTime(call.startedAt)], ['Agent', call.agent], ['Queue', call.queue],
    ['Caller', [call.callerNumber, call.callerName].filter(Boolean).join(' ')], ['Direction', call.direction],
    ['Outcome', call.outcome], ['Duration', clock(call.durationSec)],
    ['Transcription', call.transcription ? call.transcription.state : 'none']];
  document.getElementById('call-meta').replaceChildren(...rows.flatMap(([k, v]) =>
    [el('dt', {}, k), el('dd', { id: 'meta-' + k.toLowerCase() }, v || '–')]));
}

// Why a transcription failed or is partial; an admin may queue a FAILED one again.
function showTranscriptionStatus(call) {
  const t = call.transcription;
  let box = document.getElementById('transcription-status');
  if (!box) {
    box = el('div', { id: 'transcription-status' });
    document.getElementById('call-meta').after(box);
  }
  const parts = [];
  if (t && t.state === 'FAILED' && t.reason) {
    parts.push(el('p', { class: 'info', id: 'transcription-reason' }, 'Transcription failed: ' + t.reason));
  }
  if (t && t.truncated) {
    parts.push(el('p', { class: 'info', id: 'transcription-note' }, 'Transcribed in part: ' + t.note));
  }
  if (t && t.state === 'FAILED' && me && me.role === 'ADMIN') {
    parts.push(el('button', { id: 'retry-transcription', type: 'button', onclick: retryTranscription },
      'Retry transcription'));
  }
  box.replaceChildren(...parts);
}

async function retryTranscription(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    callInfo.transcription = await api('/api/calls/' + id + '/transcription/retry', { method: 'POST' });
    showMeta(callInfo);
    showTranscriptionStatus(callInfo);
    showInfo('Transcription queued again.');
  } catch (error) {
    button.disabled = false;
    showError(error);
  }
}

function setUpPlayer(call) {
  if (!call.recording) {
    player.replaceWith(el('p', { class: 'info' }, 'No recording for this call.'));
    document.getElementById('download').hidden = true;
    return;
  }
  if (!call.recording.playable) {
    showHeld(call);
    return;
  }
  document.getElementById('held-recording')?.remove();
  player.hidden = false;
  document.getElementById('download').hidden = false;
  document.getElementById('download').href = call.recording.audioUrl + '?download=true';
  player.addEventListener('loadedmetadata', () => {
    if (startAt > 0) player.currentTime = Math.max(0, startAt);
    // Uploaded calls may not know their length; the recording does.
    if (!call.durationSec) document.getElementById('meta-duration').textContent = clock(player.duration);
    drawMatches();
  }, { once: true });
  player.addEventListener('timeupdate', follow);
  player.addEventListener('seeked', follow);
  player.src = call.recording.audioUrl;
  timeline.addEventListener('click', (e) => {
    if (!player.duration) return;
    const r = timeline.getBoundingClientRect();
    player.currentTime = player.duration * (e.clientX - r.left) / r.width;
  });
}

// A recording held until card numbers are redacted is not played. Its transcription redacts and clears it; an admin
// may release by hand one whose redaction will not run (transcription failed, audio not rewritable), with a reason.
function showHeld(call) {
  player.hidden = true;
  document.getElementById('download').hidden = true;
  const state = call.transcription ? call.transcription.state : null;
  const box = el('div', { id: 'held-recording', class: 'message info' },
    el('p', { id: 'held-text' }, 'Recording held until card numbers are redacted: it can be played once its '
      + 'transcription has run.'));
  if (me && me.role === 'ADMIN' && state !== 'QUEUED' && state !== 'RUNNING') {
    const reason = el('input', { id: 'release-reason', type: 'text', maxlength: '2000', size: '40',
      placeholder: 'Why it may be heard unredacted' });
    box.append(el('p', {}, 'Its redaction will not run' + (state === 'FAILED' ? ' (the transcription failed)' : '')
      + '. Release it by hand (kept in the audit with your name): '), reason, ' ',
    el('button', { id: 'release-recording', type: 'button', onclick: (e) => releaseRecording(e, reason) },
      'Release recording'));
  }
  document.getElementById('held-recording')?.remove();
  player.before(box);
}

async function releaseRecording(event, reason) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    callInfo = await api('/api/calls/' + id + '/recording/release', { method: 'POST', body: { reason: reason.value } });
    setUpPlayer(callInfo);
    showInfo('Recording released.');
  } catch (error) {
    button.disabled = false;
    showError(error);
  }
}

async function loadTranscript(call) {
  const box = document.getElementById('transcript');
  try {
    const transcript = await api('/api/calls/' + call.id + '/transcript');
    words = [];
    box.replaceChildren(...transcript.utterances.map((u) => el('div', { class: 'utterance speaker-' + u.speaker },
      el('span', { class: 'speaker' }, u.speaker), ' ',
      el('span', { class: 'time' }, clock(u.start)), ' ',
      el('span', { class: 'words' }, ...(u.words && u.words.length ? u.words : [{ word: u.text, start: u.start, end: u.end }])
        .flatMap((w) => [word(w, u.speaker), ' '])))));
    if (!transcript.utterances.length) box.replaceChildren(el('p', { class: 'info' }, 'Nothing was said.'));
    words.sort((a, b) => a.start - b.start);
    markRedactions(transcript.redactions || []);
    drawMatches();
    follow();
  } catch (error) {
    box.replaceChildren(el('p', { class: 'info' }, error.status === 409
      ? 'The transcript is not ready yet (' + (call.transcription ? call.transcription.state : '') + ').'
      : 'No transcript: ' + error.message));
  }
}

// A word the recognizer almost heard as something else (its n-best alternatives, callqa.transcription.alternatives)
// is underlined faintly and says what in its title: the tolerant search may have found the call by one of them.
function word(w, speaker) {
  const alternatives = w.alternatives || [];
  const span = el('span', { class: 'word' + (alternatives.length ? ' has-alternatives' : ''),
    dataset: { start: w.start, end: w.end },
    title: clock(w.start) + (w.conf !== undefined ? ' · ' + Math.round(w.conf * 100) + '%' : '')
      + (alternatives.length ? ' · also heard: ' + alternatives.join(', ') : '') }, w.word);
  span.addEventListener('click', () => { player.currentTime = w.start; if (player.paused) player.play().catch(() => {}); });
  words.push({ start: w.start, end: w.end, node: span, text: w.word.toLowerCase(), speaker });
  return span;
}

// Card numbers, security codes and configured patterns found in the call: redacted (the transcript holds their label)
// or, in highlight mode (callqa.redaction.mode=highlight), marked on the words as heard with their kind, to tune the
// patterns on real calls.
function markRedactions(redactions) {
  document.getElementById('redactions')?.remove();
  if (!redactions.length) return;
  for (const r of redactions) {
    for (const w of words) {
      if (w.speaker === r.speaker && w.start >= r.start - 0.01 && w.end <= r.end + 0.01) {
        w.node.classList.add(r.redacted ? 'redacted' : 'would-redact');
        w.node.dataset.redaction = r.kind;
        w.node.title = (r.redacted ? 'Redacted: ' : 'Would be redacted: ') + r.kind + ' · ' + w.node.title;
      }
    }
  }
  const highlight = redactions.some((r) => !r.redacted);
  document.getElementById('transcript').before(el('p', { id: 'redactions', class: 'info' },
    (highlight ? 'Would be redacted (highlight mode): ' : 'Redacted: ')
    + redactions.map((r) => r.kind + ' (' + r.speaker + ', ' + clock(r.start) + ')').join(', ')));
}

/** Marks the word being spoken: the last one that started at or before the playing second and has not ended. */
function follow() {
  const t = player.currentTime;
  let lo = 0, hi = words.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const next = found >= 0 && t <= words[found].end + 0.05 ? words[found] : null;
  if (next !== current) {
    if (current) current.node.classList.remove('current');
    if (next) {
      next.node.classList.add('current');
      if (!player.paused) next.node.scrollIntoView({ block: 'nearest' });
    }
    current = next;
  }
  const cursor = document.getElementById('timeline-cursor');
  if (player.duration) cursor.style.left = (100 * t / player.duration) + '%';
}

/** Search matches of ?q= as marks on the timeline: the search's own match times when it finds this call. */
async function drawMatches() {
  if (!q || !player.duration || timeline.dataset.drawn) return;
  timeline.dataset.drawn = 'yes';
  let times = [];
  try {
    // Narrowed to this call's agent and start so that the call is among the hits however large the index.
    const started = new Date(callInfo.startedAt);
    const answer = await api('/api/search' + query({ q, matching: param('matching'), size: 100, agent: callInfo.agent,
      from: new Date(started.getTime() - 1000).toISOString(), to: new Date(started.getTime() + 1000).toISOString() }));
    const hit = answer.hits.find((h) => String(h.callId) === String(id));
    if (hit) times = hit.snippets.flatMap((s) => s.matches.map((m) => ({ start: m.startSec, end: m.endSec, words: m.words })));
  } catch (e) { /* a query the search refuses still plays; no marks */ }
  for (const m of times) {
    const left = 100 * m.start / player.duration;
    const width = Math.max(0.6, 100 * (m.end - m.start) / player.duration);
    const mark = el('button', { type: 'button', class: 'match-mark', title: clock(m.start) + ' ' + m.words });
    // Set through the CSSOM: the Content-Security-Policy refuses inline style attributes.
    mark.style.left = left + '%';
    mark.style.width = width + '%';
    mark.addEventListener('click', (e) => { e.stopPropagation(); player.currentTime = m.start; });
    timeline.append(mark);
  }
  for (const w of words) {
    if (times.some((m) => w.start >= m.start - 0.01 && w.end <= m.end + 0.01)) w.node.classList.add('hit-word');
  }
}

// ---- evaluations ----

const STAFF_SCORING = ['SUPERVISOR', 'ADMIN'];

async function loadEvaluations(call) {
  const list = document.getElementById('evaluations');
  const panel = document.getElementById('evaluation-panel');
  let evaluations;
  try {
    evaluations = await api('/api/calls/' + call.id + '/evaluations');
  } catch (error) {
    list.replaceChildren(el('li', { class: 'info' }, error.status === 404
      ? 'Scoring is not available on this server yet.' : 'Evaluations: ' + error.message));
    return;
  }
  list.replaceChildren(...evaluations.map((e) => el('li', { class: 'evaluation-row state-' + e.state, dataset: { id: e.id } },
    el('button', { type: 'button', class: 'linklike', onclick: () => openEvaluation(e.id, call) },
      '#' + e.id + ' rev. ' + e.revision), ' ',
    el('span', { class: 'badge' }, e.state), ' ',
    e.score !== null && e.score !== undefined ? el('strong', {}, num(e.score, 0) + '%') : null, ' ',
    e.criticalFailed ? el('span', { class: 'badge bad' }, 'critical failed') : null,
    e.passed === true ? el('span', { class: 'badge good' }, 'passed') : e.passed === false ? el('span', { class: 'badge bad' }, 'not passed') : null,
    el('div', { class: 'info' }, 'by ' + e.evaluator + ' · ' + dateTime(e.submittedAt || e.createdAt)))));
  if (!evaluations.length) list.replaceChildren(el('li', { class: 'info' }, 'Not evaluated yet.'));
  if (STAFF_SCORING.includes(me.role)) {
    const draft = evaluations.find((e) => e.state === 'DRAFT' && e.evaluator === me.username);
    const disputed = evaluations.find((e) => e.state === 'DISPUTED');
    if (draft) openEvaluation(draft.id, call);
    else {
      panel.replaceChildren(el('button', { type: 'button', id: 'start-evaluation', class: 'primary',
        onclick: () => startEvaluation(call) }, 'Score this call'));
      if (disputed) openEvaluation(disputed.id, call, true);
    }
  } else {
    const mine = evaluations.filter((e) => e.state !== 'DRAFT' && e.state !== 'SUPERSEDED');
    if (mine.length) openEvaluation(mine[mine.length - 1].id, call);
  }
}

async function startEvaluation(call) {
  try {
    const draft = await api('/api/calls/' + call.id + '/evaluations', { method: 'POST' });
    await loadEvaluations(call);
    openEvaluation(draft.id, call);
  } catch (error) { showError(error); }
}

async function openEvaluation(evaluationId, call, keep = false) {
  const panel = document.getElementById('evaluation-panel');
  try {
    const details = await api('/api/evaluations/' + evaluationId);
    const editable = details.evaluation.state === 'DRAFT' && STAFF_SCORING.includes(me.role);
    const form = evaluationForm(details.evaluation, details.scorecard.scorecard, editable, call);
    if (keep) panel.append(form); else panel.replaceChildren(form);
    markAutomaticInHumanForm();
  } catch (error) { showError(error); }
}

/** Beside each item of the human evaluation, what the automatic check decided (after review). */
function markAutomaticInHumanForm() {
  document.querySelectorAll('#evaluation-panel .item').forEach((row) => {
    row.querySelectorAll('.auto-beside').forEach((b) => b.remove());
    const item = automaticView && automaticView.items.find((i) => i.key === row.dataset.key);
    if (!item) return;
    const outcome = item.effective.outcome;
    row.querySelector('.item-label').append(el('span', { class: 'badge auto-beside' + (outcome === 'PASS' ? ' good' : outcome === 'FAIL' ? ' bad' : ''),
      title: 'Automatic check' + (item.effective.source !== 'AUTOMATIC' ? ', ' + item.effective.source.toLowerCase() : '') }, 'auto: ' + outcome));
  });
}

function evaluationForm(evaluation, scorecard, editable, call) {
  const answers = new Map(evaluation.items.map((a) => [a.key, { ...a }]));
  const total = el('strong', { id: 'eval-total' }, '');
  const verdict = el('span', { id: 'eval-verdict' }, '');
  const items = scorecard.sections.flatMap((s) => s.items);

  function recompute() {
    let earned = 0, possible = 0, critical = false;
    for (const item of items) {
      const a = answers.get(item.key);
      if (!a || a.na || a.value === null || a.value === undefined) continue;
      const max = item.type === 'POINTS' && item.maxPoints ? item.maxPoints : 1;
      earned += item.weight * a.value / max;
      possible += item.weight;
      critical = critical || (item.critical && Number(a.value) === 0);
    }
    const score = critical ? 0 : possible ? Math.round(10000 * earned / possible) / 100 : 0;
    total.textContent = num(score, 0) + '%';
    verdict.textContent = critical ? ' critical item failed' : score >= scorecard.passThreshold ? ' passes' : ' below ' + scorecard.passThreshold + '%';
    verdict.className = critical || score < scorecard.passThreshold ? 'bad' : 'good';
  }

  let saveTimer = null;
  const status = el('span', { class: 'info', id: 'eval-status' }, '');
  function save() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(flush, 300);
  }
  async function flush() {
    clearTimeout(saveTimer);
    try {
      await api('/api/evaluations/' + evaluation.id + '/items', { method: 'PUT',
        body: { items: [...answers.values()], comment: comment.value || null } });
      status.textContent = 'saved';
    } catch (error) { status.textContent = ''; showError(error); }
  }

  const comment = el('textarea', { id: 'eval-comment', rows: 2, placeholder: 'Overall comment', disabled: !editable },
    evaluation.comment || '');
  comment.addEventListener('change', save);

  const form = el('form', { id: 'evaluation-form', class: 'evaluation', dataset: { id: evaluation.id, state: evaluation.state },
    onsubmit: (e) => e.preventDefault() },
    el('h3', {}, 'Evaluation #' + evaluation.id + ' · ' + evaluation.state),
    el('p', { class: 'total' }, 'Total ', total, verdict, ' (pass at ' + scorecard.passThreshold + '%)'),
    ...scorecard.sections.map((section) => el('fieldset', { class: 'section' }, el('legend', {}, section.name),
      ...section.items.map((item) => itemRow(item)))),
    comment);

  function itemRow(item) {
    const a = answers.get(item.key) || { key: item.key, value: null, na: false, comment: null, evidenceSec: null };
    answers.set(item.key, a);
    const name = 'item-' + item.key;
    const choice = (label, value, extra = {}) => el('label', { class: 'choice' },
      el('input', { type: 'radio', name, value: String(value), disabled: !editable, checked: a.na ? value === 'na' : a.value !== null && String(a.value) === String(value), ...extra,
        onchange: () => {
          if (value === 'na') { a.na = true; a.value = null; } else { a.na = false; a.value = Number(value); }
          recompute(); save();
        } }), ' ' + label);
    const choices = item.type === 'POINTS'
      ? Array.from({ length: (item.maxPoints || 1) + 1 }, (_, i) => choice(String(i), i))
      : [choice('Yes', 1), choice('No', 0)];
    if (item.naAllowed) choices.push(choice('N/A', 'na'));
    const evidence = el('span', { class: 'evidence' }, a.evidenceSec !== null && a.evidenceSec !== undefined ? evidenceLink(a.evidenceSec) : '');
    // Read-only evaluations show a comment as text, and nothing when there is none.
    const note = editable ? el('input', { class: 'item-comment', placeholder: 'Comment', value: a.comment || '',
      onchange: (e) => { a.comment = e.target.value || null; save(); } })
      : a.comment ? el('span', { class: 'item-comment' }, a.comment) : null;
    return el('div', { class: 'item' + (item.critical ? ' critical' : ''), id: 'item-' + item.key, dataset: { key: item.key } },
      el('div', { class: 'item-label' }, item.label, item.critical ? el('span', { class: 'badge bad' }, 'critical') : null,
        ' ', el('span', { class: 'info' }, 'weight ' + item.weight)),
      item.guidance ? el('div', { class: 'guidance info' }, item.guidance) : null,
      el('div', { class: 'choices' }, ...choices),
      el('div', { class: 'item-extra' }, note,
        editable ? el('button', { type: 'button', class: 'pin', title: 'Pin this item to the second now playing',
          onclick: () => { a.evidenceSec = Math.floor(player.currentTime * 10) / 10; evidence.replaceChildren(evidenceLink(a.evidenceSec)); save(); } },
        'Pin to current second') : null, evidence));
  }

  const actions = el('div', { class: 'actions' });
  if (editable) {
    actions.append(el('button', { type: 'button', id: 'eval-submit', class: 'primary', onclick: async () => {
      await flush();
      try {
        await api('/api/evaluations/' + evaluation.id + '/submit', { method: 'POST', body: { comment: comment.value || null } });
        showInfo('Evaluation submitted.');
        await loadEvaluations(call);
        openEvaluation(evaluation.id, call);
      } catch (error) { showError(error); }
    } }, 'Submit'), ' ', status);
  } else if (me.role === 'AGENT' && evaluation.state === 'SUBMITTED') {
    const reply = el('textarea', { id: 'agent-comment', rows: 2, placeholder: 'Your comment (required to dispute)' });
    const respond = (what) => async () => {
      if (what === 'dispute' && !reply.value.trim()) { showError('Say why you dispute it.'); return; }
      try {
        await api('/api/evaluations/' + evaluation.id + '/' + what, { method: 'POST', body: { comment: reply.value || null } });
        showInfo(what === 'dispute' ? 'Dispute sent to the supervisor.' : 'Evaluation acknowledged.');
        await loadEvaluations(call);
      } catch (error) { showError(error); }
    };
    actions.append(reply, el('button', { type: 'button', id: 'eval-acknowledge', onclick: respond('acknowledge') }, 'Acknowledge'), ' ',
      el('button', { type: 'button', id: 'eval-dispute', onclick: respond('dispute') }, 'Dispute'));
  } else if (STAFF_SCORING.includes(me.role)) {
    if (evaluation.agentComment) actions.append(el('p', { id: 'agent-response' }, 'Agent: ' + evaluation.agentComment));
    if (evaluation.resolutionComment) actions.append(el('p', { id: 'resolution' }, 'Resolution: ' + evaluation.resolutionComment));
    const note = el('textarea', { id: 'supervisor-comment', rows: 2,
      placeholder: evaluation.state === 'DISPUTED' ? 'Answer to the agent (required to resolve)' : 'Reason for the correction' });
    const act = (path, done) => async () => {
      if (path === 'resolve' && !note.value.trim()) { showError('Write an answer to the agent.'); return; }
      try {
        const result = await api('/api/evaluations/' + evaluation.id + '/' + path, { method: 'POST', body: { comment: note.value || null } });
        showInfo(done);
        await loadEvaluations(call);
        openEvaluation(result.id, call);
      } catch (error) { showError(error); }
    };
    const buttons = [];
    if (evaluation.state === 'DISPUTED') buttons.push(el('button', { type: 'button', id: 'eval-resolve', onclick: act('resolve', 'Dispute resolved.') }, 'Resolve dispute'));
    if (evaluation.state !== 'SUPERSEDED') buttons.push(el('button', { type: 'button', id: 'eval-correct',
      onclick: act('revisions', 'A new revision was started; the submitted one is kept.') }, 'Correct (new revision)'));
    if (buttons.length) actions.append(note, ...buttons);
  } else if (evaluation.agentComment) {
    actions.append(el('p', { id: 'agent-response' }, 'Agent: ' + evaluation.agentComment));
  }
  if (evaluation.agentComment && me.role === 'AGENT') actions.append(el('p', { id: 'agent-response' }, 'Your comment: ' + evaluation.agentComment));
  form.append(actions);
  recompute();
  return form;
}

function evidenceLink(sec) {
  return el('a', { href: '#', class: 'evidence-link', onclick: (e) => { e.preventDefault(); player.currentTime = sec; } }, '@ ' + clock(sec));
}
