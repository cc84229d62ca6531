import type { UserContext } from './proto/messages.js';

/**
 * The fields every request of one Spark Connect session carries: the session id (a UUID the
 * client chooses), the user, and the client type the server logs.
 */
export interface SparkSessionHead {
  sessionId: string;
  userContext: UserContext;
  clientType: string;
}
