#!/usr/bin/env node
// npm run emulator -- --port N [--mode cloud|self-hosted] [--data DIR] [--seed FILE.json|demo]
//                     [--faults SPEC] [--rate-limit N] [--require-signatures] [--signing-key ID:BASE64]
//                     [--allow-media-origin ORIGIN] [--tick-ms MS] [--control]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createEmulator, serveEmulator } from './emulator/index.js';

const HELP = `usage: npm run emulator -- [options]
  --port N                 port on 127.0.0.1 (default 8787; 0 picks a free one)
  --host HOST              interface (default 127.0.0.1)
  --mode cloud|self-hosted cloud answers 402 when the plan lapsed or credits ran out (default self-hosted)
  --data DIR               keep state in DIR (atomic writes; resumes on restart); default: memory only
  --seed FILE.json|demo    initial data when DIR is empty (demo = seeds/demo.json)
  --faults SPEC            "rate=0.2,kinds=latency:429:500:drop,seed=1" or a JSON script file
  --rate-limit N           requests per minute per workspace (default 60; 0 turns it off)
  --require-signatures     every workspace request must carry a valid RFC 9421 signature
  --signing-key ID:BASE64  an hmac-sha256 key for signatures (repeatable)
  --allow-media-origin O   an extra origin media-by-URL may download from (repeatable)
  --tick-ms MS             scheduler interval (default 5000; 0 = only POST /_emulator/tick)
  --cors-origin ORIGIN     let a browser page on ORIGIN call the API (repeatable)
  --control                enable the /_emulator/* control routes (tick, clock, outcomes, upload URLs)`;

export async function main(argv) {
  let v;
  try {
    ({ values: v } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' },
        mode: { type: 'string', default: 'self-hosted' }, data: { type: 'string' }, seed: { type: 'string' },
        faults: { type: 'string' }, 'rate-limit': { type: 'string', default: '60' },
        'require-signatures': { type: 'boolean' }, 'signing-key': { type: 'string', multiple: true },
        'allow-media-origin': { type: 'string', multiple: true }, 'cors-origin': { type: 'string', multiple: true }, 'tick-ms': { type: 'string', default: '5000' },
        control: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`emulator: ${err.message}\n${HELP}`);
    return 2;
  }
  if (v.help) { console.log(HELP); return 0; }
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error(`emulator: --port must be a port number, got "${v.port}"`); return 2; }
  const signingKeys = (v['signing-key'] ?? []).map((s) => {
    const [keyid, b64] = s.split(/:(.*)/s);
    return { keyid, secret: Buffer.from(b64 ?? '', 'base64') };
  });
  let emulator;
  try {
    emulator = await createEmulator({
      mode: v.mode, dataDir: v.data, seed: v.seed, faults: v.faults, rateLimit: Number(v['rate-limit']),
      requireSignatures: v['require-signatures'], signingKeys, allowMediaOrigins: v['allow-media-origin'] ?? [],
      tickMs: Number(v['tick-ms']), control: v.control, corsOrigins: v['cors-origin'] ?? [],
    });
  } catch (err) {
    console.error(`emulator: ${err.message}`);
    return 1;
  }
  const server = serveEmulator(emulator);
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, v.host, resolve); })
    .catch((err) => { console.error(`emulator: cannot listen on ${v.host}:${port}: ${err.message}`); process.exit(1); });
  const { port: actual } = server.address();
  const base = `http://${v.host}:${actual}`;
  console.log(`trypost emulator (${emulator.mode}) listening on ${base}/api`);
  if (v.data) console.log(`data: ${v.data}${emulator.resumed ? ' (resumed)' : ''}`);
  if (emulator.faults) console.log(`faults: ${emulator.faults.describe}`);
  for (const u of emulator.secrets.users) console.log(`account token  ${u.email.padEnd(24)} ${u.account_token}`);
  for (const k of emulator.secrets.keys) console.log(`workspace key  ${k.workspace.padEnd(18)} ${String(k.user).padEnd(24)} ${k.plain_token}`);
  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => { if (code !== undefined) process.exit(code); });
}
