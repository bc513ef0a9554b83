// The SDK's types: documented resources, bound to the calling workspace (web/sdk/resources.js). Re-exported by ../index.d.ts.
import { Role } from './workspaces.js';

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
  /** The calling workspace's own credential was refused: it needs signing in (or a key) again. */
  credentialRefused: boolean;
  /** The server answered 402: a payment block starts. */
  paymentRequired: boolean;
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
