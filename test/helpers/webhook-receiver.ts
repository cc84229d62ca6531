import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

/** A real HTTP receiver on loopback that records the alerts POSTed to it. */
export interface WebhookReceiver {
  url: string;
  port: number;
  /** Every request's parsed JSON body, in arrival order (failed answers included). */
  requests: Record<string, unknown>[];
  /** Every request's exact body and its carelake-signature header, in arrival order. */
  raw: { body: string; signature: string | undefined }[];
  /** Bodies answered 200. */
  accepted: Record<string, unknown>[];
  /** Answer the next `n` requests with `status` (e.g. 503) instead of 200. */
  failNext: (n: number, status?: number) => void;
  close: () => Promise<void>;
}

/**
 * Starts a webhook receiver on 127.0.0.1 (`port` 0: a free one), closed when the test file ends.
 *
 * @example
 * const hook = await startWebhookReceiver(); // rule destination { type: 'webhook', url: hook.url }
 */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const requests: Record<string, unknown>[] = [];
  const accepted: Record<string, unknown>[] = [];
  const raw: WebhookReceiver['raw'] = [];
  let failing = 0;
  let failStatus = 503;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      const signature = req.headers['carelake-signature'];
      raw.push({ body, signature: Array.isArray(signature) ? signature.join(',') : signature });
      requests.push({ ...parsed, _idempotency_key: req.headers['idempotency-key'] });
      if (failing > 0) {
        failing--;
        res.writeHead(failStatus).end('not now');
        return;
      }
      accepted.push(parsed);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  after(() => (server.listening ? close() : undefined));
  return {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    requests,
    raw,
    accepted,
    failNext: (n, status = 503) => {
      failing = n;
      failStatus = status;
    },
    close,
  };
}
