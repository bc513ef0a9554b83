// What a client tells its network listeners: {kind: 'ok'|'offline'|'online'|'rate'|'rate-clear'|
// 'payment'|'payment-clear', ...}, and the browser's 'online' event that starts a flush.
import { notifyListeners } from './listeners.js';

export class NetworkEvents {
  #listeners = new Set();
  #target;
  #onOnline = null;
  // Requests now waiting out a 429. The wait is over when the last of them tries again, not when
  // some other request answers: one that was already on its way must not hide the notice.
  #rateWaits = 0;

  constructor(target) {
    this.#target = target;
  }

  subscribe(listener) {
    if (typeof listener !== 'function') throw new TypeError('onNetwork: listener must be a function');
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(ev) {
    notifyListeners(this.#listeners, ev);
  }

  // One attempt of the transport, with the core's retry decision for it.
  attempted({ status, decision, resumedFromRate }) {
    if (resumedFromRate) this.#rateWaits = Math.max(0, this.#rateWaits - 1);
    if (status === 0) this.emit({ kind: 'offline' });
    else if (decision?.status_class === 'success') this.emit({ kind: 'ok' });
    if (decision?.retry && decision.reason === 'rate_limited') {
      this.#rateWaits++;
      this.emit({ kind: 'rate', seconds: Math.ceil(decision.delay_ms / 1000), waiting: this.#rateWaits });
    } else if (resumedFromRate && this.#rateWaits === 0) this.emit({ kind: 'rate-clear' });
  }

  // The connection came back: listeners hear 'online', then `then()` runs (the outbox's flush).
  listenOnline(then) {
    if (!this.#target?.addEventListener || this.#onOnline) return;
    this.#onOnline = () => {
      this.emit({ kind: 'online' });
      then();
    };
    this.#target.addEventListener('online', this.#onOnline);
  }

  close() {
    this.#target?.removeEventListener?.('online', this.#onOnline);
    this.#listeners.clear();
  }
}
