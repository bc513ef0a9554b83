// The CLI's command table: one module per command, each exporting {summary, help, run(args)}.
export const commands = {
  sign: await import('./sign.js'),
};
