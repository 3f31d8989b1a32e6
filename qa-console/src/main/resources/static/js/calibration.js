// The calibration page: automatic vs human agreement per item and version; blind calibration sessions (my answers,
// then the spread per item and the owner's agreed answers).
import { api, el, num, query, showError } from './api.js';
import { initPage } from './nav.js';

let me;
let current = null;

const pct = (v) => (v === null || v === undefined) ? '–' : num(100 * v, 1) + ' %';
const answerText = (a) => (!a ? '' : (a.na ? 'N/A' : String(a.value)));

async function main() {
  me = await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
  const standards = await api('/api/standards');
  const select = document.getElementById('standard');
  select.replaceChildren(...standards.map((s) => el('option', { value: String(s.id) }, s.name)));
  const params = new URLSearchParams(location.search);
  if (params.get('standardId')) select.value = params.get('standardId');
  if (params.get('from')) document.getElementById('from').value = params.get('from');
  if (params.get('to')) document.getElementById('to').value = params.get('to');
  document.getElementById('automatic-form').addEventListener('submit', (e) => { e.preventDefault(); automatic(); });
  const sessionsPart = document.getElementById('sessions-part');
  if (me.role === 'MANAGER') {
    sessionsPart.hidden = true;
  } else {
    document.getElementById('session-form').addEventListener('submit', (e) => { e.preventDefault(); create(); });
    document.getElementById('session-submit').addEventListener('click', submit);
    document.getElementById('session-close').addEventListener('click', close);
    await sessions();
    if (params.get('session')) await open(Number(params.get('session')));
  }
  await automatic();
  document.body.dataset.loaded = 'true';
}

function day(id) {
  const v = document.getElementById(id).value;
  return v ? v + 'T00:00:00Z' : '';
}

async function automatic() {
  const box = document.getElementById('automatic');
  try {
    const result = await api('/api/calibration/automatic' + query({
      standardId: document.getElementById('standard').value, from: day('from'), to: day('to') }));
    if (!result.versions.length) {
      box.replaceChildren(el('p', { class: 'sub', id: 'automatic-none' }, 'No call of this standard was scored both ways in this period.'));
      return;
    }
    box.replaceChildren(...result.versions.map((v) => el('div', { class: 'version', dataset: { version: String(v.version) } },
      el('h3', {}, 'Version ' + v.version),
      el('p', { class: 'sub' }, v.calls + ' calls, ' + v.pairs + ' pairs; agreement ' + pct(v.agreement)
        + '; automatic − human score ' + num(v.meanScoreDifference, 2) + ' (absolute ' + num(v.meanAbsoluteScoreDifference, 2) + ')'),
      el('table', { class: 'table automatic-items' },
        el('thead', {}, el('tr', {}, ...['Item', 'Compared', 'Agreed', 'Agreement', 'N/A pairs',
          'Rule passed, human failed', 'Rule failed, human passed'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...v.items.map((i) => el('tr', { dataset: { item: i.key } },
          el('td', {}, i.label), el('td', { class: 'compared' }, String(i.compared)),
          el('td', { class: 'agreed' }, String(i.agreed)), el('td', { class: 'agreement' }, pct(i.agreement)),
          el('td', { class: 'na' }, String(i.naPairs)), el('td', {}, String(i.automaticPassHumanFail)),
          el('td', {}, String(i.automaticFailHumanPass)))))))));
  } catch (error) {
    showError(error);
  }
}

async function sessions() {
  const list = await api('/api/calibration/sessions');
  document.querySelector('#sessions tbody').replaceChildren(...list.map((s) => el('tr', { dataset: { session: String(s.id) } },
    el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); open(s.id); } }, s.title)),
    el('td', {}, s.owner), el('td', {}, String(s.calls)), el('td', {}, s.submitted + ' of ' + s.participants),
    el('td', {}, s.closedAt ? 'closed' : (s.mySubmittedAt ? 'submitted' : 'to answer')))));
}

async function create() {
  const split = (id) => document.getElementById(id).value.split(/[\s,]+/).filter((x) => x);
  try {
    const session = await api('/api/calibration/sessions', { method: 'POST', body: {
      title: document.getElementById('session-title').value,
      standardId: Number(document.getElementById('standard').value),
      callIds: split('session-calls').map(Number), participants: split('session-participants') } });
    await sessions();
    await open(session.id);
  } catch (error) {
    showError(error);
  }
}

async function open(id) {
  try {
    current = await api('/api/calibration/sessions/' + id);
  } catch (error) {
    showError(error);
    return;
  }
  const s = current;
  document.getElementById('session').hidden = false;
  document.getElementById('session-heading').textContent = s.title + ' (version ' + s.version + ', owner ' + s.owner + ')';
  const done = s.closedAt || s.mySubmittedAt;
  document.getElementById('session-state').textContent = s.closedAt ? 'Closed.'
    : (s.mySubmittedAt ? 'You submitted your answers.' : 'Score each call; the others\' answers show once you submit.');
  document.getElementById('session-submit').hidden = !!done;
  document.getElementById('session-close').hidden = !(s.owner === me.username && !s.closedAt);
  const mine = new Map(s.myAnswers.map((a) => [a.callId + '/' + a.key, a]));
  document.getElementById('session-answers').replaceChildren(el('table', { class: 'table', id: 'my-answers' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Item'), ...s.calls.map((c) => el('th', {},
      el('a', { href: '/call.html?id=' + c.callId }, 'Call ' + c.callId))))),
    el('tbody', {}, ...s.items.map((item) => el('tr', { dataset: { item: item.key } }, el('td', {}, item.label),
      ...s.calls.map((c) => el('td', {}, choice(item, c.callId, mine.get(c.callId + '/' + item.key), !!done))))))));
  document.getElementById('spread').replaceChildren();
  if (done) await spread();
}

/** A select for one item of one call: yes/no or points, N/A where allowed; saved as soon as it changes. */
function choice(item, callId, answer, readOnly) {
  const options = [el('option', { value: '' }, '–')];
  if (item.type === 'YES_NO') options.push(el('option', { value: '1' }, 'yes'), el('option', { value: '0' }, 'no'));
  else for (let p = 0; p <= item.max; p++) options.push(el('option', { value: String(p) }, String(p)));
  if (item.naAllowed) options.push(el('option', { value: 'na' }, 'N/A'));
  const select = el('select', { class: 'answer', disabled: readOnly, dataset: { call: String(callId), item: item.key } },
    ...options);
  select.value = !answer ? '' : (answer.na ? 'na' : String(answer.value));
  select.addEventListener('change', async () => {
    if (select.value === '') return;
    const body = select.value === 'na' ? { key: item.key, na: true } : { key: item.key, value: Number(select.value) };
    select.dataset.saved = '';
    try {
      await api('/api/calibration/sessions/' + current.id + '/calls/' + callId + '/answers', { method: 'PUT', body: { items: [body] } });
      select.dataset.saved = 'true';
    } catch (error) {
      showError(error);
    }
  });
  return select;
}

async function submit() {
  try {
    await api('/api/calibration/sessions/' + current.id + '/submit', { method: 'POST' });
    await sessions();
    await open(current.id);
  } catch (error) {
    showError(error);
  }
}

async function close() {
  try {
    await api('/api/calibration/sessions/' + current.id + '/close', { method: 'POST' });
    await sessions();
    await open(current.id);
  } catch (error) {
    showError(error);
  }
}

async function spread() {
  const box = document.getElementById('spread');
  let result;
  try {
    result = await api('/api/calibration/sessions/' + current.id + '/spread');
  } catch (error) {
    showError(error);
    return;
  }
  const owner = current.owner === me.username;
  box.replaceChildren(el('h3', {}, 'Spread (answers of ' + result.answeredBy.join(', ') + ')'),
    el('table', { class: 'table', id: 'spread-items' },
      el('thead', {}, el('tr', {}, ...['Item', 'Answers', 'Mean agreement', 'Mean standard deviation', 'Agreed']
        .map((h) => el('th', {}, h)))),
      el('tbody', {}, ...result.items.map((i) => el('tr', { dataset: { item: i.key } }, el('td', {}, i.label),
        el('td', {}, String(i.answers)), el('td', { class: 'agreement' }, pct(i.meanAgreement)),
        el('td', { class: 'deviation' }, num(i.meanStandardDeviation, 2)),
        el('td', {}, i.agreedAnswers + ' of ' + result.calls.length))))),
    ...result.calls.map((c) => el('div', { class: 'call-spread', dataset: { call: String(c.callId) } },
      el('h4', {}, 'Call ' + c.callId),
      el('table', { class: 'table' },
        el('thead', {}, el('tr', {}, ...['Item', 'Answers', 'Agreement', 'Most common', 'Std. deviation', 'Agreed answer']
          .map((h) => el('th', {}, h)))),
        el('tbody', {}, ...c.items.map((line) => el('tr', { dataset: { item: line.key } },
          el('td', {}, line.label),
          el('td', { class: 'answers' }, line.answers.map((a) => a.username + ': ' + answerText(a)).join('; ')),
          el('td', { class: 'agreement' }, pct(line.agreement)), el('td', { class: 'common' }, line.commonAnswer || '–'),
          el('td', { class: 'deviation' }, num(line.standardDeviation, 2)),
          el('td', { class: 'agreed' }, owner ? agreedChoice(c.callId, line) : answerText(line.agreed)))))))));
}

function agreedChoice(callId, line) {
  const item = current.items.find((i) => i.key === line.key);
  const select = choice(item, callId, line.agreed, false);
  const fresh = select.cloneNode(true);
  fresh.value = select.value;
  fresh.classList.replace('answer', 'agreed-answer');
  fresh.addEventListener('change', async () => {
    if (fresh.value === '') return;
    const body = fresh.value === 'na' ? { key: line.key, na: true } : { key: line.key, value: Number(fresh.value) };
    try {
      await api('/api/calibration/sessions/' + current.id + '/calls/' + callId + '/agreed', { method: 'PUT', body });
      fresh.dataset.saved = 'true';
    } catch (error) {
      showError(error);
    }
  });
  return fresh;
}

main().catch((error) => { if (error.message !== 'role') showError(error); });
