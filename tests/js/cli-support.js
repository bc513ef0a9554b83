// Shared by the CLI suites that talk to an in-process emulator: the CLI run without blocking the
// event loop (the emulator answers from it), a shell pipe of CLI commands, a seed with many posts.
import { spawn } from 'node:child_process';
import { testSeed, IDS } from '../../server/emulator/test-harness.js';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;

// Asynchronous: the emulator answers from this process's event loop while the CLI runs.
// A child's status and whole output, once it has closed.
function collect(child) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function trypostAsync(args, input, env = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
  const done = collect(child);
  child.stdin.end(input ?? '');
  return done;
}

export function pipeline(commands) {
  const line = commands.map((c) => [process.execPath, bin, ...c].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')).join(' | ');
  // pipefail: a failing first command fails the pipe, as a careful script would have it.
  return collect(spawn('bash', ['-c', `set -o pipefail; ${line}`]));
}

// 40 posts in December 2026 (three pages and a bit), 5 in January 2027, and 2 undated drafts.
export function seedWithPosts() {
  const seed = testSeed();
  const ws = seed.workspaces[0];
  ws.posts = [];
  for (let i = 0; i < 40; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(6 + (i % 12)).padStart(2, '0');
    ws.posts.push({ content: `December post ${i}`, status: 'scheduled', scheduled_at: `2026-12-${day} ${hour}:15:00`, platforms: [{ account: IDS.x }] });
  }
  for (let i = 0; i < 5; i++) ws.posts.push({ content: `January post ${i}`, status: 'scheduled', scheduled_at: `2027-01-0${i + 1} 10:00:00`, platforms: [{ account: IDS.linkedin }] });
  ws.posts.push({ content: 'Undated idea', status: 'draft', platforms: [{ account: IDS.x }] });
  ws.posts.push({ content: 'Another idea', status: 'draft', platforms: [{ account: IDS.bluesky }] });
  return seed;
}

