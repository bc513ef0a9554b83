// trypost sign: RFC 9421 HMAC-SHA256 signature for a request read from stdin.
import { parseCommandArgs, readStdin, UsageError } from '../args.js';

export const summary = 'sign a request (RFC 9421, hmac-sha256) read as JSON from stdin';

export const help = `usage: trypost sign --key-id K --secret-base64 S [--created N] [--expires N] [--nonce X]
                    [--components '"@method" "@authority" ...'] [--label sig1] < request.json

Reads {"method", "url", "headers": {..}, "body"?} on stdin and prints one JSON line:
{"signature_base", "signature_input", "signature"}.

  --key-id K          keyid parameter (required)
  --secret-base64 S   the shared secret, base64; or set TRYPOST_SECRET_BASE64 instead, which
                      keeps it out of the process list. It is never printed.
  --created N         Unix seconds (default: now)
  --expires N         Unix seconds
  --nonce X           nonce parameter
  --components LIST   covered components (default: "@method" "@authority" "@path" "@query",
                      plus "content-digest" when there is a body)
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
    const { signRequest } = await import('../../web/sdk/signing.js');
    const out = await signRequest(request, {
      keyId: opts['key-id'],
      secretBase64: secret,
      created,
      expires,
      nonce: opts.nonce,
      components: opts.components,
      label: opts.label,
    });
    process.stdout.write(`${JSON.stringify({ signature_base: out.signature_base, signature_input: out.signature_input, signature: out.signature })}\n`);
    return 0;
  } catch (err) {
    const clean = err instanceof UsageError ? new UsageError(scrub(err.message, args, secret)) : new Error(scrub(err.message, args, secret));
    if (!(err instanceof UsageError)) clean.exitCode = 1;
    throw clean;
  }
}
