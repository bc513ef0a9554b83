// The calendar's two downloads, for every role that can see it: "Export calendar" (the
// workspace's snapshot file, the one `trypost preview` and the widget's src read) and "Offline
// preview" (the preview HTML of the period on screen, the file `trypost preview` writes). Both are
// made from what the dashboard already holds; the core builds the snapshot (and strips anything
// named like a credential), so neither file carries a key, a token or a secret.
import { exportSnapshot, Calendar } from '../sdk/calendar.js';
import { previewData, renderPreviewHtml } from '../sdk/preview-file.js';

const HEX = /^#[0-9a-fA-F]{6}$/;

// The account API's brand profile ({primary_color, ...}) in the snapshot's words; a logo only as
// an https address (the preview shows a monogram for a remote one, never fetching it).
function workspacePart(ws) {
  const b = ws.brand ?? {};
  const brand = {};
  if (HEX.test(b.primary_color ?? '')) brand.primary = b.primary_color;
  if (HEX.test(b.background_color ?? '')) brand.background = b.background_color;
  if (HEX.test(b.text_color ?? '')) brand.text = b.text_color;
  const part = { name: ws.name, brand };
  if (typeof ws.logo_url === 'string' && /^https:\/\//.test(ws.logo_url)) part.logo_url = ws.logo_url;
  return part;
}

const slug = (name) => name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'workspace';

function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// `data`: the calendar's lists ({accounts, labels, posts: Map}); refused while only a window of
// the posts is in (a first visit's month), since the file would miss the rest.
export async function snapshotOf(ws, data) {
  if (!data || data.partial) throw new Error('the calendar is still reading every post; try again in a moment');
  const exportedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return exportSnapshot({ workspace: workspacePart(ws), accounts: data.accounts, labels: data.labels, posts: [...data.posts.values()], exported_at: exportedAt });
}

export async function downloadSnapshot(ws, data) {
  const snapshot = await snapshotOf(ws, data);
  const filename = `${slug(ws.name)}-calendar-${snapshot.exported_at.slice(0, 10)}.json`;
  download(JSON.stringify(snapshot), filename, 'application/json');
  return { filename, posts: snapshot.posts.length };
}

// `state`: the calendar on screen ({view, date, zone}); a day or list view gives its month.
export async function downloadPreview(ws, data, state) {
  const snapshot = await snapshotOf(ws, data);
  const view = state.view === 'week' ? 'week' : 'month';
  const cal = await Calendar.create(snapshot);
  try {
    const query = { view, date: state.date, week_start: 'monday', max_rows: 4, lang: document.documentElement.lang || navigator.language };
    if (state.zone && state.zone !== 'UTC') query.time_zone = state.zone;
    const { data: file } = previewData(cal, snapshot, query);
    const html = await renderPreviewHtml(file);
    const period = view === 'month' ? state.date.slice(0, 7) : state.date;
    const filename = `${slug(ws.name)}-preview-${period}.html`;
    download(html, filename, 'text/html');
    return { filename };
  } finally {
    cal.dispose();
  }
}
