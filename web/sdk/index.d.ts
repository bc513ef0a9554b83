// Hand-written types for the SDK (Emscripten 3.1.6 has no --emit-tsd); tests/js/sdk-types.test.js
// checks that every export named here exists at run time and vice versa.

export interface CoreModule {
  version(): string;
  countText(json: string): string;
  countBatchBuffer(utf8Bytes: number, count: number): number;
  countBatchRun(contentType: string, utf8Bytes: number, count: number): boolean;
  HEAPU8: Uint8Array;
}

export declare class CoreError extends Error {
  details: unknown;
}

export declare function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array; fresh?: boolean }): Promise<CoreModule>;
export declare function coreVersion(): Promise<string>;

// Counting (web/sdk/counting.js): X weighted characters for x_post, grapheme clusters for
// bluesky_post, Unicode code points for every other content type.
export interface CountResult {
  content_type: string;
  length: number;
  max_length: number;
  valid: boolean;
}
export declare function countTexts(contentType: string, texts: readonly string[]): Promise<Int32Array>;
export declare function count(contentType: string, text: string): Promise<CountResult>;
