// The SDK's types: workspaces (web/sdk/client.js, web/sdk/storage.js). Re-exported by ../index.d.ts.
import { PostPage } from './calendar.js';
import { NetworkEvent, PaymentBlock, PostMetrics, PostPreview, WorkspaceCalls } from './resources.js';
import { Outbox, OutboxStorage, Queued, TransportOptions } from './transport.js';

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
  /** `fixed`: a member holding the role keeps it (neither changed nor removed); `fixed_reason` says why. */
  roles: { role: Role; name: string; description: string; assignable: boolean; fixed: boolean; fixed_reason?: string }[];
  /** The roles the acting person may assign in an invite or a role change. */
  assignable: Role[];
  /** Who may take each action, as a sentence part: "an Owner or Admin". */
  who_may: Record<Action, string>;
}
export declare function roleCatalog(role?: Role | null): Promise<RoleCatalog>;

export type PostAction = 'save' | 'draft' | 'schedule' | 'publish';
/** What a post offers in the composer and its dialog (web/sdk/post-actions.js); no status: a new post. */
export declare function postActions(status?: string | null): Promise<{
  editable: boolean;
  deletable: boolean;
  actions: PostAction[];
  /** The status each offered action sends. */
  sends: Partial<Record<PostAction, string>>;
  /** Why a post that cannot change is frozen, for a person to read. */
  why_frozen?: string;
}>;
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
  /** 'device_sessions': this client works on its device's sessions, so another device's can be ended. */
  supports(feature: 'workspace_lifecycle' | 'device_sessions' | string): boolean;
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
  /**
   * Why the account API did not list this person's workspaces at start (its `failureClass` says
   * whether the token was refused or the server has no account API); null once it listed them,
   * and without an account token.
   */
  accountFailure(): WorkspaceError | null;
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
    /**
     * Ends every session of another device of this person, in every workspace (true), or answers
     * false when it held none (already signed out). Throws a TypeError for this device's own id
     * (signOut() is its way) and when supports('device_sessions') is false.
     */
    end(deviceId: string): Promise<boolean>;
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
// Declaration merging: the documented resources (types/resources.d.ts) join TrypostClient.
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

/** What the core decided a failure means (include/trypost/failure_class.hpp). */
export interface FailureClass {
  credential_refused?: boolean;
  key_refused?: boolean;
  unsupported?: boolean;
  /** The account token itself was refused (a 401 from the account API): only a new sign-in helps. */
  account_token_refused?: boolean;
  quiet?: boolean;
  /** The server answered 402: only paying helps (a payment block starts; a key being added is kept to try again). */
  payment_required?: boolean;
  /** What the outbox does with an edit that failed so: it waits its turn, it is done, or it is a problem to show. */
  outcome?: 'done' | 'wait' | 'problem';
  /** A problem that is a post changed meanwhile (an edit refused with 422). */
  conflict?: boolean;
}

export declare class WorkspaceError extends Error {
  status: number;
  errors: Record<string, string[]>;
  failureClass: FailureClass;
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
