// RFC 8941 structured fields, parsed and strictly serialized, for the signature verifier: the
// Signature-Input and Signature dictionaries, and the ;sf and ;key forms of covered fields.
// Values: numbers, {string}, {token}, {bytes: Buffer}, booleans; decimals keep their text.

const KEY = /^[a-z*][a-z0-9_\-.*]*/;
const TOKEN = /^[A-Za-z*][A-Za-z0-9!#$%&'*+\-.^_`|~:/]*/;
const NUMBER = /^-?\d+(\.\d+)?/;

class Reader {
  constructor(text) {
    this.s = text;
    this.i = 0;
  }
  fail(what) {
    throw new Error(`${what} at character ${this.i + 1}`);
  }
  sp() {
    while (this.s[this.i] === ' ') this.i++;
  }
  ows() {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }
  match(re) {
    const m = re.exec(this.s.slice(this.i));
    if (!m) return null;
    this.i += m[0].length;
    return m;
  }
  bare() {
    const c = this.s[this.i];
    if (c === '"') {
      let out = '';
      for (this.i++; this.i < this.s.length; this.i++) {
        const ch = this.s[this.i];
        if (ch === '\\') {
          const n = this.s[++this.i];
          if (n !== '"' && n !== '\\') this.fail('bad escape');
          out += n;
        } else if (ch === '"') {
          this.i++;
          return { string: out };
        } else if (ch < ' ' || ch > '~') {
          this.fail('non-printable character in a string');
        } else out += ch;
      }
      this.fail('unterminated string');
    }
    if (c === ':') {
      const end = this.s.indexOf(':', this.i + 1);
      if (end === -1) this.fail('unterminated byte sequence');
      const b64 = this.s.slice(this.i + 1, end);
      if (!/^[A-Za-z0-9+/=]*$/.test(b64)) this.fail('bad byte sequence');
      this.i = end + 1;
      return { bytes: Buffer.from(b64, 'base64') };
    }
    if (c === '?') {
      const v = this.s[this.i + 1];
      if (v !== '0' && v !== '1') this.fail('bad boolean');
      this.i += 2;
      return v === '1';
    }
    const n = this.match(NUMBER);
    if (n) return n[1] ? { decimal: n[0] } : Number(n[0]);
    const t = this.match(TOKEN);
    if (t) return { token: t[0] };
    return this.fail('expected a value');
  }
  params() {
    const out = [];
    while (this.s[this.i] === ';') {
      this.i++;
      this.sp();
      const k = this.match(KEY);
      if (!k) this.fail('bad parameter key');
      let v = true;
      if (this.s[this.i] === '=') {
        this.i++;
        v = this.bare();
      }
      const at = out.findIndex(([name]) => name === k[0]);
      if (at >= 0) out[at][1] = v;
      else out.push([k[0], v]);
    }
    return out;
  }
  member() {
    if (this.s[this.i] === '(') {
      this.i++;
      const items = [];
      for (;;) {
        this.sp();
        if (this.s[this.i] === ')') {
          this.i++;
          return { items, params: this.params() };
        }
        if (this.i >= this.s.length) this.fail('unterminated inner list');
        const value = this.bare();
        items.push({ value, params: this.params() });
        if (this.s[this.i] !== ' ' && this.s[this.i] !== ')') this.fail("expected ' ' or ')'");
      }
    }
    const value = this.bare();
    return { value, params: this.params() };
  }
  // Members separated by commas; `keyed` for a dictionary.
  members(keyed) {
    const out = [];
    this.sp();
    while (this.i < this.s.length) {
      let key;
      let m;
      if (keyed) {
        key = this.match(KEY)?.[0];
        if (!key) this.fail('bad dictionary key');
        const start = this.i;
        if (this.s[this.i] === '=') {
          this.i++;
          m = this.member();
          m.raw = this.s.slice(start + 1, this.i);
        } else {
          m = { value: true, params: this.params() };
        }
        const at = out.findIndex(([k]) => k === key);
        if (at >= 0) out.splice(at, 1);
        out.push([key, m]);
      } else {
        out.push(this.member());
      }
      this.ows();
      if (this.i >= this.s.length) break;
      if (this.s[this.i] !== ',') this.fail("expected ','");
      this.i++;
      this.ows();
      if (this.i >= this.s.length) this.fail("trailing ','");
    }
    return out;
  }
}

// [[key, member]] in field order; an inner-list member keeps `raw`, its text as sent.
export function parseDictionary(text) {
  return new Reader(String(text)).members(true);
}

export function parseList(text) {
  return new Reader(String(text)).members(false);
}

export function serializeBare(v) {
  if (v === true) return '?1';
  if (v === false) return '?0';
  if (typeof v === 'number') return String(v);
  if (v.string !== undefined) return `"${v.string.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (v.token !== undefined) return v.token;
  if (v.decimal !== undefined) return v.decimal;
  if (v.bytes !== undefined) return `:${v.bytes.toString('base64')}:`;
  throw new Error('unknown value');
}

export function serializeParams(params) {
  return params.map(([k, v]) => (v === true ? `;${k}` : `;${k}=${serializeBare(v)}`)).join('');
}

export function serializeMember(m) {
  if (m.items) return `(${m.items.map((it) => serializeBare(it.value) + serializeParams(it.params)).join(' ')})${serializeParams(m.params)}`;
  return serializeBare(m.value) + serializeParams(m.params);
}

export function serializeDictionary(entries) {
  return entries
    .map(([k, m]) => (m.value === true && !m.items ? k + serializeParams(m.params) : `${k}=${serializeMember(m)}`))
    .join(', ');
}

export function serializeList(members) {
  return members.map(serializeMember).join(', ');
}
