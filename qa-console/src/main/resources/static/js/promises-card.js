// The dashboard's promises card: per queue or agent (the dashboard's choice), promises made in the range, kept on
// time, late, broken, still open and not checkable; follows the range the dashboard shows.
import { api, el, query, showError } from './api.js';

const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');
const table = document.getElementById('promises');

// The dashboard marks each range it has shown on the body (data-loaded): show the same range's promises then.
new MutationObserver(load).observe(document.body, { attributes: true, attributeFilter: ['data-loaded'] });
if (document.body.dataset.loaded) load();

async function load() {
  if (!fromInput.value || !toInput.value) return;
  const from = new Date(fromInput.value + 'T00:00:00');
  const to = new Date(toInput.value + 'T00:00:00');
  to.setDate(to.getDate() + 1);
  const per = document.querySelector('input[name=per]:checked').value;
  try {
    const rows = await api('/api/promises/stats' + query({ from: from.toISOString(), to: to.toISOString(), groupBy: per }));
    const total = (field) => rows.reduce((sum, r) => sum + (r[field] || 0), 0);
    document.getElementById('tile-promises-made').textContent = total('made');
    document.getElementById('tile-promises-kept').textContent = total('keptOnTime');
    document.getElementById('tile-promises-late').textContent = total('late');
    document.getElementById('tile-promises-broken').textContent = total('broken');
    document.getElementById('promises-key').textContent = per === 'AGENT' ? 'Agent' : 'Queue';
    const body = table.querySelector('tbody');
    body.replaceChildren(...rows.map((r) => el('tr', { dataset: { key: r.key } }, el('td', {}, r.key || '–'),
      el('td', {}, r.made), el('td', {}, r.keptOnTime), el('td', {}, r.late),
      el('td', { class: r.broken ? 'bad' : '' }, r.broken), el('td', {}, r.open), el('td', {}, r.notChecked))));
    if (!rows.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'info' }, 'No promises in this period.')));
    table.dataset.loaded = from.toISOString() + '/' + to.toISOString() + '/' + per;
  } catch (error) { showError(error); }
}
