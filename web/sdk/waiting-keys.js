// Keys whose workspace could not be added because its account needs payment (402): valid keys,
// but nothing of the workspace, not even its id, can be read until that account pays. They are
// kept where the other keys are (encrypted when remembered) under a storage id of their own,
// tried again at each start and by retryWaitingKeys(), and never shown.
import { WorkspaceError } from './workspace-error.js';

const WAITING = 'waiting:';

export class WaitingKeys {
  #storage;
  #keys = new Map(); // storage id (WAITING + uuid) -> key

  constructor(storage) {
    this.#storage = storage;
  }

  get size() {
    return this.#keys.size;
  }

  entries() {
    return [...this.#keys];
  }

  // A stored key read at start: one filed under a waiting id is held here too.
  restored(storageId, key) {
    if (storageId.startsWith(WAITING)) this.#keys.set(storageId, key);
  }

  // A key answered 402 when it was added: kept (once) to be tried again.
  async keep(key) {
    if ([...this.#keys.values()].includes(key)) return;
    const id = `${WAITING}${crypto.randomUUID()}`;
    await this.#storage.save(id, key);
    this.#keys.set(id, key);
  }

  // A stored key, probed again: its workspace id when it opens one (a waiting key is then filed
  // under it). A key the core reads as refused (failure_class key_refused: a 401) is forgotten;
  // any other answer keeps it as it is (a 402 waits on); an unreachable server throws and keeps
  // it for the next try.
  async reopen(storageId, key, probe) {
    try {
      const out = await probe(key);
      if (this.#keys.delete(storageId)) {
        await this.#storage.save(out.workspace_id, key);
        await this.#storage.remove(storageId);
      }
      return out.workspace_id;
    } catch (e) {
      if (!(e instanceof WorkspaceError)) throw e;
      if (e.failureClass?.key_refused === true) {
        this.#keys.delete(storageId);
        await this.#storage.remove(storageId);
      }
      return null;
    }
  }

  async forget() {
    for (const id of [...this.#keys.keys()]) {
      await this.#storage.remove(id);
      this.#keys.delete(id);
    }
  }
}
