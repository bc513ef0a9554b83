// A small Laravel-style validator: rules per dotted field path, messages in Laravel's English
// wording (attribute names with "_" shown as spaces), one message per failing field.
import { validationError } from './errors.js';
import { isUuid } from './ids.js';
import { parseTime, startOfUtcDay } from './time.js';

export const display = (path) => path.replace(/_/g, ' ');
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

export function isHttpUrl(s, max = 2048) {
  if (typeof s !== 'string' || s.length > max) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
export const isEmail = (s) => typeof s === 'string' && s.length <= 255 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function sizeKind(v) {
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'numeric';
  return 'string';
}
const sizeOf = (v) => (typeof v === 'string' ? [...v].length : Array.isArray(v) ? v.length : Number(v));

// rule(value, attr, ctx) -> message | null
const RULES = {
  string: (v, a) => (typeof v === 'string' ? null : `The ${a} field must be a string.`),
  array: (v, a) => (Array.isArray(v) ? null : `The ${a} field must be an array.`),
  object: (v, a) => (isObject(v) || (Array.isArray(v) && v.length === 0) ? null : `The ${a} field must be an array.`),
  boolean: (v, a) => ([true, false, 0, 1, '0', '1'].includes(v) ? null : `The ${a} field must be true or false.`),
  integer: (v, a) => (Number.isInteger(v) ? null : `The ${a} field must be an integer.`),
  uuid: (v, a) => (isUuid(v) ? null : `The ${a} field must be a valid UUID.`),
  url: (v, a) => (isHttpUrl(v, Infinity) ? null : `The ${a} field must be a valid URL.`),
  email: (v, a) => (isEmail(v) ? null : `The ${a} field must be a valid email address.`),
  date: (v, a) => (parseTime(v) ? null : `The ${a} field must be a valid date.`),
  hex: (v, a) => (typeof v === 'string' && HEX_COLOR.test(v) ? null : `The ${a} field must be a valid hexadecimal color.`),
};

function param(rule, v, a, ctx) {
  const [name, arg] = rule.split(/:(.*)/s);
  switch (name) {
    case 'max': {
      const n = Number(arg);
      if (sizeOf(v) <= n) return null;
      const kind = sizeKind(v);
      if (kind === 'array') return `The ${a} field must not have more than ${n} items.`;
      if (kind === 'numeric') return `The ${a} field must not be greater than ${n}.`;
      return `The ${a} field must not be greater than ${n} characters.`;
    }
    case 'min': {
      const n = Number(arg);
      if (sizeOf(v) >= n) return null;
      const kind = sizeKind(v);
      if (kind === 'array') return `The ${a} field must have at least ${n} items.`;
      if (kind === 'numeric') return `The ${a} field must be at least ${n}.`;
      return `The ${a} field must be at least ${n} characters.`;
    }
    case 'in':
      return arg.split(',').includes(String(v)) && typeof v !== 'object' ? null : `The selected ${a} is invalid.`;
    case 'regex':
      return typeof v === 'string' && new RegExp(arg).test(v) ? null : `The ${a} field format is invalid.`;
    case 'after_now': {
      const t = parseTime(v);
      return t && t.ms > ctx.now ? null : `The ${a} field must be a date after now.`;
    }
    case 'after_or_equal_today': {
      const t = parseTime(v);
      return t && t.ms >= startOfUtcDay(ctx.now) ? null : `The ${a} field must be a date after or equal to today.`;
    }
    default:
      throw new Error(`unknown rule ${rule}`);
  }
}

export class Validator {
  constructor({ now = Date.now() } = {}) {
    this.errors = {};
    this.ctx = { now };
  }
  add(path, message) {
    const list = (this.errors[path] ??= []);
    if (!list.includes(message)) list.push(message);
    return this;
  }
  has(path) { return Boolean(this.errors[path]); }
  // Returns true when the value is present and passed every rule.
  check(path, value, rules) {
    const a = display(path);
    if (isEmpty(value) && !(Array.isArray(value) && value.length === 0 && !rules.includes('required'))) {
      if (rules.includes('required')) { this.add(path, `The ${a} field is required.`); return false; }
      if (value === undefined || value === null || rules.includes('nullable')) return false;
      if (typeof value === 'string' && value.trim() === '' && !rules.includes('keep_empty')) return false;
    }
    for (const r of rules) {
      if (r === 'required' || r === 'nullable' || r === 'keep_empty') continue;
      const msg = typeof r === 'function' ? r(value, a, this.ctx) : RULES[r] ? RULES[r](value, a, this.ctx) : param(r, value, a, this.ctx);
      if (msg) { this.add(path, msg); return false; }
    }
    return true;
  }
  get failed() { return Object.keys(this.errors).length > 0; }
  throwIfFailed() { if (this.failed) throw validationError(this.errors); }
}
