import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.js';

/**
 * Dashboard sign-ins: a random 256-bit session id (the HttpOnly cookie's value) for a verified
 * token, valid for `ttlMs` and never longer than the token itself (the caller re-checks the
 * token on each request). Kept in memory: a restarted server asks users to sign in again.
 */
export class LoginSessions {
  private readonly sessions = new Map<string, { principal: Principal; expires: number }>();

  constructor(private readonly ttlMs: number) {}

  /** A new session id for `principal`. @example const id = sessions.open(principal, Date.now()) */
  open(principal: Principal, now: number): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { principal, expires: now + this.ttlMs });
    return id;
  }

  /** The principal of a live session. @example sessions.find(cookie, Date.now()) */
  find(id: string, now: number): Principal | undefined {
    const s = this.sessions.get(id);
    if (s === undefined) return undefined;
    if (s.expires <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return s.principal;
  }

  /** Ends a session. @example sessions.close(cookie) */
  close(id: string): void {
    this.sessions.delete(id);
  }
}
