// trypost validate: predicts the server's answer to POST /posts and PUT /posts/{id}, one request
// per input line; the rules are the core's (src/validation.cpp).
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { loadCore, parseCoreAnswer } from '../../web/sdk/core.js';

export const summary = 'predict the answer to POST/PUT /posts requests (JSON lines)';

export const help = `usage: trypost validate --jsonl < requests.jsonl
       trypost validate < request.json
       trypost validate --catalog

  --jsonl     one request per line:
                {"workspace":{"social_accounts":[..],"labels":[..],"posts":[..]},
                 "method":"POST"|"PUT","post_id":ID?,"body":{..},"now":ISO}
              one answer per line, in input order:
                {"valid":bool,"status":201|200|422|404,"message":S,"errors":{path:[..]}}
              a malformed line answers {"error":"line N: ..."} and the rest still run
  (default)   stdin is one request; the answer adds notices, dropped meta keys and the
              body that would be sent
  --catalog   print the content-type catalog (the shape of GET /content-types)`;

export async function run(args) {
  const opts = parseCommandArgs(args, { jsonl: { type: 'boolean' }, catalog: { type: 'boolean' } });
  if (opts.jsonl && opts.catalog) throw new UsageError('--jsonl and --catalog exclude each other');
  const core = await loadCore();
  if (opts.catalog) {
    process.stdout.write(JSON.stringify(parseCoreAnswer(core.contentTypes('{}'))) + '\n');
    return 0;
  }
  const input = await readStdin();
  // One crossing into the core for the whole batch.
  const out = opts.jsonl ? core.validatePostRequestsJsonl(input) : core.validatePostRequest(input) + '\n';
  process.stdout.write(out);
  return 0;
}
