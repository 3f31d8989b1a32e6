// Search page: the query and filters go to /api/search; each match links to the call at its second.
import { api, el, query, highlighted, clock, dateTime, num, showError, param } from './api.js';
import { initPage } from './nav.js';

const form = document.getElementById('search-form');
const results = document.getElementById('results');
const summary = document.getElementById('summary');
const facets = document.getElementById('facets');
// Which filter input a facet's value goes into when clicked.
const FACET_INPUTS = { agent: 'f-agent', queue: 'f-queue', outcome: 'f-outcome', category: 'f-category' };
const FACET_TITLES = { agent: 'Agents', queue: 'Queues', outcome: 'Outcomes', category: 'Categories',
  autoScore: 'Automatic score' };
// A band of the automatic score facet fills these filters (scores have two decimals: 69.99 closes 50-69).
const AUTO_BANDS = {
  '<50': { 'f-min-auto': '', 'f-max-auto': '49.99', 'f-auto-evaluated': '' },
  '50-69': { 'f-min-auto': '50', 'f-max-auto': '69.99', 'f-auto-evaluated': '' },
  '70-84': { 'f-min-auto': '70', 'f-max-auto': '84.99', 'f-auto-evaluated': '' },
  '85-100': { 'f-min-auto': '85', 'f-max-auto': '100', 'f-auto-evaluated': '' },
  none: { 'f-min-auto': '', 'f-max-auto': '', 'f-auto-evaluated': 'false' },
};
const SIZE = 20;
let page = 0;

const me = await initPage();
setUpSampling();
for (const [id, name] of [['q', 'q'], ['matching', 'matching'], ['f-agent', 'agent'], ['f-queue', 'queue'],
  ['f-outcome', 'outcome'], ['f-min', 'minDuration'], ['f-max', 'maxDuration'], ['f-min-score', 'minScore'],
  ['f-max-score', 'maxScore'],
  ['f-direction', 'direction'], ['f-recording', 'hasRecording'], ['f-evaluated', 'evaluated'],
  ['f-min-survey', 'minSurvey'], ['f-max-survey', 'maxSurvey'], ['f-callback', 'callbackRequested'],
  ['f-category', 'category'], ['f-auto-evaluated', 'autoEvaluated'], ['f-min-auto', 'minAutoScore'],
  ['f-max-auto', 'maxAutoScore'], ['f-auto-critical', 'autoCriticalFailed']]) {
  if (param(name)) document.getElementById(id).value = param(name);
}
if (param('from')) document.getElementById('f-from').value = param('from').substring(0, 10);
if (param('to')) document.getElementById('f-to').value = param('to').substring(0, 10);

form.addEventListener('submit', (e) => { e.preventDefault(); page = 0; run(); });
document.getElementById('prev').addEventListener('click', () => { page--; run(); });
document.getElementById('next').addEventListener('click', () => { page++; run(); });
if (location.search) run();
showIndexRebuild();

function dayStart(value, plusDays = 0) {
  if (!value) return '';
  const d = new Date(value + 'T00:00:00');
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

function params() {
  const v = (id) => document.getElementById(id).value.trim();
  return {
    q: v('q'), matching: v('matching'), agent: v('f-agent'), queue: v('f-queue'), outcome: v('f-outcome'),
    from: dayStart(v('f-from')), to: dayStart(v('f-to'), 1),
    minDuration: v('f-min'), maxDuration: v('f-max'), minScore: v('f-min-score'), maxScore: v('f-max-score'),
    direction: v('f-direction'), hasRecording: v('f-recording'), evaluated: v('f-evaluated'),
    minSurvey: v('f-min-survey'), maxSurvey: v('f-max-survey'), callbackRequested: v('f-callback'),
    category: v('f-category'), autoEvaluated: v('f-auto-evaluated'), minAutoScore: v('f-min-auto'),
    maxAutoScore: v('f-max-auto'), autoCriticalFailed: v('f-auto-critical'),
  };
}

async function run() {
  const p = params();
  document.getElementById('message').hidden = true;
  history.replaceState(null, '', query({ ...p, from: document.getElementById('f-from').value,
    to: document.getElementById('f-to').value }) || location.pathname);
  try {
    // An empty box lists every call (newest first) with the filters.
    const answer = await api('/api/search' + query({ ...p, q: p.q || '*:*', page, size: SIZE, facets: true }));
    render(answer, p.q);
    showIndexRebuild();
  } catch (error) {
    results.replaceChildren();
    facets.replaceChildren();
    summary.textContent = '';
    showError(error);
  }
}

/**
 * After an upgrade the index is rebuilt in the background; until then results come from the previous one. While it
 * runs the notice follows its progress every few seconds and goes once the new index answers.
 */
async function showIndexRebuild() {
  const notice = document.getElementById('index-rebuild');
  clearTimeout(showIndexRebuild.poll);
  try {
    const index = await api('/api/search/index');
    notice.hidden = !index.rebuilding;
    notice.textContent = 'Search index is being rebuilt: ' + index.percent + ' %; results come from the previous index';
    if (index.rebuilding) showIndexRebuild.poll = setTimeout(showIndexRebuild, 3000);
  } catch { notice.hidden = true; }
}

function render(answer, q) {
  // The total is exact however many calls match; pages stop at the first 10,000.
  summary.textContent = answer.total.toLocaleString('en') + (answer.total === 1 ? ' call' : ' calls');
  results.replaceChildren(...answer.hits.map((hit) => hitItem(hit, q)));
  renderFacets(answer.facets || {});
  document.getElementById('prev').hidden = page === 0;
  document.getElementById('next').hidden = (page + 1) * SIZE >= answer.total;
}

/** Per facet its most frequent values among all matching calls; clicking one filters on it. */
function renderFacets(counts) {
  facets.replaceChildren(...Object.keys(FACET_TITLES).filter((name) => (counts[name] || []).length).map((name) =>
    el('section', { class: 'facet', dataset: { facet: name } },
      el('h3', {}, FACET_TITLES[name]),
      el('ul', {}, ...counts[name].map((c) => el('li', {},
        el('button', { type: 'button', class: 'facet-value', dataset: { value: c.value },
          onclick: () => { fill(name, c.value); page = 0; run(); } },
          c.value + ' (' + c.count.toLocaleString('en') + ')')))))));
}

function fill(facet, value) {
  const inputs = facet === 'autoScore' ? AUTO_BANDS[value] || {} : { [FACET_INPUTS[facet]]: value };
  for (const [id, v] of Object.entries(inputs)) document.getElementById(id).value = v;
}

// The call page marks the query's matches on its timeline, matched the same way as here.
function callLink(id, q, t) {
  const matching = document.getElementById('matching').value;
  return '/call.html' + query({ id, q, matching: matching === 'stemmed' ? undefined : matching,
    t: t === undefined ? undefined : Math.floor(t) });
}

function hitItem(hit, q) {
  return el('li', { class: 'hit', dataset: { callId: hit.callId } },
    el('div', { class: 'hit-head' },
      el('a', { href: callLink(hit.callId, q), class: 'call-link' }, 'Call ' + hit.callId),
      el('span', {}, dateTime(hit.startedAt)),
      el('span', {}, 'agent ' + (hit.agent || '–')),
      el('span', {}, 'queue ' + (hit.queue || '–')),
      el('span', {}, clock(hit.durationSec)),
      hit.outcome ? el('span', { class: 'badge' }, hit.outcome) : null,
      hit.qaScore !== undefined && hit.qaScore !== null
        ? el('span', { class: 'badge' }, 'QA ' + num(hit.qaScore, 0)) : null,
      hit.autoScore !== undefined && hit.autoScore !== null
        ? el('span', { class: 'badge auto-score', title: 'Automatic score (checked against the rules)' },
          'auto ' + num(hit.autoScore, 0)) : null,
      hit.autoCriticalFailed ? el('span', { class: 'badge bad' }, 'critical failed') : null,
      hit.surveyScore !== undefined && hit.surveyScore !== null
        ? el('span', { class: 'badge' }, 'survey ' + hit.surveyScore + '/10') : null,
      hit.callbackRequested ? el('span', { class: 'badge' }, 'callback') : null,
      hit.hasRecording === false ? el('span', { class: 'badge' }, 'no recording') : null),
    ...(hit.snippets || []).map((s) => el('div', { class: 'snippet' },
      highlighted(s.html),
      el('div', { class: 'matches' }, ...(s.matches || []).map((m) =>
        el('a', { class: 'match', href: callLink(hit.callId, q, m.startSec), title: m.speaker + ': ' + m.words },
          '▶ ' + clock(m.startSec) + ' ' + m.speaker + ': “' + m.words + '”',
          // say how a match that is not the words typed matched: "stem" or "sounds like"
          m.form && m.form !== 'exact' ? el('span', { class: 'match-form' }, ' (' + m.form + ')') : null))))));
}

/** "Give me N unevaluated calls of agent X": for those who score calls. */
function setUpSampling() {
  if (!['SUPERVISOR', 'ADMIN'].includes(me.role)) return;
  document.getElementById('sampling').hidden = false;
  document.getElementById('sample-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const to = new Date();
    const from = new Date(to.getTime() - Number(document.getElementById('s-period').value) * 86400000);
    const list = document.getElementById('sample');
    try {
      const calls = await api('/api/sampling' + query({ agent: document.getElementById('s-agent').value.trim(),
        count: document.getElementById('s-count').value, from: from.toISOString(), to: to.toISOString() }));
      list.replaceChildren(...calls.map((c) => el('li', { dataset: { callId: c.id } },
        el('a', { href: '/call.html?id=' + c.id }, 'Call ' + c.id), ' · ' + dateTime(c.startedAt) + ' · ' + (c.queue || '–') +
        ' · ' + clock(c.durationSec))));
      if (!calls.length) list.replaceChildren(el('li', { class: 'info' }, 'No unevaluated calls in that period.'));
    } catch (error) { showError(error); }
  });
}
