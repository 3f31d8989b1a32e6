// The agent's own automatic check average over the last 30 days (every transcribed call is checked automatically).
import { api, num } from './api.js';

const box = document.getElementById('automatic-average');
try {
  const [mine] = await api('/api/automatic-evaluations/agents');
  box.textContent = mine
    ? 'Automatic check, last 30 days: ' + num(mine.average, 0) + '% average over ' + mine.calls + ' call' + (mine.calls === 1 ? '' : 's') + '.'
    : 'Automatic check, last 30 days: no calls checked yet.';
} catch (error) {
  box.textContent = '';
}
