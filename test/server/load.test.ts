import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SERVE_PAGES } from '../../bench/serve-pages.js';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { queryLake } from '../helpers/pipeline-lake.js';
import { startTestServer } from '../helpers/start-test-server.js';

// A bounded load test on loopback: 50 concurrent clients, a fixed number of requests each, the
// dashboard's own requests with real tokens, real rate limits and auditing on. What it shows is
// behaviour under load (only 200s and 429s, everything audited, the server healthy after), not
// speed: timing is the serve benchmark's job.

const CLIENTS = 50;
const PER_CLIENT = 16;

const lake = await makeGoldenLake();

test('50 concurrent clients: no error responses but 429s, every request audited, the server healthy after', async () => {
  const { server, tokens } = await startTestServer(lake, { ratePerSecond: 40 });
  const [clinician] = await queryLake(lake, 'SELECT min(clinician_id) AS id FROM clinician_emr_sessions');
  const urls = Object.values(SERVE_PAGES)
    .flat()
    .map((u) =>
      u
        .replace('{clinician}', encodeURIComponent(String(clinician!.id)))
        .replaceAll('{today}', new Date().toISOString().slice(0, 10)),
    );
  // Half the clients are analysts, half admins (the pages read row-level tables, which viewers
  // may not): two tokens, each with its own budget.
  const statuses = new Map<number, number>();
  const deadline = AbortSignal.timeout(120_000);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const token = client % 2 === 0 ? tokens.analyst : tokens.admin;
      for (let i = 0; i < PER_CLIENT; i++) {
        const url = urls[(client * PER_CLIENT + i) % urls.length]!;
        const r = await fetch(`${server.url}${url}`, {
          headers: { Authorization: `Bearer ${token}` },
          signal: deadline,
        });
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 429) assert.ok(Number(r.headers.get('retry-after')) >= 1);
      }
    }),
  );
  const total = CLIENTS * PER_CLIENT;
  const counted = [...statuses.values()].reduce((a, b) => a + b, 0);
  assert.equal(counted, total);
  assert.deepEqual(
    [...statuses.keys()].filter((s) => s !== 200 && s !== 429),
    [],
    `only 200 and 429 expected, got ${JSON.stringify([...statuses])}`,
  );
  assert.ok((statuses.get(429) ?? 0) > 0, 'the per-token limit is reached under this load');
  assert.ok((statuses.get(200) ?? 0) > 0);
  assert.equal((await fetch(`${server.url}/health`)).status, 200);

  await server.close();
  const [audited] = await queryLake(
    lake,
    `SELECT count(*) FILTER (WHERE outcome = 'allowed') AS allowed,
            count(*) FILTER (WHERE outcome = 'rate_limited') AS limited
     FROM lh_audit.dbo.access_log WHERE principal IN ('test analyst', 'test admin')`,
  );
  assert.equal(Number(audited!.allowed), statuses.get(200));
  assert.equal(Number(audited!.limited), statuses.get(429));
});
