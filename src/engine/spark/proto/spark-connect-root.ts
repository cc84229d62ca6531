import protobuf from 'protobufjs';
import { planMessages } from './plan-messages.js';
import { rpcStatusMessages } from './rpc-status-messages.js';
import { serviceMessages } from './service-messages.js';

// The protobuf types the Spark Connect client encodes and decodes, built once with protobufjs's
// reflection from the definitions in this folder (no .proto files, no code generation).
const root = protobuf.Root.fromJSON({
  nested: {
    spark: { nested: { connect: { nested: { ...planMessages, ...serviceMessages } } } },
    google: { nested: rpcStatusMessages },
  },
} as protobuf.INamespace);

const cache = new Map<string, protobuf.Type>();

/**
 * The `spark.connect.<name>` (or fully qualified `google.…`) message type.
 *
 * @example
 * sparkConnectType('ExecutePlanResponse').decode(bytes);
 */
export function sparkConnectType(name: string): protobuf.Type {
  let type = cache.get(name);
  if (type === undefined) {
    type = root.lookupType(name.startsWith('google.') ? name : `spark.connect.${name}`);
    cache.set(name, type);
  }
  return type;
}
