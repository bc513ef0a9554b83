// Hand-written types for the SDK (Emscripten 3.1.6 has no --emit-tsd). tests/js/sdk-types.test.js
// compiles them with tsc --strict together with tests/types/consumer.ts, which uses every export,
// and checks that the declared and the run-time exports are the same names.

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
  request_build(descriptionJson: string): string;
  request_endpoints(): string;
  response_parse(responseJson: string): string;
  response_parse_text(metaJson: string, body: string): string;
  retry_decide(inputJson: string): string;
  signature_base(messageJson: string): string;
  signature_input_parse(fieldsJson: string): string;
  store_begin_endpoint(store: CoreStore, workspaceId: string, callJson: string): string;
  store_finish_endpoint(store: CoreStore, workspaceId: string, metaJson: string, body: string): string;
  widget_token_check(inputJson: string): string;
  // calendar and snapshots (also the whole of the widget's calendar-only module)
  CalendarIndex: new () => CoreCalendarIndex;
  calendarPlanMove(requestJson: string): string;
  snapshotExport(workspaceJson: string): string;
  snapshotImport(text: string): string;
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
// --- workspaces (web/sdk/client.js, web/sdk/storage.js) ---
export type Role = 'owner' | 'admin' | 'member' | 'viewer';
export type Action =
  | 'view_posts' | 'comment' | 'manage_posts' | 'use_ai' | 'manage_labels' | 'manage_signatures'
  | 'manage_assets' | 'lookup_boards_channels' | 'manage_accounts' | 'manage_team' | 'manage_settings'
  | 'manage_api_keys' | 'billing' | 'delete_workspace';

export interface BrandProfile {
  website: string | null;
  description: string | null;
  tone: 'professional' | 'casual' | 'friendly' | 'bold' | 'inspirational' | 'humorous' | 'educational' | null;
  voice_notes: string | null;
  image_style: 'cinematic' | 'illustration' | 'isometric_3d' | 'cartoon' | 'typographic' | 'infographic' | 'minimalist' | 'mockup';
  primary_color: string | null;
  background_color: string | null;
  text_color: string | null;
  font: 'Inter' | 'Roboto' | 'Open Sans' | 'Lato' | 'Montserrat' | 'Poppins' | 'Playfair Display' | 'Merriweather';
  content_language: 'en' | 'pt-BR' | 'es';
}

export interface BrandChoice { value: string; label: string }
/** The brand profile's choice lists, from the core (web/sdk/brand.js). */
export interface BrandCatalog {
  tones: BrandChoice[];
  image_styles: BrandChoice[];
  fonts: BrandChoice[];
  content_languages: BrandChoice[];
  defaults: { image_style: string; font: string; content_language: string };
}
export declare function brandCatalog(): Promise<BrandCatalog>;

/** The roles in words, from the core's permission table (web/sdk/roles.js). */
export interface RoleCatalog {
  roles: { role: Role; name: string; description: string; assignable: boolean }[];
  /** The roles the acting person may assign in an invite or a role change. */
  assignable: Role[];
  /** Who may take each action, as a sentence part: "an Owner or Admin". */
  who_may: Record<Action, string>;
}
export declare function roleCatalog(role?: Role | null): Promise<RoleCatalog>;

export type PostAction = 'save' | 'draft' | 'schedule' | 'publish';
/** What a post offers in the composer (web/sdk/post-actions.js); no status: a new post. */
export declare function postActions(status?: string | null): Promise<{ editable: boolean; actions: PostAction[] }>;
/** What an action sends: an existing post's PUT body, or a new post's create and the update after it. */
export interface PostActionPlan {
  update?: Record<string, unknown>;
  create?: Record<string, unknown>;
  then?: { status: string; platforms: { id: string | number; meta?: Record<string, unknown> }[]; scheduled_at?: string | null };
  unfinished?: string;
}
export declare function planPostAction(request: { action: PostAction; body: Record<string, unknown>; status?: string; platforms?: (string | number)[] }): Promise<PostActionPlan>;

/** A workspace as the client sees it. Never carries a key. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  logo_url: string | null;
  brand: BrandProfile;
  owner_id: string | null;
  created_at: string | null;
  updated_at: string | null;
  role: Role;
  permissions: Record<Action, boolean>;
  has_key: boolean;
  /** Known through the account API: shares that account's plan and pooled AI credits (one 402 holds them all). */
  in_account: boolean;
  active: boolean;
  counts: { posts: number; accounts: number; labels: number; signatures: number; members: number; api_keys: number; outbox: number };
  revisions: Record<string, number>;
}

export interface ClientState {
  active: WorkspaceSummary | null;
  workspaces: WorkspaceSummary[];
}

export interface KeyStorage {
  kind: string;
  load(): Promise<Array<{ workspaceId: string; key: string }>>;
  save(workspaceId: string, key: string): Promise<void>;
  remove(workspaceId: string): Promise<void>;
  clear(): Promise<void>;
}

export interface WorkspacePatch {
  name?: string;
  logo?: string | null;
  logo_url?: string | null;
  brand?: Partial<BrandProfile>;
}

/** A device session as the account API lists it (never its token). */
export interface DeviceSession {
  id: string; workspace_id: string; workspace_name: string; device_id: string; device_name: string | null;
  created_at: string; last_used_at: string | null; expires_at: string;
}

export interface TrypostClient {
  readonly activeWorkspace: WorkspaceSummary | null;
  supports(feature: 'workspace_lifecycle' | string): boolean;
  can(action: Action): boolean;
  permissionTable(): { roles: Role[]; actions: Action[]; matrix: Record<Role, Record<Action, boolean>> };
  subscribe(listener: (state: ClientState) => void): () => void;
  /**
   * Opens the key's workspace. A key its account must pay for first (402) is kept, where the
   * other keys are, and the 402 is thrown with `keyKept: true`: see waitingKeys().
   */
  addWorkspace(input: { apiKey: string }): Promise<WorkspaceSummary>;
  /** Keys kept while their account needs payment; their workspaces cannot be read yet. */
  waitingKeys(): number;
  /** Tries the waiting keys again (also done at each start): paid ones open, 401s are forgotten. */
  retryWaitingKeys(): Promise<{ added: WorkspaceSummary[]; waiting: number }>;
  /** Forgets the waiting keys. */
  forgetWaitingKeys(): Promise<void>;
  switchWorkspace(id: string): WorkspaceSummary;
  close(): void;
  /** Workspaces whose credential was refused (401); their edits wait for sessions.open() or a key. */
  needsSignIn(): string[];
  /** What this client reaches the workspace with: a device session, an API key, or nothing. */
  credentialKind(workspaceId: string): 'session' | 'key' | null;
  sessions: {
    /** This device's id (null without an account token or with `sessions: false`). */
    readonly deviceId: string | null;
    /** Opens this device's session for every listed workspace again: the ids opened. */
    open(): Promise<string[]>;
    list(): Promise<ReadonlyArray<Readonly<DeviceSession>>>;
    /** Revokes every session of this device (false when there is none to revoke). */
    signOut(): Promise<boolean>;
  };
  workspaces: {
    list(): Promise<WorkspaceSummary[]>;
    /** The list as this client holds it now, without a request. */
    known(): ReadonlyArray<WorkspaceSummary>;
    create(input: { name: string }): Promise<WorkspaceSummary>;
    update(id: string, patch: WorkspacePatch): Promise<WorkspaceSummary>;
    remove(id: string, options: { confirmName: string }): Promise<void>;
    members(id: string): Promise<ReadonlyArray<{ user_id: string; name: string; email: string; role: Role }>>;
    issueKey(id: string, options?: { name?: string; expiresAt?: string }): Promise<WorkspaceSummary>;
  };
  posts: {
    /** Walks every page; after page 1, `concurrency` pages at a time (default 6). */
    refresh(options?: { concurrency?: number }): Promise<ReadonlyArray<Record<string, unknown>>>;
    list(): ReadonlyArray<Record<string, unknown>>;
    moveTo(postId: string, workspaceId: string): Promise<never>;
    create(body: Record<string, unknown>): Promise<Queued>;
    update(postId: string, body: Record<string, unknown>): Promise<Queued>;
    schedule(postId: string, scheduledAt: string, body?: Record<string, unknown>): Promise<Queued>;
    publishNow(postId: string, body?: Record<string, unknown>): Promise<Queued>;
    delete(postId: string): Promise<Queued>;
    flush(workspaceId?: string): Promise<number>;
    /** One post read again through the Store; answers the post as the server has it now. */
    reread(postId: string, workspaceId?: string): Promise<Readonly<Record<string, unknown>> | null>;
    /** GET /posts/{post} of the calling workspace (web/sdk/resources.js). */
    get(postId: string): Promise<Readonly<Record<string, unknown>>>;
    preview(postId: string): Promise<Readonly<PostPreview>>;
    metrics(postId: string): Promise<Readonly<PostMetrics>>;
    /** One page of GET /posts, as the API orders it (newest scheduled first, undated last). */
    page(n: number): Promise<PostPage>;
  };
  outbox: Outbox;
}

export declare class WorkspaceError extends Error {
  status: number;
  errors: Record<string, string[]>;
}

export declare function createClient(options: {
  baseUrl: string;
  accountToken?: string;
  fetch?: typeof fetch;
  storage?: KeyStorage;
  outboxStorage?: OutboxStorage;
  transport?: Partial<TransportOptions>;
  /** Where `online` events come from (default: the window in a browser); the outbox flushes on each. */
  onlineEvents?: EventTarget;
  /**
   * With an account token the client works on this device's sessions (docs/account-api.md):
   * false keeps to keys. `deviceId` (8-100 characters) is the id the server replaces a device's
   * sessions by; default: kept in `webStorage` (localStorage in a browser), else new per client.
   */
  sessions?: boolean;
  deviceId?: string;
  deviceName?: string;
  webStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}): Promise<TrypostClient>;
// --- transport and outbox (web/sdk/transport.js, web/sdk/outbox.js) ---
export interface TransportOptions {
  core: unknown; fetch?: typeof fetch; timeoutMs?: number;
  sleep?: (ms: number, info: { reason: string }) => Promise<void>;
  random?: () => number; now?: () => number;
  onAttempt?: (a: { attempt: number; status: number; decision: { retry: boolean; delay_ms: number; reason: string } }) => void;
}
export interface TransportRequest { url: string; method: string; headers?: Record<string, string>; body?: string | null }
export interface Exchange { status: number; text: string; attempts: number; reason: string; timedOut: boolean; retryAfterMs?: number }
export declare class TransportError extends Error {
  kind: 'network' | 'timeout' | 'rate_limited' | 'payment_required' | 'http';
  status: number; reason: string; attempts: number; retryAfterMs?: number; errors: Record<string, string[]>;
}
export declare function createTransport(options: TransportOptions): {
  exchange(req: TransportRequest, options?: { idempotencyKey?: string }): Promise<Exchange>;
  request(req: TransportRequest, options?: { idempotencyKey?: string }): Promise<Exchange>;
};
export declare function idempotencyHeader(key: string): string;
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
export declare function createOutbox(options: { storage?: OutboxStorage; send: (e: OutboxEntry) => Promise<unknown> }): Promise<Outbox>;
export declare function createMemoryOutboxStorage(): OutboxStorage;
export declare function createIndexedDbOutboxStorage(options?: { name?: string; indexedDB?: IDBFactory }): OutboxStorage;
export declare function isLocalId(id: unknown): boolean;
export declare function createMemoryKeyStorage(): KeyStorage;
export declare function createEncryptedKeyStorage(options?: { indexedDB?: IDBFactory; crypto?: Crypto; dbName?: string }): KeyStorage;
// --- posts: catalog, validation, labels, signatures, preview (web/sdk/posts.js) ---
export type MediaType = 'image' | 'video' | 'document';
export interface ContentTypeRow {
  value: string; label: string; description: string;
  max_media_count: number; min_media_count: number; requires_media: boolean;
  accept_images: boolean; accept_videos: boolean; accept_documents: boolean; accepts_gif: boolean;
  forbids_mixed_media: boolean; max_video_duration_sec: number | null;
  max_image_bytes: number | null; max_video_bytes: number | null; max_document_bytes: number | null;
}
export interface PlatformRow {
  platform: string; label: string; max_content_length: number; recommended_content_length: number;
  allowed_media_types: MediaType[]; default_content_type: string; content_types: ContentTypeRow[];
}
export interface MetaKeyRow {
  key: string; type: 'string' | 'boolean' | 'enum' | 'url' | 'mentions' | 'embeds';
  required_to_publish: boolean; max_length?: number; max_items?: number; values?: string[];
  fields?: Record<string, unknown>;
}
export interface RuleAnswer {
  valid: boolean; status: number; message: string; errors: Record<string, string[]>;
}
export interface PostRequestAnswer extends RuleAnswer {
  notices: { path: string; message: string }[];
  dropped: string[];
  body: Record<string, unknown>;
}
export interface PostRequest {
  workspace: { social_accounts?: unknown[]; labels?: unknown[]; posts?: unknown[] };
  method: 'POST' | 'PUT'; post_id?: string; body: Record<string, unknown>; now?: string | Date;
}
/** The core's own preview of a post (previewPost): the server's shape plus `over_limit` per platform. */
export interface PredictedPostPreview extends PostPreview {
  platforms: Array<PostPreviewPlatform & { over_limit: boolean }>;
}
export declare function contentTypes(): Promise<{ platforms: PlatformRow[] }>;
export declare function metaCatalog(): Promise<{ platforms: { platform: string; alt_text_max_length: number | null; meta: MetaKeyRow[] }[] }>;
export declare function validatePostRequest(request: PostRequest): Promise<PostRequestAnswer>;
export declare function applySignatures(content: string | null, signatures: (string | { content: string })[]): Promise<string>;
export declare function validateLabel(body: { name?: unknown; color?: unknown }, method?: 'POST' | 'PUT'): Promise<RuleAnswer>;
export declare function validateSignature(body: { name?: unknown; content?: unknown }, method?: 'POST' | 'PUT'): Promise<RuleAnswer>;
export declare function previewPost(post: Record<string, unknown>): Promise<PredictedPostPreview>;
// --- calendar and snapshots (web/sdk/calendar.js, docs/calendar.md) ---
export interface ZoneTransition { at_utc: number; offset_seconds: number }
export interface CalendarFilters { labels?: string[]; accounts?: string[]; platforms?: string[]; statuses?: string[] }
export interface CalendarQuery {
  view?: 'month' | 'week' | 'day' | 'list';
  date?: string; // YYYY-MM-DD
  week_start?: 'monday' | 'sunday';
  time_zone?: string; // IANA name; UTC when absent
  max_rows?: number;
  max_columns?: number;
  duration_minutes?: number;
  page_size?: number;
  cursor?: string;
  unscheduled_limit?: number;
  details?: boolean;
  filters?: CalendarFilters;
}
export interface CalendarDay {
  date: string;
  post_ids: string[];
  hidden: number;
  in_month?: boolean;
  minutes?: number;
  items?: CalendarSlot[];
  items_hidden?: number;
  /** Daylight-saving jumps inside the day, as wall-clock minutes (02:00 -> 03:00 is 120 -> 180). */
  clock_changes?: ClockChange[];
}
export interface ClockChange { from_minute: number; to_minute: number }
/** "clocks go forward 1 hour at 02:00"; `clock` formats the time of day (default 24-hour HH:MM). */
export declare function clockChangeText(change: ClockChange, clock?: Intl.DateTimeFormat | null): string;
export interface CalendarSlot { post_id: string; start: string; minute: number; end_minute: number; column: number; columns: number }
export interface CalendarViewResult {
  view: 'month' | 'week' | 'day' | 'list';
  zone: string;
  date?: string;
  range?: { start: string; end: string; start_utc: string; end_utc: string };
  weeks?: { iso_week: number; iso_year: number; days: CalendarDay[] }[];
  items?: (CalendarSlot | { post_id: string; start: string; date: string })[];
  minutes?: number;
  hidden?: number;
  next?: string | null;
  unscheduled?: string[];
  unscheduled_hidden?: number;
  counts?: Record<'labels' | 'accounts' | 'platforms' | 'statuses', Record<string, number>>;
  posts?: Record<string, { at: string | null; time?: string; status: string; platforms: string[]; labels: string[]; accounts: string[]; excerpt: string }>;
  labels?: Record<string, { name: string; color: string }>;
}
export interface CalendarLoadSummary {
  posts: number; scheduled: number; unscheduled: number; labels: number; accounts: number; first: string | null; last: string | null;
  label_list: { id: string; name: string; color: string }[];
  /** Only for a snapshot file. */
  workspace?: { name: string; logo_url: string; brand: { primary: string; background: string; text: string } };
}
export interface PostPage { data: ReadonlyArray<Record<string, unknown>>; page: { current_page: number; last_page: number; per_page: number; total: number } }
/** The posts scheduled in [from, to) (epoch ms), found by probing the pages that hold them (web/sdk/post-window.js). */
export declare function postsInWindow(
  fetchPage: (n: number) => Promise<PostPage>,
  window: { from: number; to: number },
  options?: { parallel?: number; maxPages?: number; minPages?: number },
): Promise<{ posts: Record<string, unknown>[]; pages: number[]; requests: number; lastPage: number; complete: boolean; cut: boolean; skipped?: boolean }>;
/** Epoch ms of a post's scheduled_at (UTC), or -Infinity without one. */
export declare function scheduledMs(post: unknown): number;
export interface MovePlan {
  ok: boolean;
  request?: { method: 'PUT'; path: string; body: { status: 'scheduled'; scheduled_at: string } };
  reasons: { code: 'past_time' | 'not_editable' | 'forbidden'; message: string }[];
  warnings: { code: 'same_minute'; message: string; post_ids: string[] }[];
}
export interface MoveRequest { new_time: string; now?: string; role?: 'owner' | 'admin' | 'member' | 'viewer'; can_edit?: boolean }
export interface CalendarSnapshot {
  format: 'trypost-calendar-snapshot';
  version: 1;
  exported_at?: string;
  workspace: { name: string; logo_url?: string; brand: { primary?: string; background?: string; text?: string } };
  accounts: unknown[];
  labels: { id: string; name: string; color: string }[];
  posts: unknown[];
  counts: { accounts: number; labels: number; posts: number };
}

export declare class Calendar {
  static create(doc?: unknown, options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Calendar>;
  load(doc: unknown): CalendarLoadSummary;
  /** Adds posts, or replaces those with the same id, without reloading the rest. All or nothing. */
  upsert(posts: unknown[] | object): CalendarLoadSummary;
  /** Takes out the posts with these ids without reloading the rest; an id not held is ignored. */
  remove(ids: (string | number)[] | string | number): CalendarLoadSummary;
  readonly summary: CalendarLoadSummary | null;
  readonly size: number;
  view(query: CalendarQuery): CalendarViewResult;
  viewText(query: CalendarQuery): string;
  zoneFor(timeZone: string, query: CalendarQuery): { name: string; transitions: ZoneTransition[] };
  planMove(request: MoveRequest & { post_id: string }): MovePlan;
  dispose(): void;
}
export declare function createCalendar(doc?: unknown, options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Calendar>;
export declare function zoneOffsetAt(timeZone: string, ms: number): number;
export declare function zoneTransitions(timeZone: string, startMs: number, endMs: number, stepMs?: number): ZoneTransition[];
export declare function exportSnapshot(workspace: unknown): Promise<CalendarSnapshot>;
export declare function importSnapshot(text: string | object): Promise<CalendarSnapshot>;
export declare function planMove(request: MoveRequest & { post: unknown; others?: unknown[] }): Promise<MovePlan>;
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

// --- documented resources, bound to the calling workspace (web/sdk/resources.js) ---
/** A failed call, read by the core: meaning (`kind`), field paths (422), and for a 402 what is known. */
export declare class ApiError extends Error {
  status: number;
  kind: 'network' | 'key_invalid' | 'session_expired' | 'pinterest_token_expired' | 'payment_required' | 'forbidden'
    | 'upload_link_invalid' | 'not_found' | 'conflict' | 'validation' | 'rate_limited' | 'upstream_unavailable'
    | 'server_error' | 'client_error' | 'unexpected_status' | 'malformed' | 'unsupported';
  /** The API's shape: dotted field path -> messages. */
  errors: Record<string, string[]>;
  fields: string[];
  endpoint: string | null;
  workspaceId: string | null;
  /** Refused before anything was sent (role, rule, no key, 402 block). */
  local: boolean;
  retryAfterSeconds: number | null;
  /** 402: when the block lifts, only if the answer (or the account API) said so. */
  until: Date | null;
  untilIso: string | null;
  payment: 'credits' | 'plan' | 'unknown' | null;
  planStatus: string | null;
  creditsUsed: number | null;
  creditsLimit: number | null;
  workspaceKeyNeedsAttention: boolean;
  reconnectAccount: boolean;
  stopCreditActions: boolean;
}
export interface Label { id: string; name: string; color: string; created_at: string; updated_at: string }
export interface Signature { id: string; name: string; content: string; created_at: string; updated_at: string }
export interface SocialAccount { id: string; platform: string; display_name: string; username: string; is_active: boolean; status: 'connected' | 'disconnected' | 'token_expired' }
export interface ApiKeyInfo { id: string; name: string; last_used_at: string | null; expires_at: string | null; created_at: string }
export interface ApiKeyCreated { token: ApiKeyInfo; plain_token: string }
export interface PostPreviewPlatform {
  post_platform_id: string; platform: string; content_type: string; sanitized_content: string;
  sanitized_length: number; max_content_length: number;
  /** Sanitising shrank the text; not an over-limit flag (compare sanitized_length with max_content_length). */
  truncated: boolean;
}
/** GET /posts/{post}/preview. */
export interface PostPreview { post_id: string; original_content: string; original_length: number; platforms: PostPreviewPlatform[] }
export interface PostMetrics {
  post_id: string;
  platforms: Array<{ post_platform_id: string; platform: string; status: string; platform_post_id: string | null; platform_url: string | null;
    metrics: Array<{ label: string; value: number; kind?: string }> | { unsupported: true; reason: string } }>;
}
export interface MediaFromUrlResult { post: Record<string, unknown>; attached_count: number; failed_urls: string[] }
export interface UploadProgress { stage: 'queued' | 'sending' | 'done' | 'failed'; loaded: number; total: number; error?: ApiError }
export interface UrlProgress { stage: 'queued' | 'sending' | 'done' | 'failed'; count: number; attached_count?: number; failed_urls?: string[]; error?: ApiError }
export interface Invite { id: string; email: string; role: 'admin' | 'member' | 'viewer'; status: string; created_at: string }
export interface Member { user_id: string; name: string; email: string; role: Role }
export interface WorkspaceCalls {
  labels: {
    list(): Promise<readonly Label[]>;
    create(body: { name: string; color: string }): Promise<Readonly<Label>>;
    update(labelId: string, body: { name: string; color: string }): Promise<Readonly<Label>>;
    delete(labelId: string): Promise<null>;
  };
  signatures: {
    list(): Promise<readonly Signature[]>;
    create(body: { name: string; content: string }): Promise<Readonly<Signature>>;
    update(signatureId: string, body: { name: string; content: string }): Promise<Readonly<Signature>>;
    delete(signatureId: string): Promise<null>;
  };
  socialAccounts: {
    list(): Promise<readonly SocialAccount[]>;
    toggle(accountId: string): Promise<Readonly<SocialAccount>>;
    boards(accountId: string): Promise<Readonly<{ boards: Array<{ id: string; name: string }>; truncated: boolean }>>;
    channels(accountId: string): Promise<Readonly<{ channels: Array<{ id: string; name: string }> }>>;
    /** The account API's demo connection (Owner, Admin): an active account at once. */
    connect(input: { platform: string; displayName: string; username: string }): Promise<Readonly<SocialAccount>>;
  };
  media: {
    attachFromUrl(postId: string, urls: string | Array<string | { url: string; alt?: string }>, options?: { onProgress?: (p: UrlProgress) => void }): Promise<Readonly<MediaFromUrlResult>>;
    upload(postId: string, file: Blob, options?: { filename?: string; onProgress?: (p: UploadProgress) => void; streaming?: 'auto' | boolean }): Promise<Readonly<Record<string, unknown>>>;
    attachAsset(postId: string, assetId: string, options?: { alt?: string | null }): Promise<Readonly<Record<string, unknown>>>;
  };
  apiKeys: {
    list(): Promise<readonly ApiKeyInfo[]>;
    /** The plain key is in this answer only; the SDK keeps no copy. */
    create(input: { name: string; expiresAt?: string }): Promise<ApiKeyCreated>;
    delete(keyId: string): Promise<null>;
  };
  contentTypes: { list(): Promise<Readonly<{ platforms: unknown[] }>> };
  /** The account API (docs/account-api.md), for this workspace. */
  team: {
    list(): Promise<Readonly<{ members: Member[]; invites: Invite[] }>>;
    invite(input: { email: string; role: 'admin' | 'member' | 'viewer' }): Promise<Readonly<Invite>>;
    cancelInvite(inviteId: string): Promise<null>;
    updateRole(userId: string, role: 'admin' | 'member' | 'viewer'): Promise<Readonly<Member>>;
    remove(userId: string): Promise<null>;
    apiKeys: {
      list(): Promise<readonly ApiKeyInfo[]>;
      create(input: { name: string; expiresAt?: string }): Promise<ApiKeyCreated>;
      delete(keyId: string): Promise<null>;
    };
  };
}
export interface PaymentBlock {
  payment: 'credits' | 'plan' | 'unknown' | null; message: string; until: Date | null;
  planStatus: string | null; creditsUsed: number | null; creditsLimit: number | null; error: ApiError;
}
export type NetworkEvent =
  | { kind: 'ok' | 'offline' | 'online' | 'rate-clear' }
  | { kind: 'rate'; seconds: number; waiting: number }
  | { kind: 'payment'; workspaceId?: string; /** every workspace the block holds (the account's, or just this one) */ workspaceIds?: string[]; error: ApiError; block?: PaymentBlock }
  | { kind: 'payment-clear'; workspaceId: string }
  /** A workspace's credential was refused (401) / works again; `workspaceIds`: all still refused. */
  | { kind: 'credential' | 'credential-clear'; workspaceId: string; workspaceIds: string[] };
// Declaration merging: these members join TrypostClient above.
export interface TrypostClient extends WorkspaceCalls {
  /** The same calls bound to one named workspace, active or not. */
  in(workspaceId: string): WorkspaceCalls & { posts: { get(postId: string): Promise<Readonly<Record<string, unknown>>>; preview(postId: string): Promise<Readonly<PostPreview>>; metrics(postId: string): Promise<Readonly<PostMetrics>>; page(n: number): Promise<PostPage> } };
  invites: { accept(inviteId: string): Promise<Readonly<WorkspaceSummary>>; decline(inviteId: string): Promise<null> };
  account: {
    usage(): Promise<Readonly<{ mode: 'cloud' | 'self-hosted'; credits_used: number | null; credits_limit: number | null; resets_at: string | null; plan_status: string | null }>>;
    me(): Promise<Readonly<{ id: string; name: string; email: string; account_id: string; is_owner: boolean; can_create_workspaces?: boolean }>>;
    sessions: {
      list(): Promise<ReadonlyArray<Readonly<DeviceSession>>>;
      revoke(deviceId: string): Promise<null>;
    };
  };
  onNetwork(listener: (ev: NetworkEvent) => void): () => void;
  paymentBlock(workspaceId?: string): PaymentBlock | null;
}

// ---- times in a display zone (wall-time.js) ----
export interface WallTimeAnswer {
  ok: boolean; kind?: 'ordinary' | 'overlap' | 'gap'; utc?: string; later_utc?: string; offset_seconds?: number;
  local?: string; date?: string; time?: string; zone?: string; /** why a gap is refused, or which of two is used */ message?: string;
}
/** A wall time ("2026-12-23T09:00") typed in an IANA zone -> the UTC instant, or why it does not exist. */
export declare function wallTimeToUtc(timeZone: string, local: string): Promise<WallTimeAnswer>;
/** An instant (ISO or the API's form) -> its wall time in an IANA zone. */
export declare function utcToWallTime(timeZone: string, utc: string): Promise<WallTimeAnswer>;
/** Either of the above with a core already loaded (from loadCore()). */
export declare function resolveWallTimeWith(core: unknown, timeZone: string, input: { local?: string; utc?: string }): WallTimeAnswer;

// ---- words for people (wording.js) ----
export interface DisplayNames { platforms: Record<string, string>; content_types: Record<string, string>; statuses: Record<string, string> }
/** The API's field problems in plain words, keyed by the same paths. */
export declare function describeProblems(errors: Record<string, string[]>, options?: { message?: string; platforms?: string[]; content_types?: string[] }): Promise<{ errors: Record<string, string[]>; message: string }>;
export declare function displayNames(): Promise<Readonly<DisplayNames>>;

// ---- live status (publish-watch.js) ----
export interface StatusWatchPlan { read: string[]; next_in_seconds: number | null; state: Record<string, { reads: number; next_at: number }> }
export declare function planStatusWatch(input: { now: number | string; posts: { id: string; status: string; scheduled_at?: string | null }[]; state?: StatusWatchPlan['state']; recent_reads?: number; watch_reads?: number; rate_wait?: number }): Promise<StatusWatchPlan>;
export declare function createStatusWatch(options: {
  posts(): { id: string | number; status: string; scheduled_at?: string | null }[];
  read(id: string): Promise<Record<string, unknown> | null>;
  settled(post: Record<string, unknown>): void;
  recentReads?(): number; rateWait?(): number; now?(): number;
  setTimer?(fn: () => void, ms: number): unknown; clearTimer?(t: unknown): void;
}): { poke(): void; stop(): void };
