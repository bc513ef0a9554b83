// trypost sign: RFC 9421 HMAC-SHA256 signature for a request or a response read from stdin.
import { parseCommandArgs, readStdin, UsageError } from '../args.js';

export const summary = 'sign a request or response (RFC 9421, hmac-sha256) read as JSON from stdin';

export const help = `usage: trypost sign --key-id K --secret-base64 S [--created N] [--expires N] [--nonce X]
                    [--tag T] [--alg hmac-sha256] [--param-order keyid,nonce,created]
                    [--components '"@method" "@authority" ...'] [--label sig1] < message.json

Reads a request {"method", "url", "headers": {..}, "body"?} or a response {"status",
"headers": {..}, "body"?, "request"?: {"method", "url", "headers"}} on stdin and prints one
JSON line: {"signature_base", "signature_input", "signature"}.

  --key-id K          keyid parameter (required)
  --secret-base64 S   the shared secret, base64; or set TRYPOST_SECRET_BASE64 instead, which
                      keeps it out of the process list. It is never printed.
  --created N         Unix seconds (default: now)
  --expires N         Unix seconds
  --nonce X           nonce parameter
  --tag T             tag parameter (an application's name for the signature)
  --alg A             alg parameter; only hmac-sha256, the algorithm used
  --param-order LIST  the order of the parameters, comma-separated names among created,
                      expires, nonce, alg, keyid, tag (the rest follow in that default order)
  --components LIST   covered components (default for a request: "@method" "@authority"
                      "@path" "@query", plus "content-digest" when there is a body; a response
                      names its own, e.g. '"@status" "content-digest" "@method";req').
                      Parameters: ;sf ;key="k" ;bs ;tr ;req, and ;name="p" on "@query-param"
  --label L           signature label (default sig1)

The body, when present, gets a Content-Digest (sha-256, RFC 9530) unless the request has one.`;

const options = {
  'key-id': { type: 'string' },
  'secret-base64': { type: 'string' },
  created: { type: 'string' },
  expires: { type: 'string' },
  nonce: { type: 'string' },
  components: { type: 'string' },
  label: { type: 'string' },
  tag: { type: 'string' },
  alg: { type: 'string' },
  'param-order': { type: 'string' },
};

function integerOption(name, value) {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`--${name} must be a whole number of Unix seconds`);
  return Number(value);
}

// Error text may quote arguments (node's parser does); any argument could be the secret typed in
// the wrong place, so every argument value is blanked out of error messages.
function scrub(message, args, secret) {
  let out = String(message);
  const values = [secret, ...args.map((a) => (a.startsWith('--') && a.includes('=') ? a.slice(a.indexOf('=') + 1) : a))];
  for (const v of values) if (typeof v === 'string' && v.length >= 3 && !v.startsWith('--')) out = out.split(v).join('<redacted>');
  return out;
}

export async function run(args) {
  let secret;
  try {
    const opts = parseCommandArgs(args, options);
    secret = opts['secret-base64'] ?? process.env.TRYPOST_SECRET_BASE64;
    if (!opts['key-id']) throw new UsageError('--key-id is required');
    if (!secret) throw new UsageError('--secret-base64 (or TRYPOST_SECRET_BASE64) is required');
    const created = integerOption('created', opts.created);
    const expires = integerOption('expires', opts.expires);
    const text = await readStdin();
    let request;
    try {
      request = JSON.parse(text);
    } catch {
      throw new Error('stdin is not JSON; expected {"method","url","headers","body"}');
    }
    if (!request || typeof request !== 'object' || Array.isArray(request)) throw new Error('stdin must be a JSON object {"method","url","headers","body"}');
    const paramOrder = opts['param-order']?.split(',').map((s) => s.trim()).filter(Boolean);
    const { signRequest, signResponse } = await import('../../web/sdk/signing.js');
    const signOptions = {
      keyId: opts['key-id'],
      secretBase64: secret,
      created,
      expires,
      nonce: opts.nonce,
      tag: opts.tag,
      alg: opts.alg,
      paramOrder,
      components: opts.components,
      label: opts.label,
    };
    const isResponse = request.status !== undefined;
    const out = isResponse ? await signResponse(request, request.request ?? null, signOptions) : await signRequest(request, signOptions);
    process.stdout.write(`${JSON.stringify({ signature_base: out.signature_base, signature_input: out.signature_input, signature: out.signature })}\n`);
    return 0;
  } catch (err) {
    const clean = err instanceof UsageError ? new UsageError(scrub(err.message, args, secret)) : new Error(scrub(err.message, args, secret));
    if (!(err instanceof UsageError)) clean.exitCode = 1;
    throw clean;
  }
}
