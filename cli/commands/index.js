// The CLI's command table: one module per command, each exporting {summary, help, run(args)}.
export const commands = {
  calendar: await import('./calendar.js'),
  preview: await import('./preview.js'),
};
