// The cost a resource call adds: the core's begin (build_request + that workspace's key + role
// check) and finish (parse_response + meaning) around one labels.list answer, and a whole
// client.labels.list() against a local emulator next to a bare fetch + JSON.parse of the same URL.
import { loadCore } from '../web/sdk/core.js';
import { createClient } from '../web/sdk/index.js';
import { startEmulator, TOKENS } from '../server/emulator/test-harness.js';
import { timeIt } from './timing.js';


export async function run() {
  const core = await loadCore();
  const h = await startEmulator();
  try {
    const client = await createClient({ baseUrl: h.base });
    const ws = await client.addWorkspace({ apiKey: TOKENS.owner });
    for (let i = 0; i < 49; i++) await client.labels.create({ name: `Label ${i}`, color: '#4f46e5' });
    const labels = JSON.stringify(await client.labels.list());

    // The same Store the client uses is not reachable from here; a second Store with the key.
    const store = new core.Store();
    const probe = JSON.parse(store.probeKey(TOKENS.owner));
    store.applyResponse(probe.request_id, 200, JSON.stringify({ id: ws.id, name: ws.name, created_at: '2026-01-01 00:00:00', updated_at: '2026-01-01 00:00:00' }));
    const d = JSON.stringify({ endpoint: 'labels.list' });
    const meta = JSON.stringify({ endpoint: 'labels.list', status: 200, now: 0 });
    const coreUs = await timeIt(() => {
      core.beginEndpointCall(store, ws.id, d);
      return core.finishEndpointCall(store, ws.id, meta, labels);
    });
    const parseUs = await timeIt(() => JSON.parse(labels));
    store.delete();

    const callUs = await timeIt(() => client.labels.list(), 1500);
    const url = `${h.base}/api/labels`;
    const headers = { accept: 'application/json', authorization: `Bearer ${TOKENS.owner}` };
    const bareUs = await timeIt(async () => JSON.parse(await (await fetch(url, { headers })).text()), 1500);
    client.close();
    return [
      { suite: 'sdk', case: `core begin + finish, labels.list (50 labels, ${labels.length} B)`, value: coreUs, unit: 'us/call',
        peer: 'JSON.parse only', peer_value: parseUs, ratio: coreUs / parseUs },
      { suite: 'sdk', case: 'client.labels.list() against a local emulator', value: callUs, unit: 'us/call',
        peer: 'bare fetch + JSON.parse', peer_value: bareUs, ratio: callUs / bareUs },
    ];
  } finally {
    await h.close();
  }
}
