// Hand-written types for the SDK (Emscripten 3.1.6 has no --emit-tsd); tests/js/sdk-types.test.js
// checks that every export named here exists at run time and vice versa.

export interface CoreModule {
  version(): string;
  // requests and signing: JSON text in, JSON text out ({"error": ...} on a bad argument)
  request_build(descriptionJson: string): string;
  request_endpoints(): string;
  response_parse(responseJson: string): string;
  response_parse_text(metaJson: string, body: string): string;
  retry_decide(inputJson: string): string;
  signature_base(messageJson: string): string;
  signature_input_parse(fieldsJson: string): string;
}

export declare class CoreError extends Error {
  details: unknown;
}

export declare function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array; fresh?: boolean }): Promise<CoreModule>;
export declare function coreVersion(): Promise<string>;

// --- requests and signing (web/sdk/signing.js) ---
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
  alg?: string;
  label?: string;
  components?: string | string[];
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
export declare function verifyRequest(request: SignableRequest, options: VerifyOptions): Promise<VerifyResult>;
export declare function contentDigest(body: SignableRequest['body'], algorithm?: 'sha-256' | 'sha-512'): Promise<string>;
export declare function makeNonce(bytes?: number): string;
export declare function bytesToBase64(bytes: Uint8Array): string;
export declare function base64ToBytes(text: string, what?: string): Uint8Array;
