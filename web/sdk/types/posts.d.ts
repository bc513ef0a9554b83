// The SDK's types: posts: catalog, validation, labels, signatures, preview (web/sdk/posts.js). Re-exported by ../index.d.ts.
import { PostPreview, PostPreviewPlatform } from './resources.js';

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
