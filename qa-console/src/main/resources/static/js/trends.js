// Trends: calls and share per category per day or week, the most rising categories, what customers ask, and the
// categories themselves (supervisors and admins edit them; saving re-tags calls in the background). "Queues side by
// side" shows several queues at once: a chart per category with a line per queue, a table and each queue's risers.
import { api, el, query, num, showError, showInfo, param } from './api.js';
import { initPage } from './nav.js';
import { barChart, lineChart, multiLineChart, niceMax } from './charts.js';

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
if (param('queues')) $('queues').value = param('queues');
if (param('interval') === 'WEEK') $('interval-week').checked = true;
if (param('view') === 'QUEUES') $('view-queues').checked = true;
if (param('measure') === 'calls') $('measure-calls').checked = true;
$('range').addEventListener('submit', (e) => { e.preventDefault(); load(); });
document.querySelectorAll('input[name=interval], input[name=view], input[name=measure]')
  .forEach((r) => r.addEventListener('change', load));
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

function checked(name) {
  return document.querySelector('input[name=' + name + ']:checked').value;
}

async function load() {
  $('message').hidden = true;
  const view = checked('view');
  for (const [id, shown] of [['one-queue', view === 'ONE'], ['customers-ask', view === 'ONE'], ['queue-label', view === 'ONE'],
    ['side-by-side', view === 'QUEUES'], ['queues-label', view === 'QUEUES']]) $(id).hidden = !shown;
  if (view === 'QUEUES') return loadQueues();
  const r = range();
  const interval = checked('interval');
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

/** Several queues' trends over the same days or weeks and categories. */
async function loadQueues() {
  const r = range();
  const interval = checked('interval');
  const measure = checked('measure');
  const queues = $('queues').value.split(',').map((q) => q.trim()).filter((q) => q);
  history.replaceState(null, '', query({ from: $('from').value, to: $('to').value, interval, view: 'QUEUES',
    queues: queues.join(',') || undefined, measure: measure === 'calls' ? 'calls' : undefined }));
  try {
    const search = new URLSearchParams({ ...r, interval, zone });
    queues.forEach((q) => search.append('queue', q));
    const [trends, categories] = await Promise.all([api('/api/trends/queues?' + search), api('/api/categories')]);
    drawQueues(trends, measure);
    drawCategories(categories);
    document.body.dataset.loaded = r.from + '/' + r.to + '/' + interval + '/QUEUES/' + queues.join(',') + '/' + measure;
  } catch (error) {
    showError(error);
  }
}

function drawQueues(trends, measure) {
  const labels = trends.buckets.map((b) => b.substring(5));
  const queues = trends.queues;
  $('compare-totals').textContent = queues.length
    ? queues.map((q) => q.queue + ': ' + q.trends.totalCalls + ' transcribed calls (' + q.trends.previousCalls
      + ' in the previous period)').join('; ') + '.'
    : 'No queue has transcribed calls in the period.';
  $('compare-legend').replaceChildren(...queues.map((q, i) => el('span', { 'data-queue': q.queue },
    el('span', { class: 'swatch series-' + (i % 6) }), q.queue)));
  // The categories in the order of their calls over all the queues shown.
  const totals = new Map();
  queues.forEach((q) => q.trends.categories.forEach((s) => totals.set(s.category, (totals.get(s.category) || 0) + s.total)));
  const names = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
  const seriesOf = (q, name) => q.trends.categories.find((s) => s.category === name);
  const calls = queues.map((q) => ({ name: q.queue, values: q.trends.calls }));
  const charts = [el('div', { class: 'queue-chart', 'data-chart': 'calls' }, el('h3', {}, 'Transcribed calls'),
    el('div', { class: 'chart' }, multiLineChart(labels, calls, { max: niceMax(calls.flatMap((c) => c.values)),
      title: 'Transcribed calls per queue' })))];
  // A chart per category some queue has calls of; the table lists the others too.
  for (const name of names.filter((n) => totals.get(n) > 0)) {
    const lines = queues.map((q) => {
      const s = seriesOf(q, name);
      return { name: q.queue, values: s ? (measure === 'calls' ? s.calls : s.share) : labels.map(() => 0) };
    });
    const values = lines.flatMap((l) => l.values);
    const max = measure === 'calls' ? niceMax(values)
      : Math.max(10, ...values.filter((v) => v !== null).map((v) => Math.ceil(v / 10) * 10));
    charts.push(el('div', { class: 'queue-chart', 'data-category': name },
      el('h3', {}, name + ' (' + totals.get(name) + ' calls)'),
      el('div', { class: 'chart' }, multiLineChart(labels, lines, { max,
        title: name + (measure === 'calls' ? ', calls per queue' : ', share (%) per queue'),
        format: (v) => measure === 'calls' ? String(v) : num(v) }))));
  }
  $('compare-charts').replaceChildren(...charts);
  $('compare-table').tHead.replaceChildren(el('tr', {}, el('th', {}, 'Category'),
    ...queues.map((q) => el('th', { 'data-queue': q.queue }, q.queue + ': calls (share)'))));
  $('compare-table').tBodies[0].replaceChildren(...names.map((name) => el('tr', { 'data-category': name },
    el('td', {}, name), ...queues.map((q) => {
      const change = q.trends.rising.find((c) => c.name === name);
      return el('td', { 'data-queue': q.queue }, el('span', { class: 'calls' }, String(change ? change.calls : 0)),
        el('span', { class: 'share' }, '(' + num(change ? change.share : 0) + ' %)'));
    }))));
  $('compare-rising').replaceChildren(...queues.map((q, i) => {
    const risers = q.trends.rising.filter((c) => c.change > 0).slice(0, 5);
    return el('div', { 'data-queue': q.queue }, el('h3', {}, el('span', { class: 'swatch series-' + (i % 6) }), q.queue),
      el('ol', {}, ...(risers.length ? risers.map((c) => el('li', { 'data-category': c.name }, c.name + ': '
        + num(c.previousShare) + ' % → ' + num(c.share) + ' % (' + signed(c.change) + ' points, ' + c.previousCalls
        + ' → ' + c.calls + ' calls)')) : [el('li', {}, 'No category rose.')])));
  }));
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
  // Left out, the server re-tags every call in its index.
  if ($('category-retag').value === 'PERIOD') Object.assign(body, { retagFrom: range().from, retagTo: range().to });
  if ($('category-retag').value === 'NONE') body.retag = false;
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

/** Deleting re-tags the calls tagged with the category; the trends leave its name out at once. */
async function remove(c) {
  try {
    const deleted = await api('/api/categories/' + c.id, { method: 'DELETE' });
    showInfo('Deleted "' + c.name + '".');
    drawCategories(await api('/api/categories'));
    if (deleted && deleted.retag) follow(deleted.retag);
    else load();
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
