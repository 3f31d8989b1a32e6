import { api } from '/js/api.js';
// Each role starts where its work is.
const me = await api('/api/me');
const home = { AGENT: '/agent.html', MANAGER: '/manager.html', WALLBOARD: '/wallboard.html?tv=1' }[me.role] || '/search.html';
location.replace(home);
