// Durable state on disk. Every file is replaced atomically: write a temp file, fsync it, rename it
// over the old one, fsync the folder. A kill at any instant leaves either the old or the new
// version of a file, never a mix; leftover temp files are removed at the next start.
import { mkdirSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';

const STATE = 'state.json';
let tmpCounter = 0;

export async function atomicWrite(path, data) {
  const tmp = `${path}.${process.pid}.${++tmpCounter}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

function removeTempFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) removeTempFiles(p);
    else if (e.name.endsWith('.tmp')) rmSync(p, { force: true });
  }
}

export class DiskPersistence {
  constructor(dir) {
    this.dir = dir;
    mkdirSync(join(dir, 'media', 'medias'), { recursive: true });
    removeTempFiles(dir);
  }
  load() {
    const p = join(this.dir, STATE);
    if (!existsSync(p)) return null;
    return JSON.parse(readFileSync(p, 'utf8'));
  }
  // Serialised here, at once: the file holds the state as it is at this call.
  writeState(state) {
    return atomicWrite(join(this.dir, STATE), JSON.stringify(state));
  }
  #blobPath(rel) {
    const root = join(this.dir, 'media');
    const p = normalize(join(root, rel));
    if (!p.startsWith(root + sep)) throw new Error('blob path escapes the media folder');
    return p;
  }
  writeBlob(rel, bytes) {
    return atomicWrite(this.#blobPath(rel), bytes);
  }
  readBlob(rel) {
    try {
      return readFileSync(this.#blobPath(rel));
    } catch {
      return null;
    }
  }
  // Files a crash left behind before their post or asset was committed.
  removeUnreferencedBlobs(referenced) {
    const folder = join(this.dir, 'media', 'medias');
    for (const name of readdirSync(folder)) {
      if (!referenced.has(`medias/${name}`)) rmSync(join(folder, name), { force: true });
    }
  }
}

// Same interface, nothing on disk: for tests and throwaway runs.
export class MemoryPersistence {
  constructor() { this.blobs = new Map(); }
  load() { return null; }
  async writeState() {}
  async writeBlob(rel, bytes) { this.blobs.set(rel, Buffer.from(bytes)); }
  readBlob(rel) { return this.blobs.get(rel) ?? null; }
  removeUnreferencedBlobs() {}
}
