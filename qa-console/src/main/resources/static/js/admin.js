// User management for admins: list, create (an agent user is linked to its Asterisk member name), disable/enable.
import { api, el, dateTime, showError, showInfo } from './api.js';
import { initPage } from './nav.js';

await initPage({ roles: ['ADMIN'] });
const v = (id) => document.getElementById(id).value.trim();
document.getElementById('new-user').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const created = await api('/api/users', { method: 'POST', body: { username: v('nu-username'), password: v('nu-password'),
      role: v('nu-role'), agentName: v('nu-agent') || null, displayName: v('nu-display') || null } });
    showInfo('Created ' + created.username + '.');
    e.target.reset();
    load();
  } catch (error) { showError(error); }
});
load();

async function load() {
  try {
    const users = await api('/api/users');
    document.querySelector('#users tbody').replaceChildren(...users.map((u) => el('tr', { dataset: { username: u.username } },
      el('td', {}, u.username), el('td', {}, u.displayName || ''), el('td', {}, u.role), el('td', {}, u.agentName || ''),
      el('td', {}, dateTime(u.createdAt)), el('td', {}, u.enabled ? 'yes' : 'no'),
      el('td', {}, el('button', { type: 'button', class: 'toggle-user', onclick: () => toggle(u) }, u.enabled ? 'Disable' : 'Enable')))));
  } catch (error) { showError(error); }
}

async function toggle(u) {
  try {
    await api('/api/users/' + u.id, { method: 'PUT', body: { role: u.role, agentName: u.agentName, displayName: u.displayName, enabled: !u.enabled } });
    load();
  } catch (error) { showError(error); }
}
