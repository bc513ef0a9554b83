// The SDK's types: requests and signing (web/sdk/signing.js). Re-exported by ../index.d.ts.
export interface SignableRequest {
  method: string;
  url: string;
  headers?: Record<string, string | string[]> | { get(name: string): string | null; entries(): Iterable<[string, string]> };
  body?: string | Uint8Array | ArrayBuffer | ArrayBufferView | unknown | null;
}
export interface SignOptions {
  keyId: string;
  secretBase64: string;
  created?: number;
  expires?: number;
  nonce?: string;
  /** Only 'hmac-sha256', the algorithm this signs with; written as the alg parameter when given. */
  alg?: 'hmac-sha256';
  tag?: string;
  label?: string;
  components?: string | string[];
  /** The order to write the signature parameters in, e.g. ['keyid', 'nonce', 'created']. */
  paramOrder?: ('created' | 'expires' | 'nonce' | 'alg' | 'keyid' | 'tag')[];
}
export interface SignableResponse {
  status: number;
  headers?: SignableRequest['headers'];
  body?: SignableRequest['body'];
}
export interface SignResult {
  signature_base: string;
  signature_input: string;
  signature: string;
  headers: Record<string, string>;
  body?: string;
}
export interface VerifyOptions {
  keys: Record<string, string> | ((keyid: string) => string | undefined | Promise<string | undefined>);
  label?: string;
  now?: number;
  maxAgeSeconds?: number;
  clockSkewSeconds?: number;
  requiredComponents?: string[];
}
export type VerifyResult =
  | { ok: true; label: string; keyid: string; params: Record<string, string | number> }
  | { ok: false; reason: string };
export declare class SigningError extends Error {
  code: string;
}
export declare function signRequest(request: SignableRequest, options: SignOptions): Promise<SignResult>;
export declare function signResponse(response: SignableResponse, request: SignableRequest | null, options: SignOptions): Promise<SignResult>;
export declare function verifyRequest(request: SignableRequest, options: VerifyOptions): Promise<VerifyResult>;
export declare function verifyResponse(response: SignableResponse, request: SignableRequest | null, options: VerifyOptions): Promise<VerifyResult>;
export declare function contentDigest(body: SignableRequest['body'], algorithm?: 'sha-256' | 'sha-512'): Promise<string>;
export declare function makeNonce(bytes?: number): string;
export declare function bytesToBase64(bytes: Uint8Array): string;
export declare function base64ToBytes(text: string, what?: string): Uint8Array;
