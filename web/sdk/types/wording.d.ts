// The SDK's types: words for people (wording.js). Re-exported by ../index.d.ts.
export interface DisplayNames { platforms: Record<string, string>; content_types: Record<string, string>; statuses: Record<string, string> }
/** The API's field problems in plain words, keyed by the same paths. */
export declare function describeProblems(errors: Record<string, string[]>, options?: { message?: string; platforms?: string[]; content_types?: string[] }): Promise<{ errors: Record<string, string[]>; message: string }>;
export declare function displayNames(): Promise<Readonly<DisplayNames>>;
