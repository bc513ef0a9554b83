#!/usr/bin/env node
// Writes the tables behind X's URL rule, taken from the twitter-text package (v3.1.0) that X's
// own clients count with: the character classes of its URL regular expressions and its list of
// valid top-level domains. Run by CMake at build time; the output is never committed.
// Usage: node tools/gen-url-tables.mjs <twitter-text dir> <out .cpp> <out .hpp>
//
// twitter-text matches with JavaScript regular expressions in case-insensitive, non-Unicode mode:
// they see UTF-16 code units, and "i" folds through String.prototype.toUpperCase with a rule of
// its own. Rather than re-derive those semantics, each class is evaluated here by running the
// package's own regular expression on every one of the 65536 code units.
import { hex, dec, table, writeGenerated } from './emit.mjs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [ttDir, outCpp, outHpp] = process.argv.slice(2);
if (!ttDir || !outCpp || !outHpp) {
  console.error('usage: gen-url-tables.mjs <twitter-text dir> <out.cpp> <out.hpp>');
  process.exit(2);
}
const require = createRequire(join(resolve(ttDir), 'package.json'));
const re = (name) => require(`./dist/regexp/${name}`);

const gtld = re('validGTLD');
const cctld = re('validCCTLD');
const tldAlternatives = (regex) => {
  const m = /^\(\?:\(\?:(.*)\)\(\?=\[\^([^\]]*)\]\|\$\)\)$/.exec(regex.source);
  if (!m) throw new Error('unexpected TLD regex shape');
  const list = m[1].split('|');
  for (const t of list) if (/[\\()[\]?*+.{}^$]/.test(t)) throw new Error(`TLD with regex syntax: ${t}`);
  return { list, lookaheadBad: m[2] };
};
const g = tldAlternatives(gtld);
const c = tldAlternatives(cctld);
if (g.lookaheadBad !== c.lookaheadBad) throw new Error('TLD lookaheads differ');

// Classes, in bit order. Each entry is a regular-expression source matching ONE code unit.
const pathEnding = re('validUrlPathEndingChars').source;
const pathEndingClass = pathEnding.slice(0, pathEnding.indexOf(']|') + 1);
const latin = re('latinAccentChars').source;
const classes = [
  ['kPreceding', re('validUrlPrecedingChars').source, 'may precede a URL'],
  ['kDomain', re('validDomainChars').source, 'domain label character'],
  ['kPath', re('validGeneralUrlPathChars').source, 'path character'],
  ['kPathEnd', pathEndingClass, 'may end a path'],
  ['kQuery', re('validUrlQueryChars').source, 'query character'],
  ['kQueryEnd', re('validUrlQueryEndingChars').source, 'may end a query'],
  ['kAsciiLabel', `[\\-a-z0-9${latin}]`, 'label character of an ASCII-only domain'],
  ['kTldFollowBad', `[${g.lookaheadBad}]`, 'may not follow a top-level domain'],
];
const flags = [];
for (let i = 0; i < classes.length; i++) {
  const rx = new RegExp(`^(?:${classes[i][1]})$`, 'i');
  for (let u = 0; u < 0x10000; u++) if (rx.test(String.fromCharCode(u))) flags[u] = (flags[u] ?? 0) | (1 << i);
}
const noProtoBad = re('invalidUrlWithoutProtocolPrecedingChars');
const noProtoBadChars = [];
for (let u = 0; u < 0x80; u++) if (noProtoBad.test(String.fromCharCode(u))) noProtoBadChars.push(u);
for (let u = 0x80; u < 0x10000; u++) if (noProtoBad.test(String.fromCharCode(u))) throw new Error('non-ASCII no-protocol char');

const classRuns = [];
let prev = -1;
for (let u = 0; u < 0x10000; u++) {
  const v = flags[u] ?? 0;
  if (v !== prev) {
    classRuns.push(((u << 8) | v) >>> 0);
    prev = v;
  }
}

// Case-insensitive comparison as the non-Unicode "i" flag does it (ECMA-262 Canonicalize).
const canonical = (u) => {
  const up = String.fromCharCode(u).toUpperCase();
  if (up.length !== 1) return u;
  const cu = up.charCodeAt(0);
  return u >= 128 && cu < 128 ? u : cu;
};
const tlds = [...g.list, ...c.list];
const tldCodeUnits = tlds.map((t) => Array.from({ length: t.length }, (_, i) => canonical(t.charCodeAt(i))));
const tldChars = new Set(tldCodeUnits.flat());
const fold = [];
for (let u = 128; u < 0x10000; u++) {
  const cu = canonical(u);
  if (cu !== u && tldChars.has(cu)) fold.push([u, cu]);
}
let pool = [];
const offsets = [];
for (const units of tldCodeUnits) {
  offsets.push((pool.length << 6) | units.length);
  pool = pool.concat(units);
}
if (pool.length >= 1 << 26 || Math.max(...tldCodeUnits.map((u) => u.length)) >= 64) throw new Error('TLD pool too big');
// ASCII TLDs are all letters, and a letter may not follow a TLD: so an ASCII TLD must span the
// whole letter run and at most one can match; an index sorted by string finds it.
// A few start in ASCII and go on in Latin letters (vermögensberatung): checked one by one.
const isAscii = (units) => units.every((u) => u < 128);
for (const units of tldCodeUnits) {
  if (isAscii(units) && !units.every((u) => u >= 0x41 && u <= 0x5a)) throw new Error('ASCII TLD beyond letters');
}
const mixed = tldCodeUnits.map((u, i) => i).filter((i) => tldCodeUnits[i][0] < 128 && !isAscii(tldCodeUnits[i]));
const cmpUnits = (a, b) => {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k] - b[k];
  return a.length - b.length;
};
const asciiSorted = tldCodeUnits.map((u, i) => i).filter((i) => isAscii(tldCodeUnits[i]))
  .sort((a, b) => cmpUnits(tldCodeUnits[a], tldCodeUnits[b]));
// Index sorted by first code unit, then by priority (the regex's alternation order).
const byFirst = tldCodeUnits.map((u, i) => i).sort((a, b) => tldCodeUnits[a][0] - tldCodeUnits[b][0] || a - b);


const hpp = `// GENERATED by tools/gen-url-tables.mjs from twitter-text ${require('./package.json').version}. Do not edit.
#pragma once
#include <cstddef>
#include <cstdint>

namespace trypost::urltab {

// Character classes over UTF-16 code units, one bit each.
${classes.map(([name, , what], i) => `inline constexpr std::uint8_t ${name} = 1u << ${i};  // ${what}`).join('\n')}
// Runs: (first code unit << 8) | class bits, sorted; a value holds until the next run.
extern const std::uint32_t kClassRuns[];
extern const std::size_t kClassRunCount;
// ASCII characters that, right before a URL without a scheme, disqualify it.
inline constexpr char kNoProtocolBadPreceding[] = "${noProtoBadChars.map((u) => String.fromCharCode(u)).join('').replace(/\\/g, '\\\\')}";

// Top-level domains in the regex's priority order (generic first, then country codes), stored
// canonicalized (upper case as the "i" flag compares). kTldOffsets[i] = (start << 6) | length.
extern const std::uint16_t kTldUnits[];
extern const std::uint32_t kTldOffsets[];
extern const std::size_t kTldCount;
// TLD indices sorted by first code unit, then priority.
extern const std::uint16_t kTldByFirst[];
// Indices of the all-ASCII TLDs, sorted by their (upper-case) strings.
extern const std::uint16_t kAsciiTldSorted[];
extern const std::size_t kAsciiTldCount;
// TLDs that start with an ASCII letter but are not all ASCII.
extern const std::uint16_t kMixedTlds[];
extern const std::size_t kMixedTldCount;
// Non-ASCII code units whose canonical form is a TLD code unit: (unit << 16) | canonical, sorted.
extern const std::uint32_t kTldFold[];
extern const std::size_t kTldFoldCount;

}  // namespace trypost::urltab
`;

const cpp = `// GENERATED by tools/gen-url-tables.mjs from twitter-text. Do not edit.
#include "trypost/url_tables.hpp"

namespace trypost::urltab {

${table('std::uint32_t', 'kClassRuns', classRuns, 8, hex, 'kClassRunCount')}

${table('std::uint16_t', 'kTldUnits', pool, 16, hex)}
${table('std::uint32_t', 'kTldOffsets', offsets, 12, hex, 'kTldCount')}
${table('std::uint16_t', 'kTldByFirst', byFirst, 16, dec)}
${table('std::uint16_t', 'kAsciiTldSorted', asciiSorted, 16, dec, 'kAsciiTldCount')}
${table('std::uint16_t', 'kMixedTlds', mixed, 16, dec, 'kMixedTldCount')}
${table('std::uint32_t', 'kTldFold', fold.map(([u, cu]) => ((u << 16) | cu) >>> 0), 8, hex, 'kTldFoldCount')}

}  // namespace trypost::urltab
`;

writeGenerated({ [outCpp]: cpp, [outHpp]: hpp });
console.log(
  `url tables: ${classRuns.length} class runs, ${tlds.length} TLDs (${pool.length} code units), ${fold.length} folds`,
);
