// A supervisor's buttons on one agent of the live floor (the wallboard appends them to the agent's row): listen,
// whisper, barge on the agent's call (ringing the supervisor's own phone), pause with a reason, unpause, log out of a
// queue. The server decides and audits every action; these only offer what it would allow, and show its refusal.
import { api, el, ApiError } from './api.js';

const SPY_MODES = [
  { mode: 'LISTEN', label: 'Listen', title: 'Hear the call; nobody hears you' },
  { mode: 'WHISPER', label: 'Whisper', title: 'Coach: only the agent hears you' },
  { mode: 'BARGE', label: 'Barge', title: 'Join the call: both hear you' },
];

function everyQueue(me) {
  return me.role === 'ADMIN' || (me.role === 'SUPERVISOR' && (me.queues || []).includes('*'));
}

/** Whether the user acts on this queue (admins and '*' supervisors on every one; a call from no queue needs that). */
export function actsOn(me, queue) {
  return everyQueue(me) || (me.role === 'SUPERVISOR' && queue != null && (me.queues || []).includes(queue));
}

/**
 * The action buttons for `agent` (an AgentFloor of /api/floor), for the user `me` (/api/me), on the wallboard
 * filtered to `queue` (or null: all queues). Null when the user may not act on this agent.
 */
export function agentActions(agent, me, queue) {
  const theirs = (queue ? [queue] : agent.queues).filter((q) => actsOn(me, q));
  const call = agent.call;
  const mayListen = call && actsOn(me, call.queue);
  if (!theirs.length && !mayListen) return null;

  const box = el('span', { class: 'agent-actions', dataset: { agent: agent.agent } });
  const error = el('span', { class: 'action-error message error', role: 'alert', hidden: true });
  const run = async (button, path, options) => {
    button.disabled = true;
    error.hidden = true;
    try {
      await api(path, options);
      button.classList.add('done');
    } catch (e) {
      error.textContent = e instanceof ApiError ? (e.title + (e.detail ? ': ' + e.detail : '')) : String(e);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  };
  const agentPath = '/api/floor/agents/' + encodeURIComponent(agent.agent);

  if (mayListen) {
    for (const s of SPY_MODES) {
      const button = el('button', { type: 'button', class: 'spy-' + s.mode.toLowerCase(), disabled: !me.phone,
        title: me.phone ? s.title + ' (rings ' + me.phone + ')' : 'You have no phone: an admin sets it on the Users page' }, s.label);
      button.addEventListener('click', () => run(button, agentPath + '/spy', { method: 'POST', body: { mode: s.mode } }));
      box.append(button);
    }
  }

  if (theirs.length) {
    // Without a queue the server pauses in every queue of the agent, which needs them all to be the user's.
    const allTheirs = !queue && agent.queues.every((q) => actsOn(me, q));
    const targets = allTheirs ? [null] : theirs;
    if (agent.state === 'PAUSED') {
      const button = el('button', { type: 'button', class: 'unpause-agent' }, 'Unpause');
      button.addEventListener('click', () => runAll(button, targets, (q) => run(button, agentPath + '/unpause', { method: 'POST', body: { queue: q } })));
      box.append(button);
    } else if (agent.state !== 'LOGGED_OUT') {
      const reason = el('select', { class: 'pause-reason', 'aria-label': 'Pause reason for ' + agent.agent },
        ...(me.pauseReasons || []).map((r) => el('option', { value: r }, r)));
      const button = el('button', { type: 'button', class: 'pause-agent' }, 'Pause');
      button.addEventListener('click', () => runAll(button, targets,
        (q) => run(button, agentPath + '/pause', { method: 'POST', body: { reason: reason.value, queue: q } })));
      box.append(reason, button);
    }
    const members = theirs.filter((q) => agent.queues.includes(q));
    if (members.length) {
      const which = members.length > 1
        ? el('select', { class: 'remove-queue', 'aria-label': 'Queue to log ' + agent.agent + ' out of' }, ...members.map((q) => el('option', { value: q }, q)))
        : null;
      const button = el('button', { type: 'button', class: 'remove-agent', title: 'Log out of ' + (which ? 'the queue chosen' : members[0]) },
        'Log out of queue');
      button.addEventListener('click', () => {
        const q = which ? which.value : members[0];
        run(button, '/api/floor/queues/' + encodeURIComponent(q) + '/members/' + encodeURIComponent(agent.agent), { method: 'DELETE' });
      });
      if (which) box.append(which);
      box.append(button);
    }
  }
  box.append(error);
  return box;
}

async function runAll(button, queues, action) {
  for (const q of queues) await action(q);
}

/** "Listened to by sam (whisper)" for the spies on this agent, or null when nobody listens. */
export function spyLabel(spies, agent) {
  const on = (spies || []).filter((s) => s.agent === agent.agent);
  if (!on.length) return null;
  return 'Listened to by ' + on.map((s) => s.supervisor + ' (' + s.mode.toLowerCase() + ')').join(', ');
}
