// Compiled (never run) by tests/js/sdk-types.test.js with tsc --strict: it uses every export of
// web/sdk/index.js the way an application would, so a declaration that is missing, duplicated or
// contradicts another fails the build. Each value's type is pinned where a caller relies on it.
import {
  loadCore, CoreError, coreVersion,
  countTexts, count,
  createClient, WorkspaceError,
  createMemoryKeyStorage, createEncryptedKeyStorage,
  contentTypes, metaCatalog, validatePostRequest, applySignatures, validateLabel, validateSignature, previewPost,
  Calendar, createCalendar, zoneTransitions, zoneOffsetAt, exportSnapshot, importSnapshot, planMove, clockChangeText,
  signRequest, verifyRequest, contentDigest, makeNonce, bytesToBase64, base64ToBytes, SigningError,
  createTransport, TransportError, idempotencyHeader, newIdempotencyKey,
  createOutbox, createMemoryOutboxStorage, createIndexedDbOutboxStorage, isLocalId,
  ApiError,
  brandCatalog, roleCatalog, postActions, planPostAction,
  postsInWindow,
  signResponse, verifyResponse,
  wallTimeToUtc, utcToWallTime, resolveWallTimeWith,
  describeProblems, displayNames, planStatusWatch, createStatusWatch,
} from '../../web/sdk/index.js';
import type {
  CoreModule, CoreStore, CoreCalendarIndex, CoreErrorAnswer, CountResult, WorkspaceSummary, TrypostClient,
  PostPreview, PredictedPostPreview, PostMetrics, PostPage, CalendarViewResult, MovePlan, CalendarSnapshot,
  SignResult, VerifyResult, Exchange, StatusClass, Queued, SendResult, OutboxSendAnswer, OutboxProblem, PaymentBlock, NetworkEvent, BrandCatalog,
  WorkspaceCalls, RuleAnswer, PostRequestAnswer, RoleCatalog, PostActionPlan,
  WallTimeAnswer, DisplayNames, StatusWatchPlan, DeviceSession,
} from '../../web/sdk/index.js';

export async function useCore(): Promise<string> {
  const core: CoreModule = await loadCore({ fresh: true });
  const store: CoreStore = new core.Store();
  const index: CoreCalendarIndex = new core.CalendarIndex();
  const size: number = index.size();
  index.delete();
  const begun: string = core.beginEndpointCall(store, 'ws', JSON.stringify({ endpoint: 'labels.list' }));
  store.delete();
  try {
    JSON.parse(core.importSnapshot('{}'));
  } catch (e) {
    if (e instanceof CoreError) {
      const answer: CoreErrorAnswer = e.details;
      const firstField: string[] | undefined = answer.errors?.['posts'];
      return `${answer.status} ${answer.error} ${answer.reason ?? ''} ${firstField?.[0] ?? ''}`;
    }
  }
  const version: string = await coreVersion();
  return `${version} ${size} ${begun} ${core.checkWidgetToken('{}')} ${core.planCalendarMove('{}')} ${core.exportSnapshot('{}')}`;
}

export async function useCounting(): Promise<number> {
  const lengths: Int32Array = await countTexts('x_post', ['hello', 'world']);
  const one: CountResult = await count('bluesky_post', 'hi');
  return lengths[0] + (one.valid ? one.length : one.max_length);
}

export async function useClient(): Promise<string[]> {
  const client: TrypostClient = await createClient({
    baseUrl: 'http://localhost:8080/api',
    storage: createMemoryKeyStorage(),
    outboxStorage: createMemoryOutboxStorage(),
    transport: { timeoutMs: 5000 },
  });
  const encrypted = createEncryptedKeyStorage({ dbName: 'keys' });
  const refusedAtStart: WorkspaceError | null = client.accountFailure();
  if (refusedAtStart?.failureClass.account_token_refused === true) return ['token refused'];
  const ws: WorkspaceSummary = await client.addWorkspace({ apiKey: 'key' });
  const page: PostPage = await client.posts.page(1);
  const served: Readonly<PostPreview> = await client.posts.preview('p1');
  const metrics: Readonly<PostMetrics> = await client.in(ws.id).posts.metrics('p1');
  const calls: WorkspaceCalls = client.in(ws.id);
  const labels = await calls.labels.list();
  const queued: Queued = await client.posts.create({ content: 'hi' });
  const sent: SendResult = await queued.sent;
  const problems: OutboxProblem[] = client.outbox.problems();
  const block: PaymentBlock | null = client.paymentBlock(ws.id);
  const stop = client.onNetwork((ev: NetworkEvent) => {
    if (ev.kind === 'payment') void ev.error.until;
  });
  stop();
  // Another device of this person signed out from here (every workspace), when sessions are used.
  const devices: ReadonlyArray<Readonly<DeviceSession>> = await client.sessions.list();
  const other = devices.find((d) => d.device_id !== client.sessions.deviceId);
  const ended: boolean = client.supports('device_sessions') && other ? await client.sessions.end(other.device_id) : false;
  if (ended) return [other?.device_name ?? 'A device'];
  try {
    await client.workspaces.create({ name: '' });
  } catch (e) {
    if (e instanceof WorkspaceError) return Object.keys(e.errors).concat(e.failureClass.quiet === true ? ['quiet'] : []);
    if (e instanceof ApiError && e.kind === 'payment_required') return [e.untilIso ?? '', String(e.payment)];
    if (e instanceof ApiError && e.credentialRefused) return [String(e.workspaceId)];
    if (e instanceof ApiError && e.paymentRequired) return [];
  }
  return [encrypted.kind, String(page.page.last_page), served.platforms[0].sanitized_content,
    String(metrics.platforms.length), String(labels.length), String(sent.ok), String(problems.length), String(block?.message)];
}

export async function usePosts(): Promise<boolean> {
  const catalog = await contentTypes();
  const meta = await metaCatalog();
  const answer: PostRequestAnswer = await validatePostRequest({ workspace: {}, method: 'POST', body: { content: 'x' } });
  const text: string = await applySignatures('Hello', ['-- me', { content: 'bye' }]);
  const label: RuleAnswer = await validateLabel({ name: 'Launch', color: '#ff0000' });
  const signature: RuleAnswer = await validateSignature({ name: 'Sig', content: 'x' }, 'PUT');
  const predicted: PredictedPostPreview = await previewPost({ content: text });
  const brands: BrandCatalog = await brandCatalog();
  const roles: RoleCatalog = await roleCatalog('admin');
  const offered = await postActions('draft');
  const scheduling: string | undefined = offered.sends.schedule;
  const plan: PostActionPlan = await planPostAction({ action: 'schedule', body: { content: text } });
  const fixed: boolean = roles.roles.some((r) => r.fixed && (r.fixed_reason ?? '').length > 0);
  return roles.assignable.length > 0 && fixed && offered.editable && offered.deletable && (offered.why_frozen ?? '') === '' && scheduling !== undefined && plan.create !== undefined && catalog.platforms.length > 0 && meta.platforms.length > 0 && answer.valid && label.valid && signature.valid
    && predicted.platforms.every((p) => !p.over_limit) && brands.fonts.length > 0;
}

export async function useCalendar(): Promise<string> {
  const calendar: Calendar = await Calendar.create({ data: [] });
  const other: Calendar = await createCalendar();
  const view: CalendarViewResult = calendar.view({ view: 'month', date: '2026-03-01', time_zone: 'Europe/Berlin' });
  const moved: MovePlan = await planMove({ post: {}, new_time: '2026-03-02T10:00:00Z' });
  const snapshot: CalendarSnapshot = await exportSnapshot({ name: 'Demo' });
  const again: CalendarSnapshot = await importSnapshot(JSON.stringify(snapshot));
  const offset: number = zoneOffsetAt('Europe/Berlin', Date.UTC(2026, 2, 29));
  const jumps = zoneTransitions('Europe/Berlin', 0, 86_400_000);
  const change = view.weeks?.[0]?.days[0]?.clock_changes?.[0];
  other.dispose();
  return `${moved.ok} ${again.counts.posts} ${offset} ${jumps.length} ${change ? clockChangeText(change) : ''}`;
}

export async function useSigning(): Promise<boolean> {
  const secret = bytesToBase64(new Uint8Array(32));
  const raw: Uint8Array = base64ToBytes(secret, 'secret');
  const signed: SignResult = await signRequest(
    { method: 'POST', url: 'https://example.com/hook', headers: { 'content-type': 'application/json' }, body: '{}' },
    { keyId: 'k1', secretBase64: secret, nonce: makeNonce(), components: ['@method', 'content-digest'] },
  );
  const digest: string = await contentDigest('{}', 'sha-512');
  const checked: VerifyResult = await verifyRequest(
    { method: 'POST', url: 'https://example.com/hook', headers: signed.headers, body: '{}' },
    { keys: { k1: secret }, maxAgeSeconds: 300 },
  );
  try {
    base64ToBytes('!', 'secret');
  } catch (e) {
    if (e instanceof SigningError) return e.code.length > 0;
  }
  return raw.length === 32 && digest.length > 0 && (checked.ok ? checked.keyid === 'k1' : checked.reason.length > 0);
}

export async function useTransportAndOutbox(): Promise<number> {
  const core = await loadCore();
  const transport = createTransport({ core, timeoutMs: 1000, onAttempt: (a) => void a.decision.delay_ms });
  const key: string = newIdempotencyKey();
  let exchange: Exchange | null = null;
  try {
    exchange = await transport.request({ url: 'http://localhost/api/labels', method: 'GET' }, { idempotencyKey: key });
  } catch (e) {
    if (e instanceof TransportError && e.kind === 'timeout') return e.attempts;
  }
  const outbox = await createOutbox({ storage: createIndexedDbOutboxStorage({ name: 'outbox' }), send: async () => ({ ok: true }), core });
  const refused: OutboxSendAnswer = { ok: false, stage: 'begin', status: 401, failure_class: { outcome: 'wait', conflict: false } };
  const q: Queued = await outbox.enqueue('ws', { kind: 'posts.delete', post_id: 'p1' });
  const local: boolean = isLocalId(q.entry.local_id);
  const header: string = idempotencyHeader(core, key);
  const posts = await postsInWindow(async (n) => ({ data: [], page: { current_page: n, last_page: 1, per_page: 20, total: 0 } }), { from: 0, to: 1 }, { core });
  const first: number = posts.pages.length;
  const settled: StatusClass = exchange?.statusClass ?? 'passing';
  return (settled === 'success' ? 0 : 1) + (exchange?.status ?? 0) + header.length + (local ? 1 : 0) + first + outbox.state().pending + (refused.ok ? 0 : refused.status);
}

export async function useResponses(secret: string): Promise<boolean> {
  const request = { method: 'GET', url: 'https://example.com/hook', headers: {} };
  const signed: SignResult = await signResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }, request,
    { keyId: 'k1', secretBase64: secret, components: ['@status', '"@method";req'] });
  const checked: VerifyResult = await verifyResponse({ status: 200, headers: signed.headers, body: '{}' }, request, { keys: { k1: secret } });
  return checked.ok;
}

export async function useZonesWordsAndStatus(): Promise<number> {
  const there: WallTimeAnswer = await wallTimeToUtc('Asia/Tokyo', '2026-12-23T09:00');
  const back: WallTimeAnswer = await utcToWallTime('Asia/Tokyo', there.utc ?? '2026-12-23T00:00:00Z');
  const same: WallTimeAnswer = resolveWallTimeWith(await loadCore(), 'UTC', { local: '2026-12-23T09:00' });
  const words = await describeProblems({ 'media.0.url': ['The media.0.url could not be downloaded.'] }, { platforms: ['x'] });
  const names: Readonly<DisplayNames> = await displayNames();
  const plan: StatusWatchPlan = await planStatusWatch({ now: Date.now(), posts: [{ id: '1', status: 'publishing' }] });
  const watch = createStatusWatch({ posts: () => [], read: async () => null, settled: (_post, { waiting }) => void (waiting ? 1 : 0) });
  watch.stop();
  return (back.ok ? 1 : 0) + (same.ok ? 1 : 0) + words.message.length + Object.keys(names.platforms).length + plan.read.length +
    plan.waiting.length + (back.words ?? '').length;
}
