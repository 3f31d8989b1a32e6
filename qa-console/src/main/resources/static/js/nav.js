// The top bar: links by role, who is logged in, log out (a form POST with the CSRF token).
import { api, el, formToken } from './api.js';

const LINKS = [
  { href: '/agent.html', label: 'My calls', roles: ['AGENT'] },
  { href: '/search.html', label: 'Search', roles: ['AGENT', 'SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/wallboard.html', label: 'Live floor', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN', 'WALLBOARD'] },
  { href: '/manager.html', label: 'Dashboard', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/trends.html', label: 'Trends', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/review.html', label: 'Review', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/standards-report.html', label: 'Standards report', roles: ['AGENT', 'SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/alerts.html', label: 'Alerts', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/standards.html', label: 'Standards', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/calibration.html', label: 'Calibration', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/mystery.html', label: 'Mystery shopper', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'] },
  { href: '/admin.html', label: 'Users', roles: ['ADMIN'] },
  { href: '/retention.html', label: 'Retention', roles: ['ADMIN'] },
  { href: '/erasure.html', label: 'Erasure', roles: ['ADMIN'] },
];

/**
 * Loads who is logged in, draws the bar, and answers the user ({username, role, agent}). When the page is not for
 * this role, says so and rejects.
 */
export async function initPage({ roles } = {}) {
  const me = await api('/api/me');
  const bar = el('nav', { class: 'topbar', id: 'topbar' },
    el('a', { class: 'brand', href: '/' }, 'callqa'),
    ...LINKS.filter((l) => l.roles.includes(me.role)).map((l) =>
      el('a', { href: l.href, class: location.pathname === l.href ? 'active' : '' }, l.label)),
    el('span', { class: 'spacer' }),
    el('span', { class: 'who', id: 'who' }, me.username + ' (' + me.role.toLowerCase() + ')'),
    logoutForm());
  document.body.prepend(bar);
  if (roles && !roles.includes(me.role)) {
    const main = document.querySelector('main');
    if (main) main.replaceChildren(el('p', { class: 'message error', id: 'message' }, 'This page is not for your role.'));
    throw new Error('role');
  }
  return me;
}

function logoutForm() {
  // A fetch with the CSRF header: the form parameter would need the masked token, which pages do not have.
  return el('button', {
    type: 'button', id: 'logout', class: 'logout',
    onclick: async () => {
      const token = await formToken();
      await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': token }, credentials: 'same-origin' });
      location.href = '/login?logout';
    },
  }, 'Log out');
}
