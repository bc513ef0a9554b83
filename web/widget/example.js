// The example page's own script (an agency site's code): query parameters pick the data source
// and view, and the widget's events are shown under it.
const calendar = document.getElementById('calendar');
const events = document.getElementById('events');
const params = new URLSearchParams(location.search);
for (const name of ['src', 'endpoint', 'token', 'view', 'date', 'week-start', 'time-zone', 'max-rows', 'labels']) {
  if (params.has(name)) calendar.setAttribute(name, params.get(name));
}
if (params.has('endpoint')) calendar.removeAttribute('src');
const log = (text) => {
  events.textContent = text;
};
calendar.addEventListener('load', (e) => log(`load: ${e.detail.summary.posts} posts`));
calendar.addEventListener('render', (e) => log(`render: ${e.detail.view} ${e.detail.date} in ${e.detail.ms.toFixed(1)} ms`));
calendar.addEventListener('error', (e) => log(`error: ${e.detail.code}: ${e.detail.message}`));
