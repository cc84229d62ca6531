import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hasErrorCode } from '../../errors/has-error-code.js';
import { defaultLakeConfig } from '../../lakehouse/lake-config.js';
import { configPath, LAKEHOUSES, lakehouseDir, landingDir, tablesDir } from '../../lakehouse/lake-layout.js';
import { resolveLakeDir } from '../../lakehouse/read-lake.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake init [--lake DIR] [--name NAME]

Creates a lake: the three lakehouses (lh_bronze, lh_silver, lh_gold) laid out as in OneLake,
the landing zone, and carelake.json with default settings (source time zone UTC, 350 staffed
beds, nurse ratio limits, role inactivity windows). An existing carelake.json is kept.

Example:
  carelake init --lake ./lakehouse
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values } = parseOptions('init', args, { lake: { type: 'string' }, name: { type: 'string' } });
    const dir = resolveLakeDir(values.lake, io.env, io.cwd);
    for (const lh of LAKEHOUSES) {
      await mkdir(tablesDir(dir, lh), { recursive: true });
      await mkdir(join(lakehouseDir(dir, lh), 'Files'), { recursive: true });
    }
    await mkdir(landingDir(dir), { recursive: true });
    const config = defaultLakeConfig(values.name ?? basename(dir));
    try {
      await writeFile(configPath(dir), `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
      io.stdout.write(`Created lake ${dir}\n  config   ${configPath(dir)}\n  landing  ${landingDir(dir)}\n`);
    } catch (error) {
      if (!hasErrorCode(error, 'EEXIST')) throw error;
      io.stdout.write(`Lake ${dir} already initialised; kept ${configPath(dir)}\n`);
    }
    return 0;
  },
};

export default command;
