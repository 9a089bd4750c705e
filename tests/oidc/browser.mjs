// SPDX-License-Identifier: GPL-3.0-or-later
// A test "browser" for Mailtrail's OAuth2 tests: given the authorization URL (its only
// argument, like a real browser), it signs in at the provider's dev login and consent pages
// over HTTP (cookies kept), then follows the redirect to Mailtrail's loopback listener.
// The login is the URL's login_hint (the account's address), else $OIDC_LOGIN.
//
// $OIDC_BROWSER_MODE changes what it does, for the failure tests:
//   normal (default) | deny (press "abort": error=access_denied) | wrong-state (alter the
//   redirect's state) | none (open nothing; the sign-in waits)
const start = process.argv[2];
const mode = process.env.OIDC_BROWSER_MODE || 'normal';
if (!start) {
  console.error('usage: node browser.mjs AUTHORIZATION_URL');
  process.exit(2);
}
if (mode === 'none') process.exit(0);

const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keep(response) {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name); else jar.set(name, value);
  }
}
async function request(url, options = {}) {
  const response = await fetch(url, {
    ...options, redirect: 'manual', headers: { ...(options.headers || {}), cookie: cookieHeader() },
  });
  keep(response);
  return response;
}
const login = new URL(start).searchParams.get('login_hint') || process.env.OIDC_LOGIN;
const loopback = (url) => ['127.0.0.1', '[::1]'].includes(new URL(url).hostname)
  && new URL(url).origin !== new URL(start).origin;

let url = start;
for (let step = 0; step < 20; step += 1) {
  if (loopback(url)) {
    const target = new URL(url);
    if (mode === 'wrong-state') target.searchParams.set('state', 'not-the-state-mailtrail-sent');
    const response = await fetch(target, { redirect: 'manual' });
    await response.text();
    process.exit(response.ok ? 0 : 1);
  }
  const response = await request(url);
  if (response.status >= 300 && response.status < 400) {
    url = new URL(response.headers.get('location'), url).toString();
    continue;
  }
  const html = await response.text();
  if (response.status !== 200) {
    console.error(`browser.mjs: HTTP ${response.status} at ${new URL(url).pathname}`);
    process.exit(1);
  }
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !prompt) {
    console.error(`browser.mjs: no sign-in form at ${new URL(url).pathname}`);
    process.exit(1);
  }
  if (mode === 'deny') {
    url = new URL(`${new URL(action, url).pathname}/abort`, url).toString();
    continue;
  }
  const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  const posted = await request(new URL(action, url), {
    method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (posted.status < 300 || posted.status >= 400) {
    console.error(`browser.mjs: the ${prompt} form answered HTTP ${posted.status}`);
    process.exit(1);
  }
  url = new URL(posted.headers.get('location'), url).toString();
}
console.error('browser.mjs: too many steps');
process.exit(1);
