// Service standards: the standards and their versions; a scorecard's sections and items, each with an optional rule
// that checks it on every transcribed call. Supervisors and admins save an edit as a new version (the API refuses a
// bad rule with a 400 naming the item, shown next to it); managers read.
import { api, el, formToken, showError, showInfo, param, dateTime, ApiError } from './api.js';
import { initPage } from './nav.js';

const me = await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
const editor = me.role === 'SUPERVISOR' || me.role === 'ADMIN';
const $ = (id) => document.getElementById(id);

const SPEAKERS = ['ANY', 'AGENT', 'CUSTOMER'];
const MATCHINGS = ['STEMMED', 'EXACT', 'TOLERANT'];
const WINDOWS = { ANYWHERE: 'anywhere', FIRST: 'in the first seconds', LAST: 'in the last seconds', AFTER: 'after another phrase' };
const FACTS = {
  OUTCOME: 'ANSWERED, ABANDONED, TIMEOUT, CALLBACK_REQUESTED, NO_AGENTS, CONNECTED, NOT_CONNECTED, NOT_QUEUED, LOST',
  QUEUE: 'queue names',
  DIRECTION: 'INBOUND, OUTBOUND, INTERNAL',
};

// The rule kinds of the standard's JSON, with what a new rule of the kind starts as.
const KINDS = {
  SAID: { label: 'said (passes when present)', start: () => ({ query: '', speaker: 'AGENT' }) },
  NOT_SAID: { label: 'not said (passes when absent)', start: () => ({ query: '', speaker: 'AGENT' }) },
  SILENCE: { label: 'longest silence', start: () => ({ maxSec: 10 }) },
  TALK_OVER: { label: 'talking over the customer', start: () => ({ maxCount: 3 }) },
  AGENT_TALK_SHARE: { label: "agent's share of talk", start: () => ({ min: 0.3, max: 0.7 }) },
  AGENT_WPM: { label: "agent's words per minute", start: () => ({ min: 110, max: 180 }) },
  WAIT: { label: 'wait in the queue', start: () => ({ maxSec: 60 }) },
  HOLD: { label: 'hold time', start: () => ({ maxSec: 120 }) },
  DURATION: { label: 'call duration', start: () => ({ minSec: 30, maxSec: 900 }) },
  FACT: { label: 'call fact (outcome, queue, direction, survey)', start: () => ({ fact: 'OUTCOME', in: ['ANSWERED'] }) },
};
const PHRASE_KINDS = ['SAID', 'NOT_SAID'];

let standards = [];
let details = null;   // the standard shown, with its versions
let shown = null;     // the version shown
let card = null;      // the scorecard being edited: a copy of the shown version's, changed in place by the form

document.body.classList.toggle('readonly', !editor);
$('editor-fields').disabled = !editor;
$('save-actions').hidden = !editor;
$('new-standard').hidden = !editor;
$('assign').hidden = !editor;
$('version').addEventListener('change', () => {
  showVersion(details.versions.find((v) => String(v.id) === $('version').value));
});
$('add-section').addEventListener('click', () => {
  card.sections.push({ name: 'New section', items: [newItem()] });
  drawSections();
});
$('editor').addEventListener('submit', (e) => { e.preventDefault(); save(); });
// Any change to the form is unsaved until the next save (or another version is shown).
['input', 'change'].forEach((type) => $('editor-fields').addEventListener(type, unsaved));
$('add-section').addEventListener('click', unsaved);
$('sections').addEventListener('click', (e) => { if (e.target.closest('.editor-only')) unsaved(); });
$('new-standard').addEventListener('submit', (e) => { e.preventDefault(); createStandard(); });
$('assign').addEventListener('submit', (e) => { e.preventDefault(); assign(); });
$('recheck').addEventListener('submit', (e) => { e.preventDefault(); recheck(); });
start();
startRecheck();

async function start() {
  try {
    await loadList();
    const wanted = param('id') ? standards.find((s) => String(s.id) === param('id')) : null;
    const first = wanted || standards.find((s) => s.name === 'DEFAULT') || standards[0];
    if (first) await select(first.id, param('version'));
  } catch (error) {
    showError(error);
  }
}

async function loadList() {
  standards = await api('/api/standards');
  $('standards').tBodies[0].replaceChildren(...standards.map((s) => el('tr', {
    'data-id': String(s.id), class: details && details.standard.id === s.id ? 'selected' : '',
  },
  el('td', {}, el('button', { type: 'button', class: 'linklike standard-link', onclick: () => select(s.id) }, s.name)),
  el('td', { class: 'version' }, String(s.currentVersion)),
  el('td', { class: 'queues' }, s.queues.join(', ') || (s.name === 'DEFAULT' ? 'every other queue' : '–')))));
}

async function select(id, versionId) {
  $('message').hidden = true;
  details = await api('/api/standards/' + id);
  for (const row of $('standards').tBodies[0].rows) row.classList.toggle('selected', row.dataset.id === String(id));
  $('detail').hidden = false;
  $('standard-name').textContent = details.standard.name;
  $('standard-description').textContent = details.standard.description || '';
  $('description').value = details.standard.description || '';
  $('version').replaceChildren(...details.versions.map((v) => el('option', { value: String(v.id) },
    'version ' + v.version + (v.id === details.current.id ? ' (current)' : '') + ', ' + dateTime(v.createdAt)
      + (v.createdBy ? ' by ' + v.createdBy : ''))));
  const version = details.versions.find((v) => String(v.id) === String(versionId)) || details.current;
  $('version').value = String(version.id);
  showVersion(version);
}

function showVersion(version) {
  shown = version;
  card = structuredClone(version.scorecard);
  const current = version.id === details.current.id;
  $('version-info').textContent = current ? ''
    : 'An earlier version: ' + (editor ? 'saving makes it, with your changes, the next version.' : 'read only.');
  $('pass-threshold').value = Number.isFinite(card.passThreshold) ? String(card.passThreshold) : '';
  $('pass-threshold').oninput = () => { card.passThreshold = numberOrText($('pass-threshold').value); };
  $('save-message').textContent = '';
  delete $('save-message').dataset.state;
  history.replaceState(null, '', '?id=' + details.standard.id + (current ? '' : '&version=' + version.id));
  drawSections();
  document.body.dataset.loaded = details.standard.id + '/' + version.id;
}

function unsaved() {
  if ($('save-message').dataset.state === 'error') return;
  $('save-message').textContent = 'Unsaved changes.';
  $('save-message').dataset.state = 'unsaved';
}

function drawSections() {
  $('sections').replaceChildren(...card.sections.map((section, si) => sectionNode(section, si)));
  drawCount();
}

function sectionNode(section, si) {
  return el('fieldset', { class: 'section-editor', 'data-section': String(si) },
    el('legend', {}, el('input', {
      type: 'text', class: 'section-name', value: section.name || '', 'aria-label': 'Section name',
      oninput: (e) => { section.name = e.target.value; },
    })),
    ...section.items.map((item, ii) => itemNode(item, si, ii)),
    el('p', { class: 'editor-actions editor-only' },
      el('button', { type: 'button', class: 'add-item', onclick: () => { section.items.push(newItem()); drawSections(); } },
        'Add item'),
      el('button', {
        type: 'button', class: 'remove-section',
        onclick: () => { card.sections.splice(si, 1); drawSections(); },
      }, 'Remove section')));
}

function newItem() {
  const keys = new Set(card.sections.flatMap((s) => s.items.map((i) => i.key)));
  let n = 1;
  while (keys.has('item-' + n)) n++;
  return { key: 'item-' + n, label: '', weight: 1, type: 'YES_NO', maxPoints: null, naAllowed: false, critical: false, guidance: null };
}

function itemNode(item, si, ii) {
  const section = card.sections[si];
  const maxPoints = field('Max points', numberInput(item, 'maxPoints', { min: 1, step: 1, class: 'item-max-points' }));
  maxPoints.hidden = item.type !== 'POINTS';
  const node = el('div', {
    class: 'item-editor' + (item.critical ? ' critical' : ''), 'data-section': String(si), 'data-item': String(ii),
    'data-key': item.key || '',
  },
  el('div', { class: 'item-row' },
    field('Key', el('input', {
      type: 'text', class: 'item-key', value: item.key || '', size: 18,
      oninput: (e) => { item.key = e.target.value; node.dataset.key = e.target.value; },
    })),
    field('Label', el('input', {
      type: 'text', class: 'item-label', value: item.label || '',
      oninput: (e) => { item.label = e.target.value; },
    }), 'wide'),
    field('Weight', numberInput(item, 'weight', { min: 0, step: 'any', class: 'item-weight' })),
    field('Type', choice(['YES_NO', 'POINTS'], item.type || 'YES_NO', (v) => {
      item.type = v;
      maxPoints.hidden = v !== 'POINTS';
    }, 'item-type')),
    maxPoints,
    check('critical', item, 'critical', 'item-critical', () => node.classList.toggle('critical', !!item.critical)),
    check('N/A allowed', item, 'naAllowed', 'item-na'),
    el('span', { class: 'item-moves editor-only' },
      el('button', { type: 'button', class: 'move-up', title: 'Move up', disabled: ii === 0, onclick: () => move(section, ii, -1) }, '↑'),
      el('button', { type: 'button', class: 'move-down', title: 'Move down', disabled: ii === section.items.length - 1, onclick: () => move(section, ii, 1) }, '↓'),
      el('button', { type: 'button', class: 'remove-item', onclick: () => { section.items.splice(ii, 1); drawSections(); } },
        'Remove'))),
  field('Guidance for supervisors', el('input', {
    type: 'text', class: 'item-guidance', value: item.guidance || '',
    oninput: (e) => { item.guidance = e.target.value === '' ? null : e.target.value; },
  }), 'wide'),
  ruleNode(item),
  el('p', { class: 'item-error message error', hidden: true }));
  return node;
}

function move(section, index, by) {
  const [item] = section.items.splice(index, 1);
  section.items.splice(index + by, 0, item);
  drawSections();
}

/** The item's rule: a kind (or none: scored by hand) and the fields of that kind. */
function ruleNode(item) {
  const box = el('div', { class: 'rule' + (item.rule ? ' automatic' : '') });
  const draw = () => {
    const rule = item.rule;
    box.className = 'rule' + (rule ? ' automatic' : '');
    box.replaceChildren(
      field('Checked', choice(['', ...Object.keys(KINDS)], rule ? rule.kind : '', (kind) => {
        item.rule = changedKind(rule, kind);
        draw();
        drawCount();
      }, 'rule-kind', (k) => (k ? 'automatically: ' + KINDS[k].label : 'by a supervisor (manual)'))),
      ...(rule ? ruleFields(rule, draw) : []));
  };
  draw();
  return box;
}

function drawCount() {
  const items = card.sections.flatMap((s) => s.items);
  $('rule-count').textContent = items.filter((i) => i.rule).length + ' of ' + items.length
    + ' items checked automatically on every transcribed call; the others are scored by a supervisor.';
}

/** A new kind keeps what it shares with the old one (said and not said share query, speaker and window). */
function changedKind(rule, kind) {
  if (!kind) return undefined;
  if (rule && PHRASE_KINDS.includes(rule.kind) && PHRASE_KINDS.includes(kind)) return { ...rule, kind };
  if (rule && rule.kind === kind) return rule;
  return { kind, ...(KINDS[kind] ? KINDS[kind].start() : {}) };
}

function ruleFields(rule, redraw) {
  switch (rule.kind) {
    case 'SAID':
    case 'NOT_SAID':
      return phraseFields(rule, redraw);
    case 'SILENCE':
      return [field('Longest silence at most (s)', numberInput(rule, 'maxSec', { min: 0, step: 'any', class: 'rule-max-sec' }))];
    case 'TALK_OVER':
      return [field('Talk-overs at most', numberInput(rule, 'maxCount', { min: 0, step: 1, class: 'rule-max-count' })),
        field('Share of the call at most (0-1)', numberInput(rule, 'maxShare', { min: 0, max: 1, step: 'any', class: 'rule-max-share' })),
        note('Needs per-party recordings; N/A on a mono recording.')];
    case 'AGENT_TALK_SHARE':
      return [field('Share at least (0-1)', numberInput(rule, 'min', { min: 0, max: 1, step: 'any', class: 'rule-min' })),
        field('Share at most (0-1)', numberInput(rule, 'max', { min: 0, max: 1, step: 'any', class: 'rule-max' })),
        note("Agent's seconds of speech / (agent's + customer's).")];
    case 'AGENT_WPM':
      return [field('At least', numberInput(rule, 'min', { min: 0, step: 'any', class: 'rule-min' })),
        field('At most', numberInput(rule, 'max', { min: 0, step: 'any', class: 'rule-max' }))];
    case 'WAIT':
    case 'HOLD':
      return [field('At most (s)', numberInput(rule, 'maxSec', { min: 0, step: 'any', class: 'rule-max-sec' })),
        note('From telephony; N/A when not known.')];
    case 'DURATION':
      return [field('At least (s)', numberInput(rule, 'minSec', { min: 0, step: 'any', class: 'rule-min-sec' })),
        field('At most (s)', numberInput(rule, 'maxSec', { min: 0, step: 'any', class: 'rule-max-sec' }))];
    case 'FACT':
      return factFields(rule, redraw);
    default:
      // A kind this page does not know (a newer server): kept as it is.
      return [note('Rule ' + JSON.stringify(rule) + ' (kept unchanged)')];
  }
}

function phraseFields(rule, redraw) {
  const win = rule.window || {};
  const windowKind = win.kind || 'ANYWHERE';
  const setWindow = (kind) => {
    const next = { ...(rule.window || {}), kind };
    if (kind === 'ANYWHERE') delete next.seconds;
    if (kind !== 'AFTER') { delete next.after; delete next.afterSpeaker; }
    if ((kind === 'FIRST' || kind === 'LAST') && next.seconds === undefined) next.seconds = kind === 'FIRST' ? 15 : 60;
    if (kind === 'AFTER' && next.after === undefined) next.after = '';
    rule.window = next;
    redraw();
  };
  const fields = [
    field('Query (search syntax)', el('input', {
      type: 'text', class: 'rule-query', value: rule.query || '', maxlength: 2000,
      placeholder: '"thank you for calling" OR welcome',
      oninput: (e) => { rule.query = e.target.value; },
    }), 'wide'),
    field('Said by', choice(SPEAKERS, rule.speaker || 'ANY', (v) => { rule.speaker = v; }, 'rule-speaker')),
    field('Matching', choice(MATCHINGS, rule.matching || 'STEMMED', (v) => { rule.matching = v; }, 'rule-matching')),
    field('Where', choice(Object.keys(WINDOWS), windowKind, setWindow, 'rule-window', (k) => WINDOWS[k])),
  ];
  if (windowKind === 'FIRST' || windowKind === 'LAST') {
    fields.push(field('Seconds', numberInput(rule.window, 'seconds', { min: 0, step: 'any', class: 'rule-window-seconds' })));
  }
  if (windowKind === 'AFTER') {
    fields.push(field('After (query)', el('input', {
      type: 'text', class: 'rule-after', value: win.after || '', maxlength: 2000, placeholder: 'complaint OR unhappy',
      oninput: (e) => { rule.window.after = e.target.value; },
    }), 'wide'),
    field('said by', choice(SPEAKERS, win.afterSpeaker || 'ANY', (v) => { rule.window.afterSpeaker = v; }, 'rule-after-speaker')),
    field('Within (s, empty: any time after)', numberInput(rule.window, 'seconds', { min: 0, step: 'any', class: 'rule-window-seconds' })));
  }
  return fields;
}

function factFields(rule, redraw) {
  const fact = rule.fact || 'OUTCOME';
  const fields = [field('Fact', choice([...Object.keys(FACTS), 'SURVEY'], fact, (v) => {
    rule.fact = v;
    if (v === 'SURVEY') { delete rule.in; if (rule.min === undefined) rule.min = 7; }
    else { delete rule.min; rule.in = []; }
    redraw();
  }, 'rule-fact'))];
  if (fact === 'SURVEY') {
    fields.push(field('Survey score at least (0-10)', numberInput(rule, 'min', { min: 0, max: 10, step: 1, class: 'rule-min' })),
      note('N/A when the caller gave no score.'));
  } else {
    fields.push(field('One of (comma-separated)', el('input', {
      type: 'text', class: 'rule-in', value: (rule.in || []).join(', '), placeholder: FACTS[fact] || '',
      oninput: (e) => { rule.in = e.target.value.split(',').map((s) => s.trim()).filter((s) => s); },
    }), 'wide'), note(FACTS[fact] || ''));
  }
  return fields;
}

// Small form builders. A number field writes a number, nothing when empty (the server names what is missing), and
// text it cannot read as a number as it is, so the server refuses it rather than the page dropping it.
function numberInput(target, prop, attrs) {
  const value = target[prop];
  return el('input', {
    type: 'number', ...attrs, value: value === undefined || value === null ? '' : String(value),
    oninput: (e) => {
      const v = numberOrText(e.target.value);
      if (v === undefined) delete target[prop]; else target[prop] = v;
    },
  });
}

function numberOrText(text) {
  if (text === undefined || text === null || String(text).trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function choice(values, current, onchange, cls, label = (v) => v) {
  const node = el('select', { class: cls, onchange: (e) => onchange(e.target.value) },
    ...values.map((v) => el('option', { value: v }, label(v))));
  if (!values.includes(current)) node.append(el('option', { value: current }, current));
  node.value = current;
  return node;
}

function check(text, target, prop, cls, after) {
  return el('label', { class: 'check' }, el('input', {
    type: 'checkbox', class: cls, checked: !!target[prop],
    onchange: (e) => { target[prop] = e.target.checked; if (after) after(); },
  }), ' ' + text);
}

function field(text, input, extra) {
  return el('label', { class: 'field' + (extra ? ' ' + extra : '') }, el('span', {}, text), input);
}

function note(text) {
  return el('span', { class: 'sub rule-note' }, text);
}

/** Saves the scorecard shown as the standard's next version; a 400 is shown next to the item it names. */
async function save() {
  clearErrors();
  const body = { scorecard: card };
  const description = $('description').value;
  if (description !== (details.standard.description || '')) body.description = description;
  $('save').disabled = true;
  try {
    const version = await send('PUT', '/api/standards/' + details.standard.id, body);
    await loadList();
    await select(details.standard.id, version.id);
    $('save-message').textContent = 'Saved as version ' + version.version + '.';
    $('save-message').dataset.state = 'saved';
  } catch (error) {
    placeError(error);
  } finally {
    $('save').disabled = false;
  }
}

/** Fetches like api() but keeps the problem's extra properties (e.g. the item a refused rule belongs to). */
async function send(method, path, body) {
  const response = await fetch(path, {
    method, credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json',
      'X-XSRF-TOKEN': await formToken() },
    body: JSON.stringify(body),
  });
  if (response.status === 401) {
    location.href = '/login';
    throw new ApiError(401, 'Not logged in');
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) {
    const error = new ApiError(response.status, data && data.title, data && data.detail);
    error.problem = data || {};
    throw error;
  }
  return data;
}

function clearErrors() {
  document.querySelectorAll('.item-editor .item-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  document.querySelectorAll('.item-editor.has-error').forEach((n) => n.classList.remove('has-error'));
  $('save-message').textContent = '';
  delete $('save-message').dataset.state;
  $('message').hidden = true;
}

function placeError(error) {
  $('save-message').dataset.state = 'error';
  const detail = error instanceof ApiError ? error.detail || error.title : String(error);
  const node = error.problem ? itemNamedIn(error.problem, detail) : null;
  if (node) {
    const box = node.querySelector('.item-error');
    box.textContent = detail;
    box.hidden = false;
    node.classList.add('has-error');
    node.scrollIntoView({ block: 'center' });
    $('save-message').textContent = 'Not saved: see the item marked below.';
  } else {
    $('save-message').textContent = '';
    showError(error);
    $('message').scrollIntoView({ block: 'center' });
  }
}

/** The item the problem is about: its "item" property, else the longest item key quoted in its detail. */
function itemNamedIn(problem, detail) {
  let found = null;
  card.sections.forEach((section, si) => section.items.forEach((item, ii) => {
    if (!item.key) return;
    const named = problem.item === item.key || problem.itemKey === item.key
      || detail.includes("'" + item.key + "'") || detail.includes('"' + item.key + '"');
    if (named && (!found || item.key.length > found.key.length)) found = { key: item.key, si, ii };
  }));
  return found
    ? document.querySelector('.item-editor[data-section="' + found.si + '"][data-item="' + found.ii + '"]') : null;
}

async function createStandard() {
  $('message').hidden = true;
  try {
    const created = await send('POST', '/api/standards', {
      name: $('new-name').value.trim(), description: $('new-description').value || null, scorecard: card,
    });
    $('new-name').value = '';
    $('new-description').value = '';
    await loadList();
    await select(created.standard.id);
    showInfo('Created "' + created.standard.name + '" from the version shown.');
  } catch (error) {
    if (error.status === 400) placeError(error); else showError(error);
  }
}

async function assign() {
  const queue = $('assign-queue').value.trim();
  try {
    await api('/api/queues/' + encodeURIComponent(queue) + '/standard', {
      method: 'PUT', body: { queue, standardId: details.standard.id },
    });
    $('assign-queue').value = '';
    await loadList();
    showInfo('Calls of queue "' + queue + '" are scored with "' + details.standard.name + '" from now on.');
  } catch (error) {
    showError(error);
  }
}

// ---- re-checking stored calls after a standard changed: a background re-evaluation with its progress ----

let recheckTimer = null;

function startRecheck() {
  const today = new Date();
  const weekAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
  $('recheck-from').value = isoDate(weekAgo);
  $('recheck-to').value = isoDate(today);
  drawRechecks();
}

function isoDate(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

// A day of the date inputs is the browser's day: from its midnight to the next day's.
function midnight(value, plusDays = 0) {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

async function recheck() {
  const from = $('recheck-from').value;
  const to = $('recheck-to').value;
  if (!from || !to) { showError('Choose the first and the last day of the period.'); return; }
  if (to < from) { showError('The last day is before the first.'); return; }
  $('recheck-start').disabled = true;
  try {
    await api('/api/automatic-evaluations/reevaluations', {
      method: 'POST', body: { from: midnight(from), to: midnight(to, 1) },
    });
    await drawRechecks();
  } catch (error) {
    showError(error);
  } finally {
    $('recheck-start').disabled = false;
  }
}

// The latest runs; while one is unfinished the list is read again every 2 s.
async function drawRechecks() {
  clearTimeout(recheckTimer);
  let runs;
  try {
    runs = await api('/api/automatic-evaluations/reevaluations');
  } catch (error) {
    showError(error);
    return;
  }
  $('recheck-runs').replaceChildren(...runs.slice(0, 5).map((r) => el('li', {
    class: 'recheck-run', 'data-id': String(r.id), 'data-finished': String(r.finished),
  },
  el('div', {}, dateTime(r.from) + ' to ' + dateTime(r.to) + ', by ' + r.requestedBy),
  el('progress', { max: '100', value: String(r.percent) }),
  el('div', { class: 'sub recheck-progress' }, r.finished
    ? 'done: ' + r.done + ' call' + (r.done === 1 ? '' : 's') + ' re-checked, ' + dateTime(r.finishedAt)
    : (r.total == null ? 'counting the calls…' : r.done + ' of ' + r.total + ' calls (' + r.percent + ' %)')))));
  if (runs.some((r) => !r.finished)) recheckTimer = setTimeout(drawRechecks, 2000);
}
