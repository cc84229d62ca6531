import { connect, createServer, type Server, type Socket } from 'node:net';
import { after } from 'node:test';

/** A loopback TCP proxy whose open connections a test can cut, to break a stream mid-flight. */
export interface TcpProxy {
  port: number;
  /** Destroys every open connection (new ones are still accepted). */
  cutAll(): void;
}

/**
 * Starts a TCP proxy on 127.0.0.1 (a free port) in front of `targetPort`, stopped when the test
 * file ends.
 *
 * @example
 * const proxy = await startTcpProxy(15002); proxy.cutAll();
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        open.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => {
    for (const socket of open) socket.destroy();
    server.close();
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    cutAll: () => {
      for (const socket of open) socket.destroy();
    },
  };
}
