// The live example's own script (an agency site's code): asks its server for a widget token and
// hands it to the element, and asks again before it expires (the element reloads on a new token).
const calendar = document.getElementById('calendar');
const state = document.getElementById('token-state');

async function renew() {
  try {
    const res = await fetch('./demo-token.json', { cache: 'no-store' });
    const answer = await res.json();
    if (!res.ok) throw new Error(answer.message ?? `the server answered ${res.status}`);
    calendar.setAttribute('endpoint', answer.endpoint);
    calendar.setAttribute('token', answer.token);
    state.textContent = `read-only, for this workspace, until ${new Date(answer.expires_at).toLocaleTimeString(document.documentElement.lang)}`;
    setTimeout(renew, answer.ttl_seconds * 800);
  } catch (err) {
    state.textContent = `none: ${err.message}`;
  }
}
renew();
