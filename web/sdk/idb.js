// The IndexedDB plumbing the key storage, the outbox and the dashboard's device cache share:
// a version-1 database with its object stores, and one request whose result counts only once its
// transaction has committed.

function promisify(request) {
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

// One request against one store: fn(objectStore) -> IDBRequest; resolves with its result after the
// transaction commits (a write is not reported done before it is).
export async function inStore(db, store, mode, fn) {
  const tx = db.transaction(store, mode);
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  const result = await promisify(fn(tx.objectStore(store)));
  await done;
  return result;
}
