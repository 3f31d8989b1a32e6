// Shared helpers for the console pages: JSON fetch with the CSRF header, problem+json errors, small DOM builders.

/** An API answer that was not 2xx; title and detail come from the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || ('HTTP ' + status));
    this.status = status;
    this.title = title || ('HTTP ' + status);
    this.detail = detail || '';
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

// The server sets the XSRF-TOKEN cookie at login. Should it be missing (cleared by the user, expired), an unsafe
// request to a path nobody serves is refused but leaves a fresh cookie behind, so the real request carries it.
async function csrfToken() {
  let token = cookie('XSRF-TOKEN');
  if (!token) {
    await fetch('/api/csrf-prime', { method: 'POST', credentials: 'same-origin' }).catch(() => null);
    token = cookie('XSRF-TOKEN');
  }
  return token;
}

/** The CSRF token for a plain form POST (log out). */
export async function formToken() {
  return (await csrfToken()) || '';
}

/** Calls the API; resolves to the parsed JSON (or null when empty), rejects with an ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = await csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.href = '/login';
    throw new ApiError(401, 'Not logged in');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && data.title, data && data.detail);
  }
  return data;
}

/** Builds a query string from the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** el('div', {class: 'x', onclick: fn}, 'text', child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.substring(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Renders server-highlighted text where only <em> is trusted: everything else becomes text. */
export function highlighted(html) {
  const span = document.createElement('span');
  const parts = String(html || '').split(/(<em>|<\/em>)/);
  let inEm = false;
  for (const part of parts) {
    if (part === '<em>') { inEm = true; continue; }
    if (part === '</em>') { inEm = false; continue; }
    const text = decodeEntities(part);
    span.append(inEm ? el('em', {}, text) : document.createTextNode(text));
  }
  return span;
}

function decodeEntities(s) {
  // A textarea decodes entities without interpreting markup.
  const t = document.createElement('textarea');
  t.innerHTML = s;
  return t.value;
}

/** 75 -> "1:15", 3700 -> "1:01:40" */
export function clock(sec) {
  if (sec === null || sec === undefined || isNaN(sec)) return '–';
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return (h ? h + ':' : '') + mm + ':' + String(r).padStart(2, '0');
}

export function dateTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A number with the given decimals, or a dash when there was nothing to measure. */
export function num(v, decimals = 1) {
  return (v === null || v === undefined || isNaN(v)) ? '–' : Number(v).toFixed(decimals);
}

/** Shows an error in the page's message area (#message) or the given element. */
export function showError(error, target) {
  const box = target || document.getElementById('message');
  if (!box) return;
  box.className = 'message error';
  box.textContent = error instanceof ApiError ? (error.title + (error.detail ? ': ' + error.detail : '')) : String(error);
  box.hidden = false;
}

export function showInfo(text, target) {
  const box = target || document.getElementById('message');
  if (!box) return;
  box.className = 'message info';
  box.textContent = text;
  box.hidden = false;
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
