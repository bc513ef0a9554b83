// The SDK's types: transport and outbox (web/sdk/transport.js, web/sdk/outbox.js). Re-exported by ../index.d.ts.
import { FailureClass, KeyStorage } from './workspaces.js';

export interface TransportOptions {
  core: unknown; fetch?: typeof fetch; timeoutMs?: number;
  sleep?: (ms: number, info: { reason: string }) => Promise<void>;
  random?: () => number; now?: () => number;
  onAttempt?: (a: { attempt: number; status: number; decision: { retry: boolean; delay_ms: number; reason: string } }) => void;
}
/** `idempotent`: the built request's own answer (buildRequest, beginEndpointCall); without it the core judges by method and an Idempotency-Key header. */
export interface TransportRequest { url: string; method: string; headers?: Record<string, string>; body?: string | null; idempotent?: boolean }
export type StatusClass = 'success' | 'passing' | 'rate_limited' | 'payment_required' | 'credential_refused' | 'refused';
/** `statusClass`: the core's one status table (the retry decision and the outbox read it too); `errorKind`: the TransportError kind `request` throws for it (absent for a success). */
export interface Exchange { status: number; text: string; attempts: number; reason: string; statusClass: StatusClass; errorKind?: TransportError['kind']; timedOut: boolean; retryAfterMs?: number }
export declare class TransportError extends Error {
  kind: 'network' | 'timeout' | 'rate_limited' | 'payment_required' | 'http';
  status: number; reason: string; attempts: number; retryAfterMs?: number; errors: Record<string, string[]>;
}
export declare function createTransport(options: TransportOptions): {
  exchange(req: TransportRequest, options?: { idempotencyKey?: string }): Promise<Exchange>;
  request(req: TransportRequest, options?: { idempotencyKey?: string }): Promise<Exchange>;
};
/** The Idempotency-Key header's value, written by the core; a key it refuses throws a CoreError naming `idempotency_key`. */
export declare function idempotencyHeader(core: unknown, key: string): string;
export declare function newIdempotencyKey(): string;
export interface OutboxEntry {
  id: string; workspace_id: string; kind: 'posts.create' | 'posts.update' | 'posts.delete';
  post_id?: string; body?: Record<string, unknown>; idempotency_key?: string; local_id?: string; created_at: number;
}
export interface OutboxProblem extends OutboxEntry { status: number; conflict?: boolean; message: string; errors: Record<string, string[]> }
export type SendResult = { ok: true; post_id?: string; entry: OutboxEntry } | { ok: false; status: number; entry: OutboxEntry; message?: string };
export interface Queued { entry: OutboxEntry; sent: Promise<SendResult> }
export interface OutboxStorage { kind: string; load(): Promise<unknown>; save(doc: unknown): Promise<void> }
export interface Outbox {
  enqueue(workspaceId: string, op: Partial<OutboxEntry>): Promise<Queued>;
  flush(workspaceId?: string): Promise<number>;
  pending(workspaceId?: string): OutboxEntry[];
  problems(): OutboxProblem[];
  dismissProblem(id: string): Promise<void>;
  /** The workspace is gone: its waiting edits leave the queue (kept as problems with `problem`). */
  discard(workspaceId: string, options?: { problem?: string | null }): Promise<number>;
  resolveId(id: string): string | null;
  state(): { pending: number; problems: number };
  subscribe(listener: (s: { pending: number; problems: number }) => void): () => void;
  idle(): Promise<void>;
}
/** What `send` answers; on a failure, `stage` says where it stopped (default 'send'), and the core says whether the edit waits, is done or becomes a problem: the `failure_class` of the answer that read it (a Store answer's), else asked of classifyFailure. */
export type OutboxSendAnswer =
  | { ok: true; post_id?: string }
  | { ok: false; stage?: 'begin' | 'send' | 'local'; status: number; message?: string; errors?: Record<string, string[]>; failure_class?: FailureClass };
export declare function createOutbox(options: { storage?: OutboxStorage; send: (e: OutboxEntry) => Promise<OutboxSendAnswer>; core?: unknown }): Promise<Outbox>;
export declare function createMemoryOutboxStorage(): OutboxStorage;
export declare function createIndexedDbOutboxStorage(options?: { name?: string; indexedDB?: IDBFactory }): OutboxStorage;
export declare function isLocalId(id: unknown): boolean;
export declare function createMemoryKeyStorage(): KeyStorage;
export declare function createEncryptedKeyStorage(options?: { indexedDB?: IDBFactory; crypto?: Crypto; dbName?: string }): KeyStorage;
