// Fault injection for /api requests, by rate ("rate=0.2,kinds=latency:429:500:drop,seed=1") or by
// script (a JSON file: a list of steps consumed in request order). Kinds: latency (delay, then
// answer normally), 429, 500, drop (connection closed before any answer), drop-after (the request
// is carried out, then the connection is closed without the answer).
import { readFileSync, existsSync } from 'node:fs';
import { mulberry32 } from '../seeded-random.js';

export const KINDS = ['latency', '429', '500', 'drop', 'drop-after'];


function parseStep(step) {
  const s = typeof step === 'string' ? { kind: step } : { ...step };
  let [kind, arg] = String(s.kind).split(':');
  if (kind === 'ok') return { kind: 'ok', match: s.match };
  if (!KINDS.includes(kind)) throw new Error(`unknown fault kind "${kind}" (one of ok, ${KINDS.join(', ')})`);
  const ms = Number(arg ?? s.ms ?? 500);
  return { kind, ms, match: s.match, times: s.times ?? 1 };
}

// spec: undefined | "rate=..." | path to a JSON script | an object {rate, kinds, seed, latency_ms} | {script:[...]}
export function createFaults(spec) {
  if (!spec) return null;
  let cfg = spec;
  if (typeof spec === 'string') {
    if (/^rate=/.test(spec) || spec.includes(',')) {
      cfg = {};
      for (const part of spec.split(',')) {
        const [k, v] = part.split('=');
        if (k === 'rate') cfg.rate = Number(v);
        else if (k === 'kinds') cfg.kinds = v.split(':');
        else if (k === 'seed') cfg.seed = Number(v);
        else if (k === 'latency' || k === 'latency_ms') cfg.latency_ms = Number(v);
        else if (k === 'match') cfg.match = v;
        else throw new Error(`unknown faults option "${k}"`);
      }
    } else if (existsSync(spec)) {
      const doc = JSON.parse(readFileSync(spec, 'utf8'));
      cfg = Array.isArray(doc) ? { script: doc } : doc;
    } else {
      throw new Error(`--faults: "${spec}" is neither "rate=..." nor a script file`);
    }
  }
  if (cfg.script) {
    const steps = cfg.script.map(parseStep);
    return {
      describe: `script of ${steps.length} steps`,
      next(method, path) {
        const i = steps.findIndex((s) => !s.match || `${method} ${path}`.startsWith(s.match));
        if (i === -1) return null;
        const s = steps[i];
        if (--s.times <= 0 || s.kind === 'ok') steps.splice(i, 1);
        return s.kind === 'ok' ? null : s;
      },
    };
  }
  const rate = Number(cfg.rate ?? 0);
  if (!(rate >= 0 && rate <= 1)) throw new Error('faults rate must be between 0 and 1');
  const kinds = (cfg.kinds ?? ['latency', '429', '500', 'drop']).map((k) => parseStep(k).kind);
  const rnd = mulberry32(cfg.seed ?? 1);
  const latency = cfg.latency_ms ?? 500;
  return {
    describe: `rate ${rate} of ${kinds.join('/')}`,
    next(method, path) {
      if (cfg.match && !`${method} ${path}`.startsWith(cfg.match)) return null;
      if (rnd() >= rate) return null;
      const kind = kinds[Math.floor(rnd() * kinds.length)];
      return { kind, ms: latency };
    },
  };
}
