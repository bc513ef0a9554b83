// The CLI's command table: one module per command, each exporting {summary, help, run(args)}.
export const commands = {
  count: await import('./count.js'),
  'widget-token': await import('./widget-token.js'),
  'widget-proxy': await import('./widget-proxy.js'),
  validate: await import('./validate.js'),
  calendar: await import('./calendar.js'),
  preview: await import('./preview.js'),
  snapshot: await import('./snapshot.js'),
  sign: await import('./sign.js'),
};
