/**
 * A small, dependency-free interactive page over /api/openapi.json: sign in, pick an operation,
 * fill parameters and body, send. Served with a CSP that allows only its own script.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fengqiao API</title></head>
<body style="font-family: sans-serif; max-width: 1100px; margin: 1em auto">
<h1>Fengqiao command API</h1>
<p>Token: <input id="token" size="80" placeholder="Bearer token (POST /api/auth/login)"></p>
<div id="ops">loading /api/openapi.json …</div>
<script src="/api/docs/docs.js"></script>
</body></html>`;

export const DOCS_JS = `'use strict';
function el(tag, text) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
async function send(method, path, op, form, out) {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters || []) {
    const v = form.querySelector('[name="' + p.name + '"]').value;
    if (v === '') continue;
    if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(v)); else query.set(p.name, v);
  }
  const headers = { 'content-type': 'application/json' };
  const token = document.getElementById('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token.replace(/^Bearer /, '');
  const body = op.requestBody ? form.querySelector('textarea').value : undefined;
  const qs = query.toString();
  const res = await fetch(url + (qs ? '?' + qs : ''), { method: method.toUpperCase(), headers, body });
  const text = await res.text();
  out.textContent = res.status + ' ' + res.statusText + '\\n' + text;
  if (path === '/api/auth/login' && res.ok) document.getElementById('token').value = JSON.parse(text).accessToken;
}
function render(doc) {
  const root = document.getElementById('ops'); root.textContent = '';
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const box = el('details'); const sum = el('summary', method.toUpperCase() + ' ' + path + ' — ' + op.summary + ' [' + [].concat(op['x-roles']).join(', ') + ']');
      box.appendChild(sum);
      const form = el('form');
      for (const p of op.parameters || []) { const l = el('label', p.name + (p.required ? '*' : '') + ' '); const i = el('input'); i.name = p.name; l.appendChild(i); form.appendChild(l); form.appendChild(el('br')); }
      if (op.requestBody) { const t = el('textarea'); t.rows = 6; t.cols = 80; t.value = '{}'; form.appendChild(t); form.appendChild(el('br')); }
      const b = el('button', 'Send'); const out = el('pre');
      b.type = 'submit'; form.appendChild(b); form.appendChild(out);
      form.addEventListener('submit', (ev) => { ev.preventDefault(); send(method, path, op, form, out).catch((e) => { out.textContent = String(e); }); });
      box.appendChild(form); root.appendChild(box);
    }
  }
}
fetch('/api/openapi.json').then((r) => r.json()).then(render).catch((e) => { document.getElementById('ops').textContent = String(e); });
`;
