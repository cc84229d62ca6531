import { UsageError } from '../../errors/usage-error.js';

/** A parsed Spark Connect connection string. */
export interface SparkRemote {
  host: string;
  port: number;
  /** `host:port` as gRPC dials it (IPv6 hosts in brackets). */
  target: string;
  token?: string;
  useSsl: boolean;
  /** TLS or not: `use_ssl=true`, or a token to a host other than `localhost` (Spark's rule). */
  secure: boolean;
  userId?: string;
  userAgent?: string;
  sessionId?: string;
  /** Any other parameter, sent as gRPC metadata with every call. */
  metadata: Record<string, string>;
}

const DEFAULT_PORT = 15002;
const RESERVED = new Set(['token', 'use_ssl', 'user_id', 'user_agent', 'session_id']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses a Spark Connect connection string as Spark specifies it:
 * `sc://host[:port][/;key=value;key=value…]`, port 15002 by default, values percent-decoded;
 * `token`, `use_ssl`, `user_id`, `user_agent` and `session_id` (a UUID) configure the client,
 * every other parameter becomes gRPC metadata. A token means TLS unless the host is
 * `localhost` (Spark's local-channel rule), so a bearer token never crosses a network in clear.
 * A malformed string is a UsageError that names the problem and shows the expected form.
 *
 * @example
 * parseSparkRemote('sc://spark.example.org/;token=abc').secure; // true
 */
export function parseSparkRemote(remote: string): SparkRemote {
  const bad = (why: string) =>
    new UsageError(
      `invalid Spark Connect remote "${redactToken(remote)}": ${why}; expected sc://host:port/;token=…`,
    );
  if (!remote.startsWith('sc://')) throw bad('it must start with sc://');
  const rest = remote.slice('sc://'.length);
  const semicolon = rest.indexOf(';');
  const authorityAndPath = semicolon === -1 ? rest : rest.slice(0, semicolon);
  const paramText = semicolon === -1 ? '' : rest.slice(semicolon + 1);
  const slash = authorityAndPath.indexOf('/');
  const authority = slash === -1 ? authorityAndPath : authorityAndPath.slice(0, slash);
  const path = slash === -1 ? '' : authorityAndPath.slice(slash);
  if (path !== '' && path !== '/') throw bad(`unexpected path "${path}"`);
  const { host, port } = splitAuthority(authority, bad);

  const params = new Map<string, string>();
  for (const part of paramText.split(';')) {
    if (part === '') continue;
    const kv = part.split('=');
    if (kv.length !== 2 || kv[0] === '') throw bad(`parameter "${part.split('=')[0]}" must be key=value`);
    params.set(kv[0]!, decodeURIComponent(kv[1]!));
  }
  const sessionId = params.get('session_id');
  if (sessionId !== undefined && !UUID.test(sessionId)) throw bad('session_id must be a UUID');
  const useSsl = params.get('use_ssl')?.toLowerCase() === 'true';
  const token = params.get('token');
  const metadata: Record<string, string> = {};
  for (const [key, value] of params) if (!RESERVED.has(key)) metadata[key] = value;
  return {
    host,
    port,
    target: `${host.includes(':') ? `[${host}]` : host}:${port}`,
    ...(token !== undefined ? { token } : {}),
    useSsl,
    secure: useSsl || (token !== undefined && host !== 'localhost'),
    ...(params.has('user_id') ? { userId: params.get('user_id')! } : {}),
    ...(params.has('user_agent') ? { userAgent: params.get('user_agent')! } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    metadata,
  };
}

function splitAuthority(authority: string, bad: (why: string) => Error): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d+))?$/.exec(authority);
  if (match === null) throw bad(authority === '' ? 'the host is missing' : `bad host or port "${authority}"`);
  const port = match[3] === undefined ? DEFAULT_PORT : Number(match[3]);
  if (port < 1 || port > 65535) throw bad(`port ${match[3]} is out of range`);
  return { host: match[1] ?? match[2]!, port };
}

/** The remote with the value of its token parameter withheld, for messages and logs. */
export function redactToken(remote: string): string {
  return remote.replace(/(;token=)[^;]*/gi, '$1…');
}
