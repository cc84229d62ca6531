import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import { createAccessToken } from '../../src/server/auth/create-access-token.js';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { spawnNode } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// `carelake serve` as a real process on TLS, bound to every interface (allowed only with TLS),
// reached over loopback with a client that trusts exactly the test's self-signed certificate.

const lake = await makeGoldenLake();
const dir = tempDir('tls-');
const cert = join(dir, 'cert.pem');
const key = join(dir, 'key.pem');
execFileSync('openssl', [
  'req',
  '-x509',
  '-newkey',
  'rsa:2048',
  '-nodes',
  '-keyout',
  key,
  '-out',
  cert,
  '-days',
  '2',
  '-subj',
  '/CN=127.0.0.1',
  '-addext',
  'subjectAltName=IP:127.0.0.1',
]);
const engine = await DuckDbEngine.open({ threads: 1 });
const { token } = await createAccessToken(engine, lake, {
  role: 'analyst',
  name: 'tls analyst',
  expiresAt: null,
  now: new Date(),
});
engine.close();

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request to the served port over loopback; `ca` undefined uses the system's roots. */
function httpsCall(
  path: string,
  init: { ca?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        ...(init.ca ? { ca: init.ca } : {}),
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.end(init.body);
  });
}

test('serve --host 0.0.0.0 with --tls-cert/--tls-key serves HTTPS only: tokens, Secure cookies, HSTS', async (t) => {
  const served = spawnNode(
    'src/cli/main.js',
    [
      'serve',
      '--lake',
      lake,
      '--host',
      '0.0.0.0',
      '--port',
      String(port),
      '--tls-cert',
      cert,
      '--tls-key',
      key,
    ],
    {},
    90_000,
  );
  t.after(async () => {
    served.child.kill('SIGTERM');
    await served.done;
  });
  await served.waitFor(/dashboard\s+https:\/\//);
  assert.match(served.stdout(), new RegExp(`https://0\\.0\\.0\\.0:${port}/`));
  const ca = readFileSync(cert, 'utf8');

  const health = await httpsCall('/health', { ca });
  assert.equal(health.status, 200);
  assert.equal(health.headers['strict-transport-security'], 'max-age=31536000');

  assert.equal((await httpsCall('/api/measures', { ca })).status, 401);
  const measures = await httpsCall('/api/measures', { ca, headers: { Authorization: `Bearer ${token}` } });
  assert.equal(measures.status, 200);
  assert.ok((JSON.parse(measures.body) as { measures: unknown[] }).measures.length > 0);

  const login = await httpsCall('/api/login', {
    ca,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  assert.equal(login.status, 200);
  const cookie = String(login.headers['set-cookie']);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /Secure/);
  assert.match(cookie, /SameSite=Strict/);

  // A client that does not trust the certificate is refused by TLS itself, before any data.
  await assert.rejects(httpsCall('/health'), /self[- ]signed|certificate/i);
  // Plain HTTP to the TLS port gets no answer with data.
  const plain = await fetch(`http://127.0.0.1:${port}/api/measures`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(10_000),
  }).then(
    async (r) => ({ status: r.status, body: await r.text() }),
    (e: Error) => ({ status: 0, body: e.message }),
  );
  assert.notEqual(plain.status, 200);
  assert.doesNotMatch(plain.body, /readmission_rate/);

  // The server is still healthy after the refused clients.
  assert.equal((await httpsCall('/health', { ca })).status, 200);
});
