import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { judgeLockHolder } from '../../lakehouse/run-lock/judge-lock-holder.js';
import { describeLockHolder } from '../../lakehouse/run-lock/lock-holder.js';
import { lockPath } from '../../lakehouse/run-lock/lock-path.js';
import { readLockHolder } from '../../lakehouse/run-lock/read-lock-holder.js';
import { readProcessAlive } from '../../lakehouse/run-lock/read-process-alive.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake unlock [--lake DIR] [--force]

Shows who holds the lake's run lock (carelake.lock) and removes it when its holder is gone.
A run takes the lock before it reads the landing zone and releases it when it ends, also on
error and on Ctrl-C; a lock left by a killed run on this host is taken over by the next run
with a warning, so this command is rarely needed. A lock taken on another host (shared
storage) is never removed without --force, because its run cannot be seen from here.

Options:
  --lake DIR   the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --force      remove the lock whoever holds it (only when you know that run has stopped)

Example:
  carelake unlock --lake ./lakehouse
  carelake unlock --force --lake /mnt/shared/lake
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('unlock', args, {
      lake: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (positionals.length > 0)
      throw new UsageError(`unlock: unexpected argument "${positionals[0]}"; see carelake unlock --help`);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const path = lockPath(lake.dir);
    const found = await readLockHolder(path);
    if (found.state === 'absent') {
      io.stdout.write(`lake ${lake.dir} is not locked\n`);
      return 0;
    }
    const holder = found.state === 'held' ? found.holder : undefined;
    const who = holder ? describeLockHolder(holder, new Date()) : `an unreadable lock file (${path})`;
    const verdict = judgeLockHolder(
      holder,
      hostname(),
      holder ? readProcessAlive(holder.pid, holder.processStart) : false,
    );
    if (values.force !== true && verdict !== 'dead') {
      throw new UsageError(
        verdict === 'live'
          ? `unlock: the lock is held by a running process, ${who}; stop that run (kill ${holder!.pid}) instead`
          : `unlock: the lock is held by ${who}, which cannot be checked from this host; if you are sure it has stopped, run carelake unlock --force`,
      );
    }
    await rm(path, { force: true });
    io.stdout.write(`removed the lake lock held by ${who}\n`);
    return 0;
  },
};

export default command;
