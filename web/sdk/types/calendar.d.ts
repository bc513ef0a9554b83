// The SDK's types: calendar and snapshots (web/sdk/calendar.js, docs/calendar.md). Re-exported by ../index.d.ts.
import { CoreModule } from './core.js';
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
  /** `core`: the loaded core, which reads the posts' times (loaded beside page 1 when absent). */
  options?: { parallel?: number; maxPages?: number; minPages?: number; core?: CoreModule },
): Promise<{ posts: Record<string, unknown>[]; pages: number[]; requests: number; lastPage: number; complete: boolean; cut: boolean; skipped?: boolean }>;
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
  /** The WASM core module the index lives in; web/sdk/calendar-dates.js asks it for dates. */
  readonly core: unknown;
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
