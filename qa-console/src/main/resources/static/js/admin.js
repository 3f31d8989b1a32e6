// User management for admins: list, create (an agent user is linked to its Asterisk member name; a supervisor has a
// phone to listen in on and the queues they act on), change a supervisor's phone and queues, disable/enable.
import { api, el, dateTime, showError, showInfo } from './api.js';
import { initPage } from './nav.js';

await initPage({ roles: ['ADMIN'] });
const v = (id) => document.getElementById(id).value.trim();
/** "sales, support" -> ['sales', 'support'] (queue names have no commas). */
const queueList = (text) => text.split(',').map((q) => q.trim()).filter(Boolean);
document.getElementById('new-user').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const created = await api('/api/users', { method: 'POST', body: { username: v('nu-username'), password: v('nu-password'),
      role: v('nu-role'), agentName: v('nu-agent') || null, displayName: v('nu-display') || null,
      phone: v('nu-phone') || null, queues: queueList(v('nu-queues')) } });
    showInfo('Created ' + created.username + '.');
    e.target.reset();
    load();
  } catch (error) { showError(error); }
});
load();

async function load() {
  try {
    const users = await api('/api/users');
    document.querySelector('#users tbody').replaceChildren(...users.map(row));
  } catch (error) { showError(error); }
}

function row(u) {
  const supervises = u.role === 'SUPERVISOR' || u.role === 'ADMIN';
  const phone = el('input', { class: 'user-phone', value: u.phone || '', placeholder: 'PJSIP/2001', size: 14,
    'aria-label': 'Phone of ' + u.username, disabled: !supervises });
  const queues = el('input', { class: 'user-queues', value: (u.queues || []).join(', '), placeholder: u.role === 'ADMIN' ? 'every queue' : 'sales, support or *',
    size: 18, 'aria-label': 'Queues of ' + u.username, disabled: u.role !== 'SUPERVISOR' });
  return el('tr', { dataset: { username: u.username } },
    el('td', {}, u.username), el('td', {}, u.displayName || ''), el('td', {}, u.role), el('td', {}, u.agentName || ''),
    el('td', {}, phone), el('td', {}, queues),
    el('td', {}, dateTime(u.createdAt)), el('td', {}, u.enabled ? 'yes' : 'no'),
    el('td', {},
      supervises ? el('button', { type: 'button', class: 'save-floor', onclick: () => saveFloor(u, phone.value, queues.value) }, 'Save phone and queues') : null,
      ' ',
      el('button', { type: 'button', class: 'toggle-user', onclick: () => toggle(u) }, u.enabled ? 'Disable' : 'Enable')));
}

async function saveFloor(u, phone, queues) {
  try {
    await api('/api/users/' + u.id, { method: 'PUT', body: { role: u.role, agentName: u.agentName, displayName: u.displayName,
      enabled: u.enabled, phone: phone.trim(), queues: queueList(queues) } });
    showInfo('Saved ' + u.username + '\u2019s phone and queues.');
    load();
  } catch (error) { showError(error); }
}

async function toggle(u) {
  try {
    // Phone and queues left out stay as they are.
    await api('/api/users/' + u.id, { method: 'PUT', body: { role: u.role, agentName: u.agentName, displayName: u.displayName, enabled: !u.enabled } });
    load();
  } catch (error) { showError(error); }
}
