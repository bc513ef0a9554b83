// Fixed one-minute windows per key, as Laravel's throttle does: the window opens at the first hit
// and the caller over the limit learns how many seconds remain (Retry-After).
export class RateLimiter {
  constructor({ limit = 60, windowMs = 60000, clock }) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.clock = clock;
    this.buckets = new Map();
  }
  hit(key) {
    const now = this.clock.now();
    let b = this.buckets.get(key);
    if (!b || now >= b.resetAt) {
      b = { count: 0, resetAt: now + this.windowMs };
      this.buckets.set(key, b);
    }
    if (this.buckets.size > 10000) for (const [k, v] of this.buckets) if (now >= v.resetAt) this.buckets.delete(k);
    const retryAfter = Math.max(1, Math.ceil((b.resetAt - now) / 1000));
    if (b.count >= this.limit) return { allowed: false, limit: this.limit, remaining: 0, retryAfter, resetAt: b.resetAt };
    b.count++;
    return { allowed: true, limit: this.limit, remaining: this.limit - b.count, retryAfter, resetAt: b.resetAt };
  }
  headers(r) {
    const h = { 'x-ratelimit-limit': String(r.limit), 'x-ratelimit-remaining': String(r.remaining) };
    if (!r.allowed) {
      h['retry-after'] = String(r.retryAfter);
      h['x-ratelimit-reset'] = String(Math.ceil(r.resetAt / 1000));
    }
    return h;
  }
}
