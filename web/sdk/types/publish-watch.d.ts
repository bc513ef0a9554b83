// The SDK's types: live status (publish-watch.js). Re-exported by ../index.d.ts.
export interface StatusWatchPlan {
  read: string[]; next_in_seconds: number | null; state: Record<string, { reads: number; next_at: number }>;
  /** The statuses whose outcome may still be to come ("publishing", "scheduled"). */
  waiting: string[];
}
export declare function planStatusWatch(input: { now: number | string; posts: { id: string; status: string; scheduled_at?: string | null }[]; state?: StatusWatchPlan['state']; recent_reads?: number; watch_reads?: number; rate_wait?: number }): Promise<StatusWatchPlan>;
export declare function createStatusWatch(options: {
  posts(): { id: string | number; status: string; scheduled_at?: string | null }[];
  read(id: string): Promise<Record<string, unknown> | null>;
  /** `waiting`: whether the post's status still waits for an outcome (false: it settled). */
  settled(post: Record<string, unknown>, status: { waiting: boolean }): void;
  recentReads?(): number; rateWait?(): number; now?(): number;
  setTimer?(fn: () => void, ms: number): unknown; clearTimer?(t: unknown): void;
}): { poke(): void; stop(): void };
