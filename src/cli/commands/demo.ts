import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { landingDir } from '../../lakehouse/lake-layout.js';
import { resolveLakeDir } from '../../lakehouse/read-lake.js';
import type { Command } from '../command.js';
import { COMMANDS } from '../command-registry.js';
import { parseOptions } from '../parse-options.js';

const SEED = fileURLToPath(new URL('../../../../data/seed-sessionization/', import.meta.url));

const help = `Usage: carelake demo [--lake DIR]

Creates a lake (default ./lakehouse), lands the seed notebook's sample (4 clinicians, 26 EMR
events), runs the whole pipeline, prints the run summary and the sessions, and shows the queries
to try next. Safe to re-run: files already ingested are skipped.

Example:
  carelake demo --lake ./lakehouse
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values } = parseOptions('demo', args, { lake: { type: 'string' } });
    const lake = resolveLakeDir(values.lake, io.env, io.cwd);
    const step = async (name: string, argv: string[]) => {
      const code = await (await COMMANDS[name]!.load()).default.run(argv, io);
      if (code !== undefined && code !== 0) throw new Error(`demo: carelake ${name} exited ${code}`);
    };
    io.stdout.write(`== carelake demo: lake ${lake}\n`);
    await step('init', ['--lake', lake]);
    await mkdir(landingDir(lake), { recursive: true });
    for (const name of ['clinicians.csv', 'emr_events.csv'])
      await copyFile(join(SEED, name), join(landingDir(lake), name));
    io.stdout.write('\n== carelake run all\n');
    await step('run', ['all', '--lake', lake]);
    io.stdout.write('\n== clinician_emr_sessions\n');
    await step('sql', [
      '--lake',
      lake,
      'SELECT session_id, clinician_role, session_start_time, session_duration_seconds, event_count, split_cause FROM clinician_emr_sessions ORDER BY clinician_id, session_start_time',
    ]);
    io.stdout.write(
      `\nTry next:\n  carelake sql --lake ${lake} "SELECT clinician_role, avg(session_duration_seconds) / 60 AS avg_minutes FROM clinician_emr_sessions GROUP BY 1"\n` +
        `  carelake table history clinician_emr_sessions --lake ${lake}\n`,
    );
    return 0;
  },
};

export default command;
