// The 402 blocks a client holds between calls. Every decision is the core's
// (include/trypost/payment_block.hpp): which workspaces a 402 blocks, which calls a block refuses,
// when it lifts, whether the account's usage is asked for the reset date and how that date reads
// (parseApiTime, the one reader of the API's times).
// This file keeps the blocks, reads the clock and tells the network listeners.
import { askCore } from './core.js';
import { ApiError } from './resources.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const seconds = (date) => (date instanceof Date && !Number.isNaN(date.getTime()) ? Math.floor(date.getTime() / 1000) : null);

// context: {emit(event), workspaces() -> [{id, in_account}], accountApi() -> bool, usage() -> Promise}
export class PaymentBlocks {
  #core;
  #context;
  // workspace id -> block; the workspaces one 402 blocked share the same object.
  #blocks = new Map();

  constructor(core, context) {
    this.#core = core;
    this.#context = context;
  }

  #check(block, extra) {
    return askCore(this.#core, 'checkPaymentBlock', { now: nowSeconds(), until: seconds(block.until), ...extra });
  }

  // What the 402 said for this workspace, while it holds; else null.
  get(workspaceId) {
    const id = String(workspaceId);
    const block = this.#blocks.get(id);
    if (!block) return null;
    if (this.#check(block, {}).lifted) {
      this.#blocks.delete(id);
      return null;
    }
    return { ...block };
  }

  // The error a call of this method is refused with before it leaves, or null when it may go.
  refusal(workspaceId, method) {
    if (!workspaceId) return null;
    const id = String(workspaceId);
    const block = this.#blocks.get(id);
    if (!block) return null;
    const verdict = this.#check(block, { method: String(method ?? 'GET') });
    if (verdict.lifted) this.#blocks.delete(id);
    if (!verdict.refuses) return null;
    return Object.assign(new ApiError({}, {}), block.error, { local: true, message: block.message });
  }

  // The server answered this workspace: whatever blocked it lifts, wherever else it applied.
  // -> whether a block lifted.
  answered(workspaceId, status = 200) {
    const block = this.#blocks.get(String(workspaceId));
    if (!block || !this.#check(block, { answered: status }).lifted) return false;
    for (const [other, b] of this.#blocks) if (b === block) this.#blocks.delete(other);
    return true;
  }

  // A failed call's ApiError; `kind` names the endpoint or Store request that was answered.
  failed(e, kind = e.endpoint) {
    if (!e.paymentRequired) return;
    const { emit, workspaces, accountApi, usage } = this.#context;
    const decision = askCore(this.#core, 'decidePaymentBlock', {
      status: e.status, workspace_id: e.workspaceId ?? null, kind: String(kind ?? ''), payment: e.payment, until: seconds(e.until),
      workspaces: workspaces(), account_api: accountApi(),
    });
    if (!decision.announce) return;
    const workspaceIds = decision.workspace_ids;
    if (!workspaceIds.length) {
      emit({ kind: 'payment', error: e });
      return;
    }
    const block = { payment: e.payment, message: e.message, until: e.until, planStatus: e.planStatus, creditsUsed: e.creditsUsed, creditsLimit: e.creditsLimit, error: e };
    for (const id of workspaceIds) this.#blocks.set(id, block);
    emit({ kind: 'payment', workspaceId: e.workspaceId, workspaceIds, error: e, block: { ...block } });
    if (!decision.ask_usage) return;
    usage().then((u) => {
      // The API's time form or ISO 8601 with an offset; NaN when absent or unreadable.
      const resetMs = typeof u?.resets_at === 'string' ? this.#core.parseApiTime(u.resets_at) : NaN;
      if (Number.isNaN(resetMs) || this.#blocks.get(e.workspaceId) !== block) return;
      block.until = new Date(resetMs);
      emit({ kind: 'payment', workspaceId: e.workspaceId, workspaceIds, error: e, block: { ...block } });
    }, () => {});
  }
}
