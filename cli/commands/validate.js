// trypost validate: predicts the server's answer to POST /posts and PUT /posts/{id}, one request
// per input line; the rules are the core's (src/validation.cpp).
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { loadCore, parseCoreAnswer } from '../../web/sdk/core.js';
import { lineBatches } from '../line-batches.js';

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
  if (opts.jsonl) {
    // One crossing into the core per batch of lines (a batch ends at a line end, so no UTF-8
    // sequence is cut); each batch's answers go out as one write.
    for await (const { bytes, firstLine } of lineBatches(process.stdin, 1 << 20)) {
      process.stdout.write(core.validatePostRequestsJsonl(bytes.toString('utf8'), firstLine));
    }
    return 0;
  }
  process.stdout.write(core.validatePostRequest(await readStdin()) + '\n');
  return 0;
}
