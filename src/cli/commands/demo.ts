import { UsageError } from '../../errors/usage-error.js';
import { fullStaffingRows } from '../../generate/full-staffing-rows.js';
import { generateLanding } from '../../generate/generate-landing.js';
import { SCALES, type ScaleName } from '../../generate/scales.js';
import { landingDir } from '../../lakehouse/lake-layout.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { DEMO_HASH_SALT } from '../../privacy/demo-salt.js';
import type { Command } from '../command.js';
import { COMMANDS } from '../command-registry.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake demo [--lake DIR] [--scale tiny|small] [--seed N] [--port N] [--no-serve]

Creates a lake (default ./lakehouse), generates a synthetic hospital (default: small — 10,000
admissions, 25,000 claims, staffing for the whole period, 200 clinicians, 1M EMR events), runs the whole
pipeline, prints the run summary and a few KPIs, then serves the dashboard and prints its URL
with a one-time sign-in link (Ctrl-C stops it; --no-serve ends after the KPIs, for scripts). Safe to re-run: files already
ingested are skipped.

DEMO ONLY: MRNs are hashed with a fixed, public demo salt, so the demo's mrn_hash values are not
pseudonymous. For anything else use 'carelake generate' with CARELAKE_HASH_SALT set.

Options:
  --port N     the dashboard's port on 127.0.0.1 (default 8080; 0 picks a free one)
  --no-serve   do not serve the dashboard at the end

Example:
  carelake demo --lake ./lakehouse
  carelake demo --scale tiny --no-serve
`;

const SHOWCASE: [string, string][] = [
  [
    'Sessions per clinician role',
    'SELECT clinician_role, count(*) AS sessions, round(avg(session_duration_seconds) / 60, 1) AS avg_minutes, round(avg(event_count), 1) AS events FROM clinician_emr_sessions GROUP BY 1 ORDER BY 1',
  ],
  [
    'KPIs by payer',
    'SELECT payer, encounters, avg_los, readmit_rate_pct, case_mix_index FROM gold_healthcare_kpis_by_payer ORDER BY encounters DESC',
  ],
  [
    'Readmission risk model (LACE)',
    'SELECT scope, risk_tier, encounters, observed_rate_pct, auc FROM gold_healthcare_risk_model_metrics ORDER BY scope, risk_tier',
  ],
  [
    'Denials',
    "SELECT dimension_value AS payer, claims, denial_rate_pct, denial_rate_dollars_pct FROM gold_healthcare_denials WHERE dimension IN ('overall', 'payer') ORDER BY claims DESC",
  ],
];

const command: Command = {
  help,
  async run(args, io) {
    const { values } = parseOptions('demo', args, {
      lake: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      'no-serve': { type: 'boolean' },
    });
    const scale = (values.scale ?? 'small') as ScaleName;
    if (scale !== 'tiny' && scale !== 'small')
      throw new UsageError(
        `demo: --scale is tiny or small, not "${values.scale}"; use carelake generate for more`,
      );
    const seed = Number(values.seed ?? 42);
    if (!Number.isSafeInteger(seed))
      throw new UsageError(`demo: --seed must be an integer, not "${values.seed}"`);
    const dir = resolveLakeDir(values.lake, io.env, io.cwd);
    const step = async (name: string, argv: string[]) => {
      const code = await (await COMMANDS[name]!.load()).default.run(argv, io);
      if (code !== undefined && code !== 0) throw new Error(`demo: carelake ${name} exited ${code}`);
    };
    io.stdout.write(`== carelake demo: lake ${dir}\n`);
    await step('init', ['--lake', dir]);
    const lake = await readLake(dir);
    io.stdout.write(
      `\n== generating a ${scale} synthetic hospital (seed ${seed}; DEMO salt: mrn_hash values are NOT pseudonymous)\n`,
    );
    const generated = await generateLanding({
      outDir: landingDir(dir),
      seed,
      // Staffing rows sized to the admissions' period, so occupancy looks like a real hospital's.
      counts: {
        ...SCALES[scale],
        staffing: fullStaffingRows(SCALES[scale].admissions, lake.config.staffedBeds),
      },
      format: 'parquet',
      dirtyRate: 0,
      salt: DEMO_HASH_SALT,
      beds: lake.config.staffedBeds,
      ratioLimits: lake.config.ratioLimits,
      roleInactivityMinutes: lake.config.roleInactivityMinutes,
    });
    for (const f of generated.files)
      io.stdout.write(`  ${f.name.padEnd(22)} ${String(f.rows).padStart(10)} rows\n`);
    io.stdout.write('\n== carelake run all\n');
    await step('run', ['all', '--lake', dir]);
    for (const [title, sql] of SHOWCASE) {
      io.stdout.write(`\n== ${title}\n`);
      await step('sql', ['--lake', dir, sql]);
    }
    io.stdout.write(
      `\nTry next:\n  carelake sql --lake ${dir} "SELECT * FROM gold_healthcare_kpis ORDER BY encounters DESC LIMIT 10"\n` +
        `  carelake table history clinician_emr_sessions --lake ${dir}\n`,
    );
    if (values['no-serve'] === true) return 0;
    io.stdout.write('\n== the dashboard\n');
    await step('serve', ['--lake', dir, '--port', values.port ?? '8080', '--login-url']);
    return 0;
  },
};

export default command;
