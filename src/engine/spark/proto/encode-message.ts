import { sparkConnectType } from './spark-connect-root.js';

/**
 * Encodes a plain object (shaped as in ./messages.ts; int64 as decimal strings) as the named
 * Spark Connect message.
 *
 * @example
 * const bytes = encodeMessage('ConfigRequest', { sessionId, userContext: { userId: 'me' } });
 */
export function encodeMessage(name: string, value: object): Buffer {
  const type = sparkConnectType(name);
  return Buffer.from(type.encode(type.fromObject(value)).finish());
}

/**
 * Decodes the named Spark Connect message into a plain object: int64 as decimal strings (never
 * rounded), bytes as Uint8Array, unset fields absent, the set member of each oneof named.
 *
 * @example
 * const response = decodeMessage<ConfigResponse>('ConfigResponse', bytes);
 */
export function decodeMessage<T>(name: string, bytes: Uint8Array): T {
  const type = sparkConnectType(name);
  return type.toObject(type.decode(bytes), { longs: String, oneofs: true }) as T;
}
