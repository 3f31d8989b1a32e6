// Agent home: my state on the live floor (available, on a call, paused and why, since when) and pausing myself with
// one of the console's reasons. Asterisk changes the state; the page reads it again every few seconds.
import { api, el, clock, showError, showInfo } from './api.js';

const me = await api('/api/me');
const stateNow = document.getElementById('state-now');
const detail = document.getElementById('state-detail');
const message = document.getElementById('state-message');
const select = document.getElementById('pause-reason');
select.replaceChildren(...me.pauseReasons.map((r) => el('option', { value: r }, r)));

const LABELS = { LOGGED_OUT: 'logged out', UNAVAILABLE: 'unavailable', AVAILABLE: 'available', RINGING: 'ringing',
  ON_CALL: 'on a call', PAUSED: 'paused' };
let state = null;

async function refresh() {
  try {
    state = await api('/api/me/floor');
  } catch (error) {
    state = null;
    stateNow.textContent = '–';
    detail.textContent = error.status === 403 ? '' : 'State: ' + error.message;
    return;
  }
  stateNow.textContent = LABELS[state.state] || state.state;
  stateNow.dataset.state = state.state;
  document.getElementById('pause').disabled = state.state === 'LOGGED_OUT';
  document.getElementById('unpause').disabled = state.state !== 'PAUSED';
  tick();
}

function tick() {
  if (!state) return;
  const since = (Date.now() - new Date(state.since).getTime()) / 1000;
  const parts = [];
  if (state.state === 'PAUSED' && state.pauseReason) parts.push('Reason: ' + state.pauseReason);
  if (state.state !== 'LOGGED_OUT') parts.push('for ' + clock(since));
  if (state.queues.length) parts.push('queues: ' + state.queues.join(', '));
  parts.push(state.callsToday + ' calls today');
  detail.textContent = parts.join(' · ');
}

/** The state changes when Asterisk's event arrives: read it again a few times soon after acting. */
function soon() {
  for (const ms of [300, 1000, 2500]) setTimeout(refresh, ms);
}

document.getElementById('pause-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    await api('/api/me/pause', { method: 'POST', body: { reason: select.value } });
    showInfo('Paused: ' + select.value + '.', message);
    soon();
  } catch (error) { showError(error, message); }
});
document.getElementById('unpause').addEventListener('click', async () => {
  try {
    await api('/api/me/unpause', { method: 'POST' });
    showInfo('Unpaused.', message);
    soon();
  } catch (error) { showError(error, message); }
});

refresh();
setInterval(refresh, 5000);
setInterval(tick, 1000);
