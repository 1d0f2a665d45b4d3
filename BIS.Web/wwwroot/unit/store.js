// What the tablet keeps across reloads and dead zones, in IndexedDB: the unit's messages by sequence number and a few
// named values (device token, who we are, last applied seq, what the crew acknowledged, when the link went down).
const DB_NAME = "bis-unit";
const MESSAGES = "messages";
const STATE = "state";

let dbPromise;

function open() {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(MESSAGES, { keyPath: "seq" });
      db.createObjectStore(STATE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return dbPromise;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

function result(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function get(key) {
  const db = await open();
  return result(db.transaction(STATE).objectStore(STATE).get(key));
}

export async function set(key, value) {
  const db = await open();
  const tx = db.transaction(STATE, "readwrite");
  if (value === undefined || value === null) {
    tx.objectStore(STATE).delete(key);
  } else {
    tx.objectStore(STATE).put(value, key);
  }
  await done(tx);
}

/** Every stored message, in sequence order. */
export async function messages() {
  const db = await open();
  return result(db.transaction(MESSAGES).objectStore(MESSAGES).getAll());
}

/**
 * Stores the messages and the new last applied seq in one transaction, so a reload never sees a seq advanced past a
 * message that was not kept (or a message kept without its seq).
 */
export async function append(list, lastSeq, receivedAt) {
  const db = await open();
  const tx = db.transaction([MESSAGES, STATE], "readwrite");
  for (const message of list) {
    tx.objectStore(MESSAGES).put(message);
  }
  tx.objectStore(STATE).put(lastSeq, "lastSeq");
  tx.objectStore(STATE).put(receivedAt, "lastReceivedAt");
  await done(tx);
}

/** Forgets everything: a revoked or re-paired tablet must not keep another unit's hazard data. */
export async function clear() {
  const db = await open();
  const tx = db.transaction([MESSAGES, STATE], "readwrite");
  tx.objectStore(MESSAGES).clear();
  tx.objectStore(STATE).clear();
  await done(tx);
}
