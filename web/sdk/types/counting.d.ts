// The SDK's types: counting (web/sdk/counting.js), re-exported by ../index.d.ts: X weighted characters for x_post, grapheme clusters for
// bluesky_post, Unicode code points for every other content type.
export interface CountResult {
  content_type: string;
  length: number;
  max_length: number;
  valid: boolean;
}
export declare function countTexts(contentType: string, texts: readonly string[]): Promise<Int32Array>;
export declare function count(contentType: string, text: string): Promise<CountResult>;
