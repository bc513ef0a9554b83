// trypost snapshot: a calendar snapshot file from the API's answers. With --api and a key it reads
// them itself (every page of /posts, /social-accounts, /labels, /workspace); without, it reads the
// same answers piped in. Which answers make a whole snapshot is the core's rule
// (snapshot_from_api); this file only fetches and prints.
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { loadCore } from '../../web/sdk/core.js';
import { createTransport } from '../../web/sdk/transport.js';

export const summary = 'make a calendar snapshot from the API (--api URL --key KEY) or its answers on stdin';

export const help = `usage: trypost snapshot --api URL --key KEY [--name NAME] > snapshot.json
       trypost snapshot [--name NAME] < answers.json

Writes a calendar snapshot file (one JSON line on stdout) for trypost preview, the widget's src
and the dashboard. With --api it reads the workspace of the key: every page of GET /posts,
GET /social-accounts, GET /labels and GET /workspace (for its name). Without --api it reads the
same answers from stdin, one after another as the API gave them, e.g.

  { curl -sH "Authorization: Bearer $KEY" $API/api/workspace;
    curl -sH "Authorization: Bearer $KEY" "$API/api/posts?page=1"; ...every page...;
    curl -sH "Authorization: Bearer $KEY" $API/api/social-accounts;
    curl -sH "Authorization: Bearer $KEY" $API/api/labels; } | trypost snapshot

or one object {"workspace", "posts": [pages], "social_accounts", "labels"}. A missing page, an
error answer or a damaged post is refused with the reason (exit 1); nothing is written then.

  --api URL     the TryPost server (https://app.trypost.it, or a self-hosted one; /api optional)
  --key KEY     a workspace API key (or set TRYPOST_API_KEY; the key is never written out)
  --name NAME   the workspace's name in the file (default: GET /workspace's)

  trypost snapshot --api URL --key KEY | trypost preview --date 2026-12-01 --out calendar.html`;

const options = {
  api: { type: 'string' },
  key: { type: 'string' },
  name: { type: 'string' },
};

const PAGE_READERS = 4;

// GETs one API path through the SDK's transport (retries and Retry-After decided by the core);
// an answer other than 200 stops the command with the server's own words.
function reader(core, base, key) {
  const transport = createTransport({ core, fetch: globalThis.fetch.bind(globalThis) });
  return async (path) => {
    let r;
    try {
      r = await transport.exchange({ url: `${base}${path}`, method: 'GET', headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
    } catch (err) {
      throw new Error(`cannot reach ${base}${path}: ${err.message}`);
    }
    if (r.status === 200) return r.text;
    if (r.status === 0) throw new Error(`cannot reach ${base}${path}${r.timedOut ? ' (timed out)' : ''}; check --api`);
    let message = '';
    try {
      message = JSON.parse(r.text).message ?? '';
    } catch {
      // not JSON: the status says enough
    }
    const hint = r.status === 401 ? ' Check --key (a workspace API key).' : r.status === 404 ? ' Check --api (the server, not a page of it).' : '';
    throw new Error(`GET ${path} answered ${r.status}${message ? `: ${String(message).replace(/\.$/, '')}` : ''}.${hint}`);
  };
}

// The answers a snapshot is made of, as one text (the same the command reads on stdin).
export async function readApiAnswers(core, api, key) {
  const base = `${api.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
  const get = reader(core, base, key);
  const [workspace, first, accounts, labels] = await Promise.all([get('/workspace'), get('/posts?page=1'), get('/social-accounts'), get('/labels')]);
  const pages = [first];
  let last = 1;
  try {
    last = Number(JSON.parse(first).meta?.last_page) || 1;
  } catch {
    // the core says what is wrong with the first page
  }
  let next = 2;
  const rest = new Array(Math.max(0, last - 1));
  const walk = async () => {
    while (next <= last) {
      const n = next++;
      rest[n - 2] = await get(`/posts?page=${n}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGE_READERS, rest.length) }, walk));
  pages.push(...rest);
  return [workspace, ...pages, accounts, labels].join('\n');
}

export async function run(args) {
  const v = parseCommandArgs(args, options);
  const key = v.key ?? process.env.TRYPOST_API_KEY;
  if (v.api !== undefined && !key) throw new UsageError('--key KEY (or TRYPOST_API_KEY) is required with --api');
  if (v.api === undefined && v.key !== undefined) throw new UsageError('--key needs --api URL (the server to read)');
  if (v.api !== undefined && !/^https?:\/\//.test(v.api)) throw new UsageError('--api must be an http:// or https:// URL');
  const core = await loadCore();
  const text = v.api !== undefined ? await readApiAnswers(core, v.api, key) : await readStdin();
  const request = { text, exported_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (v.name !== undefined) request.name = v.name;
  const answer = core.buildApiSnapshot(JSON.stringify(request));
  const file = JSON.parse(answer);
  if (typeof file.error === 'string') {
    // The message names the first problem; with several, each is listed under it.
    const all = Object.entries(file.errors ?? {});
    const fields = all.length > 1 ? all.slice(0, 5).map(([f, m]) => `  ${f}: ${m[0]}`) : [];
    console.error([`trypost snapshot: ${file.error}`, ...fields].join('\n'));
    return 1;
  }
  process.stdout.write(answer + '\n');
  console.error(`trypost snapshot: ${file.workspace.name}: ${file.counts.posts} posts, ${file.counts.accounts} social accounts, ${file.counts.labels} labels`);
  return 0;
}
