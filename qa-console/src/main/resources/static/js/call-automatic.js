// The call's automatic evaluation beside the human one: per item the rule's outcome, why, and its evidence (click
// plays that second), as marks on the timeline too; the supervisor confirms or overrides an item with a comment, and
// every review stays listed with who made it and when (the automatic value is never changed).
import { api, el, clock, dateTime, num, showError, showInfo } from './api.js';

const REVIEWERS = ['SUPERVISOR', 'ADMIN'];
const OUTCOMES = ['PASS', 'FAIL', 'NA'];

/**
 * Loads and shows the automatic evaluation of call `callId` in `box`, marks its evidence on `timeline` (seconds are
 * placed over `duration()`), seeks `player` on a click; calls `onLoaded(view)` (null when there is none).
 */
export async function showAutomatic({ callId, box, player, timeline, me, duration, onLoaded }) {
  let view;
  try {
    view = await api('/api/calls/' + callId + '/automatic-evaluation');
  } catch (error) {
    box.replaceChildren(el('p', { class: 'info', id: 'automatic-none' }, error.status === 404
      ? 'Not checked automatically yet (the call is checked once transcribed).'
      : 'Automatic check: ' + error.message));
    onLoaded(null);
    return;
  }
  render(view);

  function render(v) {
    view = v;
    box.replaceChildren(el('div', { id: 'automatic-evaluation', dataset: { id: v.evaluationId } },
      totals(v),
      ...v.items.map(itemRow),
      v.earlier.length ? el('p', { class: 'info', id: 'automatic-earlier' }, 'Earlier automatic evaluations: ',
        ...v.earlier.map((e) => el('span', { class: 'badge' }, 'v' + e.version + ' ' + score(e.score) + ' · '
          + dateTime(e.evaluatedAt) + (e.reviews ? ' · ' + e.reviews + ' review(s)' : '')))) : null));
    drawMarks();
    onLoaded(v);
  }

  function totals(v) {
    const effective = v.effective;
    return el('p', { class: 'total', id: 'automatic-total' }, 'Automatic ',
      el('strong', { id: 'automatic-score' }, score(v.automatic.score)),
      v.reviewed ? el('span', { id: 'automatic-effective' }, ' · after review ', el('strong', {}, score(effective.score))) : null,
      effective.criticalFailed ? el('span', { class: 'badge bad' }, 'critical failed')
        : effective.score === null ? null
        : el('span', { class: 'badge ' + (effective.passed ? 'good' : 'bad') }, effective.passed ? 'passes' : 'below ' + v.passThreshold + '%'),
      el('span', { class: 'info' }, ' · checked ' + dateTime(v.evaluatedAt)));
  }

  function itemRow(item) {
    const a = item.automatic;
    const e = item.effective;
    const changed = e.source === 'OVERRIDDEN';
    const row = el('div', { class: 'item auto-item' + (item.critical ? ' critical' : ''), id: 'auto-item-' + item.key,
      dataset: { key: item.key, outcome: e.outcome, source: e.source } },
      el('div', { class: 'item-label' }, item.label, item.critical ? el('span', { class: 'badge bad' }, 'critical') : null,
        ' ', badge(e.outcome, 'auto-outcome'),
        changed ? el('span', { class: 'info auto-was' }, ' automatic: ' + a.outcome) : null,
        e.source === 'CONFIRMED' ? el('span', { class: 'info' }, ' confirmed') : null),
      a.reason ? el('div', { class: 'info auto-reason' }, a.reason) : null,
      a.evidence.length ? el('div', { class: 'auto-evidence' }, ...a.evidence.map((ev) =>
        el('a', { href: '#', class: 'evidence-link', dataset: { start: ev.startSec },
          title: ev.speaker + ' at ' + clock(ev.startSec),
          onclick: (event) => { event.preventDefault(); play(ev.startSec); } },
        '@ ' + clock(ev.startSec) + ' “' + ev.words + '”'))) : null,
      item.reviews.length ? el('ul', { class: 'auto-audit' }, ...item.reviews.map((r) => el('li', { class: 'info' },
        (r.action === 'CONFIRM' ? 'Confirmed ' : 'Overridden to ' + r.outcome + (r.points !== null ? ' (' + num(r.points, 1) + ' pts)' : '') + ' ')
        + 'by ' + r.reviewer + ' · ' + dateTime(r.reviewedAt) + (r.comment ? ': ' + r.comment : '')))) : null);
    if (REVIEWERS.includes(me.role)) row.append(reviewControls(item));
    return row;
  }

  function reviewControls(item) {
    const outcome = el('select', { class: 'auto-override-outcome', 'aria-label': 'Outcome' },
      ...OUTCOMES.filter((o) => o !== item.automatic.outcome).map((o) => el('option', { value: o }, o)));
    const comment = el('input', { class: 'auto-comment', placeholder: 'Comment (required to override)' });
    const send = (action) => async () => {
      if (action === 'OVERRIDE' && !comment.value.trim()) { showError('Say why you override the automatic result.'); return; }
      try {
        render(await api('/api/calls/' + callId + '/automatic-evaluation/reviews', { method: 'POST', body: {
          evaluationId: view.evaluationId, itemKey: item.key, action,
          outcome: action === 'OVERRIDE' ? outcome.value : null, comment: comment.value || null } }));
        showInfo(action === 'CONFIRM' ? 'Automatic result confirmed.' : 'Automatic result overridden; the automatic value is kept in the audit.');
      } catch (error) { showError(error); }
    };
    return el('div', { class: 'item-extra auto-review' },
      el('button', { type: 'button', class: 'auto-confirm', onclick: send('CONFIRM') }, 'Confirm'),
      outcome, comment,
      el('button', { type: 'button', class: 'auto-override', onclick: send('OVERRIDE') }, 'Override'));
  }

  function drawMarks() {
    timeline.querySelectorAll('.evidence-mark').forEach((m) => m.remove());
    const total = duration();
    if (!total) return;
    for (const item of view.items) {
      for (const ev of item.automatic.evidence) {
        const mark = el('button', { type: 'button', class: 'evidence-mark outcome-' + item.effective.outcome,
          dataset: { key: item.key, start: ev.startSec }, title: item.label + ': ' + clock(ev.startSec) + ' ' + ev.words });
        // Set through the CSSOM: the Content-Security-Policy refuses inline style attributes.
        mark.style.left = Math.min(100, 100 * ev.startSec / total) + '%';
        mark.style.width = Math.max(0.6, 100 * (ev.endSec - ev.startSec) / total) + '%';
        mark.addEventListener('click', (event) => { event.stopPropagation(); play(ev.startSec); });
        timeline.append(mark);
      }
    }
  }

  function play(sec) {
    player.currentTime = sec;
    if (player.paused && player.readyState > 0) player.play().catch(() => {});
  }

  // The recording's length may arrive after the evaluation: place the marks again then.
  player.addEventListener('loadedmetadata', () => drawMarks());
}

function badge(outcome, cls) {
  return el('span', { class: 'badge ' + cls + (outcome === 'PASS' ? ' good' : outcome === 'FAIL' ? ' bad' : '') }, outcome);
}

function score(value) {
  return value === null || value === undefined ? '–' : num(value, 0) + '%';
}
