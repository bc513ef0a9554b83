// The widget's stylesheet, adopted into its shadow root as a constructable stylesheet: no <style>
// element and no style attribute, so it works under `style-src 'self'` from any origin.
// Page CSS reaches the inside only through the --tp-* custom properties and ::part().
// `.root` resets everything inherited from the host (`all: initial`), and the host's own box is
// pinned with !important (an inner !important beats the page's normal declarations).
export const WIDGET_CSS = `
:host { display: block !important; contain: content !important; box-sizing: border-box !important;
  visibility: visible !important; }
:host([hidden]) { display: none !important; }
.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  --_accent: var(--tp-accent, var(--tp-brand-primary, #4f46e5));
  --_bg: var(--tp-bg, var(--tp-brand-bg, #ffffff));
  --_fg: var(--tp-fg, var(--tp-brand-fg, #1f2937));
  /* 70% of the text colour: 4.5:1 or more for small text on the default and dark themes (55% gave 3.6:1). */
  --_muted: var(--tp-muted, color-mix(in srgb, var(--_fg) 70%, var(--_bg)));
  --_border: var(--tp-border, color-mix(in srgb, var(--_fg) 14%, var(--_bg)));
  --_outside: var(--tp-outside-bg, color-mix(in srgb, var(--_fg) 4%, var(--_bg)));
  --_chip: var(--tp-post-bg, color-mix(in srgb, var(--_accent) 10%, var(--_bg)));
  --_radius: var(--tp-radius, 6px);
  font-family: var(--tp-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--tp-font-size, 14px);
  line-height: 1.35;
  color: var(--_fg);
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: 8px;
  text-align: start;
  color-scheme: light dark;
  container: tp-calendar / inline-size;
}
@media (prefers-color-scheme: dark) {
  .root {
    --_bg: var(--tp-bg, #111827);
    --_fg: var(--tp-fg, #e5e7eb);
    --_accent: var(--tp-accent, color-mix(in srgb, var(--tp-brand-primary, #6366f1) 70%, #ffffff));
  }
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.header { display: flex; align-items: center; gap: 6px; margin: 0 0 8px; }
.title { flex: 1 1 auto; margin: 0; font-size: 1.15em; font-weight: 600; font-family: inherit; color: inherit; }
.nav { font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border);
  border-radius: var(--_radius); padding: 2px 10px; min-width: 2em; cursor: pointer; line-height: 1.6; margin: 0; }
.nav:hover { border-color: var(--_accent); }
.nav:focus-visible, .day:focus-visible, .more-button:focus-visible {
  outline: 2px solid var(--_accent); outline-offset: -2px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.body { position: relative; overflow: clip; }
/* Months side by side, one column each as wide as the body; the body clips all but the one the
   strip is moved to. Its own layer: moving it restyles and lays out nothing of the months. */
.strip { display: grid; grid-auto-flow: column; grid-auto-columns: 100%; align-items: start;
  will-change: transform; }
.grid { display: block; }
/* A month built ahead, once laid out: its text is skipped by find-in-page while its layout is
   kept, so showing it again lays nothing out (inert would restyle every post). */
.grid.prepared { content-visibility: hidden; }
.row { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); }
.weekday { padding: 2px 4px; font-size: 0.8em; font-weight: 600; color: var(--_muted); text-transform: uppercase; }
.day { min-height: 6.2em; padding: 2px 3px; border-top: 1px solid var(--_border); border-inline-start: 1px solid var(--_border);
  overflow: hidden; outline: none; }
.row .day:first-child { border-inline-start: 0; }
/* Week: a time grid. Every length is in the grid's own em (posts and labels set their smaller
   font-size on inner spans), so --_hour means the same height in every element. */
.week-view { --_hour: var(--tp-hour-height, 3.5em); }
.week-row { display: grid; grid-template-columns: 3.25em repeat(7, minmax(0, 1fr)); }
.week-view .weekday { display: flex; flex-direction: column; align-items: center; gap: 2px; padding: 2px 0 4px; }
.week-view .weekday.today .num { background: var(--_accent); color: var(--_bg); }
.timegrid { max-height: var(--tp-week-height, 32em); overflow-y: auto; border-top: 1px solid var(--_border);
  overscroll-behavior: contain; }
.hour { height: var(--_hour); text-align: end; padding-inline-end: 6px; }
.hour-label { display: inline-block; font-size: 0.72em; color: var(--_muted); transform: translateY(-0.5em); }
.hour:first-child .hour-label { visibility: hidden; }
.day.timecol { position: relative; min-height: 0; padding: 0; border-top: 0; overflow: visible;
  height: calc(24 * var(--_hour));
  background: repeating-linear-gradient(to bottom, var(--_border) 0 1px, transparent 1px var(--_hour)); }
.posts.timed { position: absolute; inset: 0; margin: 0; }
/* Where the clocks changed (daylight saving): a dashed line at the new time. */
.clock-change { position: absolute; inset-inline: 0; height: 0; border-top: 2px dashed var(--_muted);
  top: calc(var(--tp-at) * var(--_hour) / 60); z-index: 1; pointer-events: none; }
.post.timed { position: absolute; margin: 0; font-size: inherit;
  padding: 0 3px; line-height: 1.15; overflow: hidden;
  top: calc(var(--tp-start) * var(--_hour) / 60);
  height: calc(var(--tp-length) * var(--_hour) / 60);
  left: calc(var(--tp-column) * 100% / var(--tp-columns));
  width: calc(100% / var(--tp-columns) - 2px);
  box-shadow: 0 0 0 1px var(--_bg); }
.post.timed .time, .post.timed .text { display: block; margin: 0; font-size: 0.72em; overflow: hidden; text-overflow: ellipsis; }
.timecol .more { position: sticky; top: 0; z-index: 2; width: 100%; text-align: center; background: var(--_bg);
  border-bottom: 1px solid var(--_border); }
.timecol.expanded .post.timed { z-index: 0; }
/* A busy hour's "+N more": at the foot of its hour, over the hour's last quarter. */
.timecol .more.hour-more { position: absolute; top: calc((var(--tp-hour) + 1) * var(--_hour)); transform: translateY(-100%);
  inset-inline-end: 0; width: auto; max-width: 100%; font-size: inherit; line-height: 1.1; padding: 0 3px; z-index: 2;
  background: var(--_bg); border: 1px solid var(--_border); border-bottom: 0; text-align: center; }
.more.hour-more .more-text { font-size: 0.72em; white-space: nowrap; }
.day.outside { background: var(--_outside); color: var(--_muted); }
.num { display: inline-block; min-width: 1.6em; padding: 0 2px; font-size: 0.85em; font-weight: 600; text-align: center;
  border-radius: 999px; }
.day.today .num { background: var(--_accent); color: var(--_bg); }
.posts { list-style: none; margin: 2px 0 0; padding: 0; }
/* A chip is one line of inline text (time, then the excerpt, cut with an ellipsis): plain block
   layout, no flex pass per chip. Square by default: a rounded box that clips its text is a
   rounded clip per chip, which made rasterising a month several times slower in Chromium's
   software path; --tp-post-radius brings the corners back. */
.post { display: block; margin: 0 0 2px; padding: 1px 4px; border-radius: var(--tp-post-radius, 0);
  background: var(--_chip); border-inline-start: 3px solid var(--tp-label, var(--_accent)); font-size: 0.82em;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.post .time { margin-inline-end: 4px; font-variant-numeric: tabular-nums; color: var(--_muted); }
.post .net::before { content: attr(data-mark); }
.post .net { display: inline-block; margin-inline-end: 3px; padding: 0 3px; border-radius: 3px; font-size: 0.7em; font-weight: 700; line-height: 1.4; background: var(--_muted); color: var(--_bg, #fff); }
.post.failed { border-inline-start-style: dashed; }
/* A draft is told apart by its shape, not by fading it (faded text fell under 4.5:1 contrast). */
.post.draft { background: transparent; font-style: italic; }
.more { display: block; font: inherit; font-size: 0.8em; color: var(--_muted); padding: 0 4px; margin: 0; border: 0;
  background: none; cursor: pointer; text-align: start; }
.more:hover { color: var(--_accent); text-decoration: underline; }
.list { list-style: none; margin: 0; padding: 0; }
.list-day { margin: 0 0 8px; }
.list-date { margin: 0 0 4px; font-size: 0.9em; font-weight: 600; color: var(--_muted); font-family: inherit; }
.list .post { font-size: 0.95em; white-space: normal; }
.more-button { font: inherit; color: var(--_accent); background: none; border: 1px solid var(--_border);
  border-radius: var(--_radius); padding: 2px 10px; cursor: pointer; margin: 4px 0 0; }
.message { margin: 8px 0; padding: 8px; border-radius: var(--_radius); border: 1px solid #dc2626;
  color: inherit; background: color-mix(in srgb, #dc2626 10%, var(--_bg)); }
.message[hidden], .body[hidden] { display: none; }
.loading { color: var(--_muted); padding: 8px 0; }
@media (prefers-reduced-motion: reduce) {
  .root * { transition: none !important; animation: none !important; }
}
/* A phone-sized element: the month becomes a list of its days (weekday and number beside each
   day's posts, whose text wraps instead of being cut), and the week's seven columns keep a
   readable width and scroll sideways inside the element; the page itself never scrolls sideways. */
@container tp-calendar (max-width: 480px) {
  .month-view > .row:first-child { display: none; }
  .month-view > .row { display: block; }
  .month-view .day { display: flex; align-items: baseline; gap: 8px; min-height: 0; padding: 4px 2px;
    border-inline-start: 0; overflow: visible; }
  .month-view .day.outside { display: none; }
  .month-view .num { flex: 0 0 auto; min-width: 3.6em; text-align: start; }
  .month-view .num::before { content: attr(data-wd) " "; font-weight: 400; color: var(--_muted); }
  .month-view .day.today .num::before { color: inherit; }
  .month-view .posts { flex: 1 1 auto; min-width: 0; margin: 0; }
  .month-view .post { white-space: normal; overflow-wrap: anywhere; }
  .month-view .more { flex: none; }
  .week-view { overflow: auto; max-height: var(--tp-week-height, 32em); overscroll-behavior: contain; }
  .week-view .timegrid { max-height: none; overflow: visible; }
  .week-view .week-row { min-width: calc(3.25em + 7 * 9em); }
  .week-view > .week-row:first-child { position: sticky; top: 0; z-index: 4; background: var(--_bg); }
  .week-view .gutter { position: sticky; inset-inline-start: 0; z-index: 3; background: var(--_bg); }
}
`;

const HEX = /^#[0-9a-f]{6}$/i;

// Brand colours from a snapshot ({primary, background, text}) or the API's workspace brand
// profile ({primary_color, ...}) as the --tp-brand-* properties; anything that is not #RRGGBB is
// ignored.
export function brandCss(brand) {
  if (!brand || typeof brand !== 'object') return ':host {}';
  const pick = (...names) => names.map((n) => brand[n]).find((v) => typeof v === 'string' && HEX.test(v));
  const vars = [
    ['--tp-brand-primary', pick('primary', 'primary_color')],
    ['--tp-brand-bg', pick('background', 'background_color')],
    ['--tp-brand-fg', pick('text', 'text_color')],
  ].filter(([, v]) => v);
  return `:host { ${vars.map(([k, v]) => `${k}: ${v};`).join(' ')} }`;
}
