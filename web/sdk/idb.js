// The IndexedDB plumbing the key storage, the outbox and the dashboard's device cache share:
// requests as promises, a version-1 database with its object stores, and a transaction whose
// result counts only once it has committed.

export function promisify(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export async function openDatabase(indexedDB, name, stores) {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    for (const store of stores) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
  };
  const db = await promisify(request);
  // Deleting the database (sign out, forget this device) must not wait on this connection.
  db.onversionchange = () => db.close();
  return db;
}

// `stores`: one name or a list. fn(transaction) -> value or promise; resolves with it after the transaction commits.
export async function inTransaction(db, stores, mode, fn) {
  const tx = db.transaction(stores, mode);
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  const result = await fn(tx);
  await done;
  return result;
}

// One request against one store, answered after the commit.
export const inStore = (db, store, mode, fn) => inTransaction(db, store, mode, (tx) => promisify(fn(tx.objectStore(store))));
