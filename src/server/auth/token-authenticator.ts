import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readLogListing } from '../../delta/read-log-listing.js';
import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { tableDir } from '../../lakehouse/lake-layout.js';
import { type AccessTokenRecord, TOKENS_TABLE, tokenUsable } from './access-token-record.js';
import { verifyTokenSecret } from './hash-token-secret.js';
import type { Principal } from './principal.js';
import { readAccessTokens } from './read-access-tokens.js';
import { parseToken } from './token-text.js';

/**
 * Checks bearer tokens against lh_audit.dbo.access_tokens. The records are re-read whenever
 * the table has a new version (a `token revoke` takes effect on the next request); a token's
 * scrypt check runs once per server, after which the SHA-256 of the token text is remembered,
 * so verified requests cost a hash lookup. Revocation and expiry are checked on every request.
 */
export class TokenAuthenticator {
  private records: { version: number; byId: Map<string, AccessTokenRecord> } = {
    version: -2,
    byId: new Map(),
  };
  private readonly verified = new Map<string, string>();
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private stamp = -2;

  constructor(
    private readonly engine: DuckDbEngine,
    private readonly lakeDir: string,
  ) {}

  /**
   * The principal of a token, or undefined when it is malformed, unknown, wrong, revoked or expired.
   *
   * @example
   * const who = await auth.authenticate(token, new Date());
   */
  async authenticate(text: string, now: Date): Promise<Principal | undefined> {
    const parts = parseToken(text);
    if (parts === undefined) return undefined;
    await this.refresh();
    const record = this.records.byId.get(parts.id);
    if (record === undefined || !tokenUsable(record, now)) return undefined;
    const digest = createHash('sha256').update(text).digest('base64url');
    if (this.verified.get(digest) !== record.token_id) {
      if (!(await verifyTokenSecret(parts.secret, record.salt, record.hash))) return undefined;
      this.verified.set(digest, record.token_id);
    }
    return { tokenId: record.token_id, name: record.name, role: record.role };
  }

  /** Whether the token is still usable (sessions made from it end with it). @example await auth.stillUsable(id, now) */
  async stillUsable(tokenId: string, now: Date): Promise<boolean> {
    await this.refresh();
    const record = this.records.byId.get(tokenId);
    return record !== undefined && tokenUsable(record, now);
  }

  /**
   * A request must be answered from a check that started after it arrived, so a revocation
   * committed before it is seen. Requests arriving while a check runs share the next one: at
   * most one check runs and one waits, however many requests are in flight (they used to queue
   * one stat each, which under 50 concurrent clients was most of the cost of security).
   * Checks never overlap: the engine's connection runs one query at a time.
   */
  private refresh(): Promise<void> {
    if (this.next !== undefined) return this.next;
    if (this.running === undefined) return this.start();
    this.next = this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<void> {
    const run = this.check();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  private async check(): Promise<void> {
    const dir = tableDir(this.lakeDir, TOKENS_TABLE.lakehouse, TOKENS_TABLE.name);
    // The log folder's mtime changes with every commit: one stat per check, a listing only then.
    const stamp = await stat(join(dir, '_delta_log')).then(
      (s) => s.mtimeMs,
      () => -1,
    );
    // Folder times are coarse (a few ms): trust an unchanged one only once it is not fresh.
    if (stamp === this.stamp && stamp !== -1 && Date.now() - stamp > 100) return;
    this.stamp = stamp;
    const version = (await readLogListing(this.engine.table(dir).store)).latestVersion;
    if (version === this.records.version) return;
    const { records } = await readAccessTokens(this.engine, this.lakeDir);
    this.records = { version, byId: new Map(records.map((r) => [r.token_id, r])) };
  }
}
