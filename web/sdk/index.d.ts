// Hand-written types for the SDK (Emscripten 3.1.6 has no --emit-tsd); tests/js/sdk-types.test.js
// checks that every export named here exists at run time and vice versa.

export interface CoreModule {
  version(): string;
}

export declare class CoreError extends Error {
  details: unknown;
}

export declare function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array; fresh?: boolean }): Promise<CoreModule>;
export declare function coreVersion(): Promise<string>;
