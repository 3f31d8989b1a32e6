// Trends: calls and share per category per day or week, the most rising categories, what customers ask, and the
// categories themselves (supervisors and admins edit them; saving can re-tag the period's calls in the background).
import { api, el, query, num, showError, showInfo, param } from './api.js';
import { initPage } from './nav.js';
import { barChart, lineChart } from './charts.js';

const me = await initPage({ roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] });
const editor = me.role === 'SUPERVISOR' || me.role === 'ADMIN';
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const $ = (id) => document.getElementById(id);

function isoDay(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}
if (param('from') && param('to')) {
  $('from').value = param('from');
  $('to').value = param('to');
} else {
  const from = new Date();
  from.setDate(from.getDate() - 27);
  $('from').value = isoDay(from);
  $('to').value = isoDay(new Date());
}
if (param('queue')) $('queue').value = param('queue');
if (param('interval') === 'WEEK') $('interval-week').checked = true;
$('range').addEventListener('submit', (e) => { e.preventDefault(); load(); });
document.querySelectorAll('input[name=interval]').forEach((r) => r.addEventListener('change', load));
$('category-form').hidden = !editor;
$('category-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
$('category-new').addEventListener('click', () => edit(null));
load();

/** The days chosen, in the browser's zone: from the first day's midnight to the midnight after the last. */
function range() {
  const from = new Date($('from').value + 'T00:00:00');
  const to = new Date($('to').value + 'T00:00:00');
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

async function load() {
  $('message').hidden = true;
  const r = range();
  const interval = document.querySelector('input[name=interval]:checked').value;
  const queue = $('queue').value.trim();
  history.replaceState(null, '', query({ from: $('from').value, to: $('to').value, interval, queue: queue || undefined }));
  try {
    const [trends, phrases, categories] = await Promise.all([
      api('/api/trends' + query({ ...r, interval, zone, queue: queue || undefined })),
      api('/api/trends/phrases' + query({ ...r, queue: queue || undefined, limit: 15 })),
      api('/api/categories'),
    ]);
    drawTrends(trends);
    drawPhrases(phrases);
    drawCategories(categories);
    document.body.dataset.loaded = r.from + '/' + r.to + '/' + interval + '/' + queue;
  } catch (error) {
    showError(error);
  }
}

function drawTrends(trends) {
  $('totals').textContent = trends.totalCalls + ' transcribed calls in the period, ' + trends.previousCalls
    + ' in the previous one of the same length.';
  const labels = trends.buckets.map((b) => b.substring(5));
  const charts = [el('div', {}, el('h3', {}, 'Transcribed calls'),
    el('div', { class: 'chart', id: 'chart-calls' }, barChart(trends.calls.map((v, i) => ({ label: labels[i], value: v })),
      { title: 'Transcribed calls' })))];
  const rising = new Map(trends.rising.map((c) => [c.name, c]));
  trends.categories.forEach((s, index) => {
    const max = Math.max(10, ...s.share.filter((v) => v !== null).map((v) => Math.ceil(v / 10) * 10));
    charts.push(el('div', { class: 'category-chart', 'data-category': s.category },
      el('h3', {}, s.category + ' (' + s.total + ' calls)'),
      el('div', { class: 'chart', id: 'chart-category-' + index },
        lineChart(s.share.map((v, i) => ({ x: labels[i], y: v === null ? 0 : v })), { max, title: s.category + ', share (%)' }))));
  });
  $('charts').replaceChildren(...charts);
  $('series').tBodies[0].replaceChildren(...trends.categories.map((s) => {
    const c = rising.get(s.category);
    return el('tr', { 'data-category': s.category }, el('td', {}, s.category), el('td', { class: 'calls' }, String(s.total)),
      el('td', { class: 'share' }, c ? num(c.share) : '–'), el('td', {}, c ? num(c.previousShare) : '–'),
      el('td', { class: 'change' }, c ? signed(c.change) : '–'));
  }));
  $('rising').replaceChildren(...trends.rising.filter((c) => c.change > 0).slice(0, 5).map((c) =>
    el('li', { 'data-category': c.name }, c.name + ': ' + num(c.previousShare) + ' % → ' + num(c.share) + ' % ('
      + signed(c.change) + ' points, ' + c.previousCalls + ' → ' + c.calls + ' calls)')));
  if (!$('rising').children.length) $('rising').replaceChildren(el('li', {}, 'No category rose.'));
}

function signed(v) {
  return (v > 0 ? '+' : '') + num(v);
}

function drawPhrases(phrases) {
  $('phrases-frequent').tBodies[0].replaceChildren(...phrases.frequent.map((p) =>
    el('tr', { 'data-phrase': p.name }, el('td', {}, p.name), el('td', { class: 'calls' }, String(p.calls)),
      el('td', {}, String(p.previousCalls)))));
  $('phrases-rising').tBodies[0].replaceChildren(...phrases.rising.map((p) =>
    el('tr', { 'data-phrase': p.name }, el('td', {}, p.name), el('td', { class: 'calls' }, String(p.calls)),
      el('td', {}, String(p.previousCalls)), el('td', {}, signed(p.change)))));
}

function drawCategories(categories) {
  $('categories').tBodies[0].replaceChildren(...categories.map((c) => el('tr', { 'data-id': String(c.id) },
    el('td', {}, c.name), el('td', {}, el('code', {}, c.query)), el('td', {}, c.speaker.toLowerCase()),
    el('td', {}, c.matching.toLowerCase()),
    el('td', {}, editor ? el('button', { type: 'button', class: 'edit', onclick: () => edit(c) }, 'Edit') : '',
      editor ? el('button', { type: 'button', class: 'delete', onclick: () => remove(c) }, 'Delete') : ''))));
}

function edit(c) {
  $('category-id').value = c ? c.id : '';
  $('category-name').value = c ? c.name : '';
  $('category-query').value = c ? c.query : '';
  $('category-speaker').value = c ? c.speaker : 'ANY';
  $('category-matching').value = c ? c.matching : 'STEMMED';
  $('category-name').focus();
}

async function save() {
  const id = $('category-id').value;
  const body = {
    name: $('category-name').value, query: $('category-query').value,
    speaker: $('category-speaker').value, matching: $('category-matching').value,
  };
  if ($('category-retag').checked) Object.assign(body, { retagFrom: range().from, retagTo: range().to });
  try {
    const saved = await api(id ? '/api/categories/' + id : '/api/categories', { method: id ? 'PUT' : 'POST', body });
    edit(null);
    showInfo('Saved "' + saved.category.name + '".');
    drawCategories(await api('/api/categories'));
    if (saved.retag) follow(saved.retag);
  } catch (error) {
    showError(error);
  }
}

async function remove(c) {
  try {
    await api('/api/categories/' + c.id, { method: 'DELETE' });
    drawCategories(await api('/api/categories'));
  } catch (error) {
    showError(error);
  }
}

/** Shows a re-tagging's progress until it is done, then reloads the trends. */
async function follow(job) {
  $('retag').textContent = 'Re-tagging: ' + job.done + ' of ' + job.total + ' calls';
  $('retag').dataset.state = job.finished ? 'done' : 'running';
  if (job.finished) {
    $('retag').textContent = 'Re-tagged ' + job.total + ' calls.';
    load();
    return;
  }
  setTimeout(async () => {
    try {
      follow(await api('/api/categories/retag/' + job.id));
    } catch (error) {
      showError(error);
    }
  }, 1000);
}
