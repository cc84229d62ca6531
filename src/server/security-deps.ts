import type { AuditLog } from './audit/audit-log.js';
import type { LoginSessions } from './auth/login-sessions.js';
import type { Principal } from './auth/principal.js';
import type { RateLimiter } from './auth/rate-limiter.js';
import type { TokenAuthenticator } from './auth/token-authenticator.js';

/** Authentication, roles, rate limits and the audit log of a server. */
export interface SecurityDeps {
  auth: TokenAuthenticator;
  sessions: LoginSessions;
  /** Per token: requests per second and burst. */
  limiter: RateLimiter;
  /** Per client address: failed sign-ins, to slow down guessing. */
  failures: Map<string, number>;
  audit: AuditLog;
  /** One-time sign-in codes (printed by `serve --login-url`), each good for one sign-in. */
  oneTimeCodes: Map<string, Principal>;
  /** True when serving over TLS: cookies are Secure. */
  secure: boolean;
}
