// Device sessions (docs/account-api.md): with an account token, the client works on a credential
// the account API issues to this person on this device for each workspace, with their own role.
// This file keeps the device's id (the server replaces a device's credential when it opens again,
// so signing in repeatedly adds none) and which workspaces' credentials were refused (401), so
// the page can say which workspace needs signing in again; the edits waiting there stay queued.
// Another device of the person is signed out from here with endOtherDevice.
import { ApiError } from './resources.js';

const DEVICE_KEY = 'trypost-device-id';

// The id this device keeps: given, else the one stored in Web Storage (not a secret: it names
// the device, it grants nothing), else a new one, stored when the platform has Web Storage.
export function deviceIdentity({ deviceId, deviceName, webStorage } = {}) {
  if (deviceId !== undefined && (typeof deviceId !== 'string' || deviceId.length < 8 || deviceId.length > 100)) {
    throw new TypeError('createClient: deviceId must be a string of 8 to 100 characters');
  }
  let id = deviceId;
  let store = null;
  try {
    store = webStorage ?? globalThis.localStorage ?? null;
  } catch {
    store = null; // storage blocked by the browser's settings: a new id per page
  }
  if (!id) {
    try {
      id = store?.getItem(DEVICE_KEY) ?? null;
    } catch {
      id = null;
    }
  }
  if (!id || id.length < 8) {
    id = `device-${globalThis.crypto.randomUUID()}`;
    try {
      store?.setItem(DEVICE_KEY, id);
    } catch {
      // kept for this page only
    }
  }
  const name = deviceName ?? (globalThis.navigator?.userAgent ? browserName(globalThis.navigator.userAgent) : 'Node.js');
  return { id, name };
}

// What a person recognises their device by in the list of signed-in devices: "Firefox on Linux".
function browserName(ua) {
  const system = /Android/.test(ua) ? ' on Android' : /iPhone|iPad/.test(ua) ? ' on iOS' : /CrOS/.test(ua) ? ' on ChromeOS'
    : /Windows/.test(ua) ? ' on Windows' : /Mac OS X|Macintosh/.test(ua) ? ' on macOS' : /Linux/.test(ua) ? ' on Linux' : '';
  if (/Edg\//.test(ua)) return `Edge${system}`;
  if (/Chrome\//.test(ua)) return `Chromium browser${system}`;
  if (/Firefox\//.test(ua)) return `Firefox${system}`;
  if (/Safari\//.test(ua)) return `Safari${system}`;
  return `Browser${system}`;
}

// Every session of another device of this person ends (all workspaces): true; false when it held
// none (the server's 404, which the core reads as not_found: it signed out already). This device
// signs out with sessions.signOut(), so the client never holds sessions it ended itself.
export async function endOtherDevice({ supported, own, revoke }, deviceId) {
  if (!supported) throw new TypeError('sessions.end: this client does not work on device sessions');
  if (typeof deviceId !== 'string' || deviceId === '') throw new TypeError('sessions.end: deviceId is required');
  if (deviceId === own) throw new TypeError('sessions.end: this device signs out with sessions.signOut()');
  try {
    await revoke(deviceId);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.kind === 'not_found') return false;
    throw e;
  }
}

// Workspaces whose credential the server refused, until a new one is opened for them.
export class RefusedCredentials {
  #ids = new Set();
  #emit;

  constructor(emit) {
    this.#emit = emit;
  }

  list() {
    return [...this.#ids];
  }

  has(id) {
    return this.#ids.has(String(id));
  }

  refused(id) {
    const ws = String(id);
    if (!ws || this.#ids.has(ws)) return;
    this.#ids.add(ws);
    this.#emit({ kind: 'credential', workspaceId: ws, workspaceIds: this.list() });
  }

  accepted(ids) {
    const cleared = ids.map(String).filter((id) => this.#ids.delete(id));
    for (const id of cleared) this.#emit({ kind: 'credential-clear', workspaceId: id, workspaceIds: this.list() });
  }
}
