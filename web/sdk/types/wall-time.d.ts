// The SDK's types: times in a display zone (wall-time.js). Re-exported by ../index.d.ts.
export interface WallTimeAnswer {
  ok: boolean; kind?: 'ordinary' | 'overlap' | 'gap'; utc?: string; later_utc?: string; offset_seconds?: number;
  local?: string; date?: string; time?: string; zone?: string; /** why a gap is refused, or which of two is used */ message?: string;
  /** An instant's answer: "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)", as a person reads it. */
  words?: string;
}
/** A wall time ("2026-12-23T09:00") typed in an IANA zone -> the UTC instant, or why it does not exist. */
export declare function wallTimeToUtc(timeZone: string, local: string): Promise<WallTimeAnswer>;
/** An instant (ISO or the API's form) -> its wall time in an IANA zone. */
export declare function utcToWallTime(timeZone: string, utc: string): Promise<WallTimeAnswer>;
/** Either of the above with a core already loaded (from loadCore()). */
export declare function resolveWallTimeWith(core: unknown, timeZone: string, input: { local?: string; utc?: string }): WallTimeAnswer;
