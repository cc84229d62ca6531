import { access } from 'node:fs/promises';
import { UsageError } from '../../errors/usage-error.js';
import { fullStaffingRows } from '../../generate/full-staffing-rows.js';
import { generateLanding } from '../../generate/generate-landing.js';
import { parseRate } from '../../generate/options/parse-rate.js';
import { parseSeed } from '../../generate/options/parse-seed.js';
import { resolveCounts } from '../../generate/options/resolve-counts.js';
import { generationSummary } from '../../generate/output/generation-summary.js';
import { LineProgress } from '../../generate/output/line-progress.js';
import { TtyProgress } from '../../generate/output/tty-progress.js';
import { defaultLakeConfig } from '../../lakehouse/lake-config.js';
import { configPath, landingDir } from '../../lakehouse/lake-layout.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { writeHospitalBeds } from '../../lakehouse/write-hospital-beds.js';
import { resolveHashSalt } from '../../privacy/resolve-hash-salt.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake generate [--lake DIR] [--seed N] [--scale tiny|small|medium|large]
                         [--format parquet|csv] [--dirty RATE]
                         [--admissions N] [--claims N] [--staffing N] [--clinicians N] [--events N]

Writes a synthetic hospital to the lake's landing zone
(<lake>/lh_bronze.Lakehouse/Files/landing/healthcare): clinicians.csv, roles.csv, and
admissions, claims, staffing and emr_events. Patients come back (about 15% within 30 days,
driven by age, LOS, comorbidity, ED use and disposition); claims bill real encounters on days
within the stay; staffing counts each unit's census; clinicians' EMR events form work sessions
around their inactivity thresholds. Periods longer than about 15 years are simulated in eras
of about ten years, each with its own patients (none returns in a later era). The same seed
and options give byte-identical files.

Options:
  --lake DIR       the lake (default $CARELAKE_LAKE, else ./lakehouse); its carelake.json
                   supplies staffed beds, ratio limits and role inactivity windows;
                   when the admissions need more beds than it has, generate simulates a
                   bigger hospital and writes its staffedBeds and unitBeds back there
  --seed N         random seed (default 42)
  --scale S        tiny (a few clinicians, dozens of events), small (10,000 admissions,
                   25,000 claims, 5,000 staffing rows, 200 clinicians, 1M events; default),
                   medium (1M admissions, 2.5M claims, 10M events), large (10M, 25M, 100M)
  --format F       parquet (default) or csv, for admissions, claims, staffing and emr_events;
                   clinicians and roles are always CSV
  --dirty RATE     inject feed faults into this share of rows (0.02 or 2%): duplicates,
                   re-delivered encounters, negative LOS, malformed timestamps, unknown
                   clinicians, missing fields, out-of-order events, wrong field counts (CSV);
                   each one is listed in _injected_faults.json (clinicians.csv and
                   roles.csv, the reference data, stay clean)
  --admissions N --claims N --staffing N --clinicians N --events N
                   override the scale's row counts (10000, 10_000, 10k and 1M all work)
  --staffing auto  one staffing row per unit and shift over exactly the days the admissions
                   fill at ~80% occupancy (more rows lengthen the period and lower occupancy)

Environment:
  CARELAKE_HASH_SALT   required: the secret key (16+ characters) for HMAC-SHA-256 MRN
                       pseudonyms; FABRIC_POC_HASH_SALT is accepted too. Without it the
                       command stops with exit code 2.

Also written: _generation.json (the run's options, hospital and ground truth).

Examples:
  export CARELAKE_HASH_SALT="$(openssl rand -hex 32)"
  carelake generate --scale tiny
  carelake generate --lake ./lakehouse --seed 7
  carelake generate --scale small --format csv --dirty 0.02
  carelake generate --scale medium --events 2M
  carelake generate --staffing auto        # small, with occupancy near 80%
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('generate', args, {
      lake: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      format: { type: 'string' },
      dirty: { type: 'string' },
      admissions: { type: 'string' },
      claims: { type: 'string' },
      staffing: { type: 'string' },
      clinicians: { type: 'string' },
      events: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new UsageError(
        `generate: unexpected argument "${positionals[0]}"; see 'carelake generate --help'`,
      );
    }
    const salt = resolveHashSalt(io.env);
    const format = values.format ?? 'parquet';
    if (format !== 'parquet' && format !== 'csv') {
      throw new UsageError(`generate: --format "${format}" is not a format; use parquet or csv`);
    }
    const staffingAuto = values.staffing === 'auto';
    const counts = resolveCounts(values.scale, {
      ...values,
      staffing: staffingAuto ? undefined : values.staffing,
    });
    const seed = values.seed === undefined ? 42 : parseSeed(values.seed);
    const dirtyRate = values.dirty === undefined ? 0 : parseRate(values.dirty);
    const dir = resolveLakeDir(values.lake, io.env, io.cwd);
    const configured = await exists(configPath(dir));
    const config = configured ? (await readLake(dir)).config : undefined;
    const landing = landingDir(dir);
    if (staffingAuto) counts.staffing = fullStaffingRows(counts.admissions, config?.staffedBeds);
    const write = (text: string) => io.stderr.write(text);
    const result = await generateLanding(
      {
        outDir: landing,
        seed,
        counts,
        format,
        dirtyRate,
        salt,
        ...(config === undefined
          ? {}
          : {
              beds: config.staffedBeds,
              ratioLimits: config.ratioLimits,
              roleInactivityMinutes: config.roleInactivityMinutes,
            }),
      },
      { progress: io.isTTY ? new TtyProgress(write) : new LineProgress(write) },
    );
    io.stdout.write(generationSummary(landing, result));
    const generated = result.manifest.hospital;
    if (config !== undefined && generated.staffedBeds !== config.staffedBeds) {
      // A run too big for the configured beds simulates a bigger hospital; occupancy is only
      // right if the lake knows the beds the data was generated for.
      await writeHospitalBeds(dir, generated);
      io.stdout.write(
        `\ncarelake.json: staffedBeds ${config.staffedBeds} → ${generated.staffedBeds} (the beds these admissions needed), unitBeds per unit\n`,
      );
    } else if (config === undefined && generated.staffedBeds !== defaultLakeConfig('lake').staffedBeds) {
      io.stdout.write(
        `\nThe simulated hospital has ${generated.staffedBeds} staffed beds: after 'carelake init', set "staffedBeds": ${generated.staffedBeds} in carelake.json\n`,
      );
    }
    io.stdout.write(
      configured
        ? `\nNext: carelake run all --lake ${dir}\n`
        : `\nNext: carelake init --lake ${dir} && carelake run all --lake ${dir}\n`,
    );
    return 0;
  },
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export default command;
