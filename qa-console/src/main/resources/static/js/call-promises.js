// The call page's promises: what the agent promised on this call, when it is due and whether it was kept; clicking
// a promise plays the second it was said. Shown only when the call has promises.
import { api, el, clock, dateTime, param } from './api.js';

const STATE = { OPEN: '', KEPT: 'good', LATE: 'bad', BROKEN: 'bad', NOT_CHECKED: '' };
const LABEL = { OPEN: 'open', KEPT: 'kept', LATE: 'kept late', BROKEN: 'broken', NOT_CHECKED: 'not checked' };
const id = param('id');
const page = document.getElementById('call-page');

// call.js shows the page once the call is loaded: the panel goes in then.
if (id && page) {
  if (!page.hidden) show();
  else new MutationObserver((changes, observer) => { if (!page.hidden) { observer.disconnect(); show(); } })
    .observe(page, { attributes: true, attributeFilter: ['hidden'] });
}

async function show() {
  let promises;
  try {
    promises = await api('/api/calls/' + encodeURIComponent(id) + '/promises');
  } catch (error) {
    return; // the call page itself says what is wrong with the call
  }
  if (!promises.length) return;
  const player = document.getElementById('player');
  const list = el('ul', { class: 'promises' }, ...promises.map((p) => el('li', { dataset: { state: p.state, kind: p.kind } },
    el('a', { href: '#', class: 'evidence-link', onclick: (e) => {
      e.preventDefault();
      player.currentTime = p.startSec;
      if (player.paused) player.play().catch(() => {});
    } }, '@ ' + clock(p.startSec)), ' ',
    el('span', { class: 'badge' }, p.kind.toLowerCase()), ' “', p.phrase, '” ',
    el('span', { class: 'info' }, 'due ' + dateTime(p.dueAt) + (p.timePhrase ? '' : ' (no time said)')), ' ',
    el('span', { class: 'badge ' + STATE[p.state] }, LABEL[p.state] || p.state),
    p.keptByCallId ? el('a', { href: '/call.html?id=' + p.keptByCallId }, ' call ' + p.keptByCallId) : '')));
  const panel = el('div', { id: 'promises-panel' }, el('h2', {}, 'Promises'), list);
  const transcriptTitle = document.querySelector('.listen h2');
  transcriptTitle.before(panel);
}
