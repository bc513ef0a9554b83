// `trypost count --jsonl` as a whole process (spawned node, 50,000 captions on stdin, answers on
// stdout) against one Node process running each peer over the same file and writing the same
// answers: twitter-text's parseTweet for x_post, Intl.Segmenter for bluesky_post. The answers are
// compared before any time counts, so a fast wrong answer cannot score.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from '../tests/js/counting-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = 50000;

// Reads JSON lines on stdin and answers {content_type, length, max_length, valid} per line.
const PEER = (count, max) => `
const lines = require('node:fs').readFileSync(0, 'utf8').split('\\n');
${count}
const out = [];
for (const l of lines) {
  if (l === '') continue;
  const { content_type, text } = JSON.parse(l);
  const length = count(text);
  out.push(JSON.stringify({ content_type, length, max_length: ${max}, valid: length <= ${max} }));
}
process.stdout.write(out.join('\\n') + '\\n');`;
const TWITTER = PEER("const twitter = require('twitter-text'); const count = (t) => twitter.parseTweet(t).weightedLength;", 280);
const SEGMENTER = PEER("const seg = new Intl.Segmenter('en', { granularity: 'grapheme' }); const count = (t) => { let n = 0; for (const _ of seg.segment(t)) n++; return n; };", 300);

function timed(args, file, rounds) {
  let best = Infinity;
  let stdout;
  for (let r = 0; r < rounds; r++) {
    const fd = openSync(file, 'r');
    const t0 = performance.now();
    const p = spawnSync(process.execPath, args, { cwd: root, stdio: [fd, 'pipe', 'pipe'], maxBuffer: 1 << 28, encoding: 'utf8' });
    const ms = performance.now() - t0;
    closeSync(fd);
    if (p.status !== 0) throw new Error(`${args.join(' ')} failed: ${p.stderr}`);
    best = Math.min(best, ms);
    stdout = p.stdout;
  }
  return { ms: best, stdout };
}

function lengths(stdout) {
  return stdout.trimEnd().split('\n').map((l) => JSON.parse(l).length);
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'trypost-cli-bench-'));
  const rows = [];
  try {
    // x_post without the emoji sequences newer than twitter-text's list, so both count the same.
    const cases = [
      ['x_post', makeCorpus(N, 20261127, { newerShare: 0 }), TWITTER, 'twitter-text parseTweet (one node process)', '>= 3x'],
      ['bluesky_post', makeCorpus(N), SEGMENTER, 'Intl.Segmenter (one node process)', '>= 15x'],
    ];
    for (const [type, texts, peer, peerName, target] of cases) {
      const file = join(dir, `${type}.jsonl`);
      writeFileSync(file, texts.map((text) => JSON.stringify({ content_type: type, text })).join('\n') + '\n');
      const ours = timed(['bin/trypost.js', 'count', '--jsonl'], file, 5);
      const theirs = timed(['-e', peer], file, 3);
      const a = lengths(ours.stdout);
      const b = lengths(theirs.stdout);
      if (a.length !== N || b.length !== N) throw new Error(`${type}: ${a.length} and ${b.length} answers for ${N} lines`);
      const differ = a.findIndex((v, i) => v !== b[i]);
      if (differ !== -1) throw new Error(`${type}: line ${differ + 1} counts ${a[differ]}, the peer ${b[differ]}`);
      rows.push({
        suite: 'cli', case: `trypost count --jsonl, ${type}, 50k captions (whole process)`, value: ours.ms, unit: 'ms',
        peer: peerName, peer_value: theirs.ms, ratio: theirs.ms / ours.ms, target,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
