#!/usr/bin/env node
// trypost: the core from the command line, for scripts and machine checks. One JSON object per
// line on stdout; usage errors exit 2.
import { readFileSync } from 'node:fs';
import { commands } from '../cli/commands/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

function usage() {
  const names = Object.keys(commands).sort();
  const lines = [
    'usage: trypost <command> [options]',
    '',
    'commands:',
    ...names.map((n) => `  ${n.padEnd(16)}${commands[n].summary}`),
    '',
    '  --version       print the version',
    '  --help          print this help (or: trypost <command> --help)',
  ];
  return lines.join('\n');
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-V' || cmd === 'version') {
    const { loadCore } = await import('../web/sdk/core.js');
    const core = await loadCore();
    console.log(`trypost ${pkg.version} (core ${core.version()})`);
    return 0;
  }
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(usage());
    return 0;
  }
  const command = Object.hasOwn(commands, cmd) ? commands[cmd] : undefined;
  if (!command) {
    console.error(`trypost: unknown command "${cmd}"`);
    console.error('usage: trypost <command> [options]  (trypost --help lists the commands)');
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help ?? command.summary);
    return 0;
  }
  return (await command.run(rest)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`trypost: ${err.message}`);
    process.exitCode = err.exitCode ?? 1;
  },
);
