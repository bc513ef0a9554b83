// The SDK's types: the WASM module (web/sdk/core.js, wasm/bindings.cpp) and its error answer. Re-exported by ../index.d.ts.
export interface CoreModule {
  version(): string;
  countText(json: string): string;
  countBatchBuffer(utf8Bytes: number, count: number): number;
  countBatchRun(contentType: string, utf8Bytes: number, count: number): boolean;
  HEAPU8: Uint8Array;
  Store: new () => CoreStore;
  brandCatalog(json: string): string;
  describeRoles(json: string): string;
  describePostActions(json: string): string;
  planPostAction(json: string): string;
  contentTypes(json: string): string;
  metaCatalog(json: string): string;
  validatePostRequest(json: string): string;
  validatePostRequestsJsonl(lines: string, firstLine: number): string;
  countLinesBuffer(bytes: number): number;
  countLinesRun(bytes: number): number;
  countLinesOutput(): number;
  validateLabel(json: string): string;
  validateSignature(json: string): string;
  applySignatures(json: string): string;
  previewPost(json: string): string;
  // requests and signing: JSON text in, JSON text out ({"error": ...} on a bad argument)
  buildRequest(descriptionJson: string): string;
  listEndpoints(): string;
  parseResponse(responseJson: string): string;
  parseResponseParts(metaJson: string, body: string): string;
  decideRetry(inputJson: string): string;
  buildSignatureBase(messageJson: string): string;
  parseSignatureInput(fieldsJson: string): string;
  beginEndpointCall(store: CoreStore, workspaceId: string, callJson: string): string;
  finishEndpointCall(store: CoreStore, workspaceId: string, metaJson: string, body: string): string;
  checkWidgetToken(inputJson: string): string;
  // the shell's rules: an outbox failure, a 402 block, an Idempotency-Key (JSON text in and out)
  classifyFailure(inputJson: string): string;
  decidePaymentBlock(inputJson: string): string;
  checkPaymentBlock(inputJson: string): string;
  buildIdempotencyHeader(inputJson: string): string;
  // calendar and snapshots (also the whole of the widget's calendar-only module)
  CalendarIndex: new () => CoreCalendarIndex;
  planCalendarMove(requestJson: string): string;
  computeZoneSpan(queryJson: string): string;
  /** An API time in epoch ms, NaN when it is not one (the whole core only). */
  parseApiTime(text: string): number;
  exportSnapshot(workspaceJson: string): string;
  importSnapshot(text: string): string;
}

/** The embind CalendarIndex (wasm/bindings.cpp, "calendar"): JSON text in and out. Call delete() when done. */
export interface CoreCalendarIndex {
  load(documentText: string): string;
  upsert(postsText: string): string;
  remove(idsJson: string): string;
  view(queryJson: string): string;
  planMove(requestJson: string): string;
  size(): number;
  delete(): void;
}

/**
 * How every core entry point answers a failure (include/trypost/core_answer.hpp): the message,
 * the HTTP-like status, the field paths with their messages, and for a refused document the limit.
 */
export interface CoreErrorAnswer {
  error: string;
  status: number;
  errors?: Record<string, string[]>;
  reason?: string;
}

/** The embind Store (wasm/bindings.cpp, "workspaces (store)"): JSON text in and out. Call delete() when done. */
export interface CoreStore {
  setAccountToken(token: string): string;
  beginRequest(workspaceId: string, kind: string, paramsJson: string): string;
  probeKey(key: string): string;
  applyResponse(requestId: number, status: number, body: string): string;
  switchTo(workspaceId: string): string;
  movePost(postId: string, workspaceId: string): string;
  snapshot(): string;
  view(workspaceId: string, part: string): string;
  permissions(): string;
  delete(): void;
}

export declare class CoreError extends Error {
  constructor(message: string, details: CoreErrorAnswer);
  details: CoreErrorAnswer;
}

export declare function loadCore(options?: { wasmBinary?: ArrayBuffer | Uint8Array; fresh?: boolean }): Promise<CoreModule>;
export declare function coreVersion(): Promise<string>;
