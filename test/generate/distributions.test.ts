import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_DRG_TABLE, readDrgTable } from '../../src/generate/reference/drg-table.js';
import { generateSample } from './support/generate-sample.js';
import { openSample, scalar } from './support/open-sample.js';

const sample = await generateSample({
  seed: 7,
  counts: { admissions: 20_000, claims: 50_000, staffing: 1_800, clinicians: 40, events: 10_000 },
});
const db = await openSample(sample.dir, 'parquet');

// Tolerances are wide enough for any seed at this size, narrow enough to catch a broken model.
describe('generated data looks like a real hospital', () => {
  test('30-day readmission rate is near 15%, and the flagged count matches the manifest', async () => {
    const rate = await scalar(db, 'SELECT avg(readmit_flag::INT) FROM a');
    assert.ok(rate > 0.12 && rate < 0.18, `readmission rate ${rate}`);
    assert.equal(
      await scalar(db, 'SELECT count(*) FILTER (WHERE readmit_flag) FROM a'),
      sample.result.manifest.truth.readmissions,
    );
  });

  test('patients come back: many have several stays', async () => {
    const repeat = await scalar(
      db,
      'SELECT avg((n > 1)::INT) FROM (SELECT count(*) AS n FROM a GROUP BY mrn_hash)',
    );
    assert.ok(repeat > 0.15 && repeat < 0.4, `share of patients with repeat stays ${repeat}`);
  });

  test('a LACE score discriminates readmission: AUC well above chance, well below perfect', async () => {
    const auc = await scalar(
      db,
      `WITH x AS (SELECT *, lead(readmit_flag) OVER (PARTITION BY mrn_hash ORDER BY admit_dt) AS next_flag FROM a),
       y AS (SELECT (CASE WHEN los < 4 THEN los WHEN los <= 6 THEN 4 WHEN los <= 13 THEN 5 ELSE 7 END)
                  + (CASE WHEN admit_type = 'Emergency' THEN 3 ELSE 0 END)
                  + (CASE WHEN charlson_index >= 4 THEN 5 ELSE charlson_index END)
                  + least(ed_visits_prior_6m, 4) AS lace,
                  coalesce(next_flag, false)::INT AS y
             FROM x WHERE disposition <> 'Expired'),
       r AS (SELECT y, rank() OVER (ORDER BY lace) + (count(*) OVER (PARTITION BY lace) - 1) / 2.0 AS rk FROM y)
       SELECT (sum(rk) FILTER (WHERE y = 1) - count(*) FILTER (WHERE y = 1) * (count(*) FILTER (WHERE y = 1) + 1) / 2.0)
              / (count(*) FILTER (WHERE y = 1) * count(*) FILTER (WHERE y = 0)) FROM r`,
    );
    assert.ok(auc > 0.62 && auc < 0.85, `LACE AUC ${auc}`);
  });

  test('readmission risk rises with comorbidity and prior ED visits', async () => {
    const rows = await db.readRows(
      `WITH x AS (SELECT *, coalesce(lead(readmit_flag) OVER (PARTITION BY mrn_hash ORDER BY admit_dt), false)::INT AS y FROM a)
       SELECT avg(y) FILTER (WHERE charlson_index = 0) AS cci0, avg(y) FILTER (WHERE charlson_index >= 4) AS cci4,
              avg(y) FILTER (WHERE ed_visits_prior_6m = 0) AS ed0, avg(y) FILTER (WHERE ed_visits_prior_6m >= 3) AS ed3
       FROM x WHERE disposition <> 'Expired'`,
    );
    const r = rows[0]!;
    assert.ok(Number(r.cci4) > Number(r.cci0) * 1.5, JSON.stringify(r));
    assert.ok(Number(r.ed3) > Number(r.ed0) * 1.5, JSON.stringify(r));
  });

  test('claims: 8–12% denied with CARC codes, varying by payer, self-pay never denied', async () => {
    const rate = await scalar(db, 'SELECT avg((denial_reason_code IS NOT NULL)::INT) FROM c');
    assert.ok(rate > 0.08 && rate < 0.12, `denial rate ${rate}`);
    const byPayer = Object.fromEntries(
      (
        await db.readRows('SELECT payer, avg((denial_reason_code IS NOT NULL)::INT) AS r FROM c GROUP BY 1')
      ).map((row) => [row.payer, Number(row.r)]),
    );
    assert.equal(byPayer['Self-Pay'], 0);
    assert.ok(byPayer.Medicaid! > byPayer.Medicare! + 0.03, JSON.stringify(byPayer));
    const codes = (
      await db.readRows(
        'SELECT DISTINCT denial_reason_code AS code FROM c WHERE denial_reason_code IS NOT NULL',
      )
    ).map((row) => String(row.code));
    for (const code of codes) assert.match(code, /^CO-\d+$/);
    assert.ok(codes.length >= 8, codes.join(','));
  });

  test('payer mix: Medicare largest, then commercial, Medicaid and Medicare Advantage; a few self-pay', async () => {
    const mix = Object.fromEntries(
      (await db.readRows('SELECT payer, count(*) / sum(count(*)) OVER () AS share FROM a GROUP BY 1')).map(
        (row) => [row.payer, Number(row.share)],
      ),
    );
    const near = (payer: string, expected: number) =>
      assert.ok(Math.abs(mix[payer]! - expected) < 0.04, `${payer} ${mix[payer]} vs ${expected}`);
    near('Medicare', 0.34);
    near('Commercial', 0.26);
    near('Medicaid', 0.18);
    near('Medicare Advantage', 0.17);
    near('Self-Pay', 0.055);
  });

  test('LOS per DRG centres on the CMS geometric mean LOS', async () => {
    const gmlos = new Map(readDrgTable().map((d) => [d.code, d.gmlosDays]));
    const rows = await db.readRows(
      'SELECT drg_code, count(*) AS n, exp(avg(ln(los))) AS geo FROM a GROUP BY 1 HAVING count(*) >= 300',
    );
    assert.ok(rows.length >= 10);
    for (const row of rows) {
      const expected = gmlos.get(String(row.drg_code))!;
      const ratio = Number(row.geo) / expected;
      assert.ok(
        ratio > 0.85 && ratio < 1.18,
        `DRG ${row.drg_code}: geometric mean ${row.geo} vs GMLOS ${expected}`,
      );
    }
    const [row] = await db.readRows(
      `SELECT avg(w.relative_weight) AS cmi FROM a JOIN read_csv($1, types = {'ms_drg': 'VARCHAR'}) w
       ON lpad(w.ms_drg, 3, '0') = a.drg_code`,
      [DEFAULT_DRG_TABLE],
    );
    const cmi = Number(row!.cmi);
    assert.ok(cmi > 1.0 && cmi < 1.8, `case mix index ${cmi}`);
  });

  test('weekday and hour patterns: no electives at weekends, Mondays busiest, ED arrivals peak by day', async () => {
    const electiveWeekend = await scalar(
      db,
      "SELECT avg((dayofweek(admit_dt) IN (0, 6))::INT) FROM a WHERE admit_type = 'Elective'",
    );
    assert.ok(electiveWeekend < 0.06, `elective weekend share ${electiveWeekend}`);
    const byDay = await db.readRows(
      'SELECT dayofweek(coalesce(ed_arrival_dt, admit_dt)) AS d, count(*) AS n FROM a GROUP BY 1 ORDER BY 2 DESC',
    );
    assert.equal(Number(byDay[0]!.d), 1, 'Monday is the busiest day');
    const night = await scalar(db, 'SELECT count(*) FROM a WHERE hour(ed_arrival_dt) BETWEEN 2 AND 5');
    const afternoon = await scalar(db, 'SELECT count(*) FROM a WHERE hour(ed_arrival_dt) BETWEEN 12 AND 15');
    assert.ok(afternoon > 2.5 * night, `afternoon ${afternoon} vs night ${night}`);
    const electiveHours = await scalar(
      db,
      "SELECT avg((hour(admit_dt) BETWEEN 5 AND 10)::INT) FROM a WHERE admit_type = 'Elective'",
    );
    assert.ok(electiveHours > 0.95, `electives admitted early ${electiveHours}`);
  });

  test('ED: arrival to admission takes hours, with a long boarding tail', async () => {
    const rows = await db.readRows(
      `SELECT median(date_diff('minute', ed_arrival_dt, admit_dt)) AS med,
              quantile_cont(date_diff('minute', ed_decision_dt, admit_dt), 0.95) AS board95
       FROM a WHERE ed_arrival_dt IS NOT NULL`,
    );
    const med = Number(rows[0]!.med);
    assert.ok(med > 180 && med < 400, `median ED-to-admit ${med} min`);
    assert.ok(Number(rows[0]!.board95) > 240, `95th percentile boarding ${rows[0]!.board95} min`);
  });

  test('the census fills about 80% of the staffed beds', async () => {
    const beds = sample.result.manifest.hospital.staffedBeds;
    const [row] = await db.readRows(
      `WITH days AS (SELECT unnest(generate_series((SELECT min(admit_dt) FROM a)::DATE + 30, (SELECT max(admit_dt) FROM a)::DATE, INTERVAL 1 DAY)) AS d)
       SELECT avg((SELECT count(*) FROM a WHERE admit_dt <= d AND discharge_dt > d)) / $1 AS occupancy FROM days`,
      [beds],
    );
    const occupancy = Number(row!.occupancy);
    assert.ok(occupancy > 0.7 && occupancy < 0.9, `occupancy ${occupancy}`);
  });

  test('staffing: RNs follow the unit ratio targets, with some short-staffed shifts', async () => {
    const rows = await db.readRows(
      `SELECT unit, avg(ratio) AS r, avg((patient_count > rn_count * (CASE unit WHEN 'ICU' THEN 2 WHEN 'Step-Down' THEN 3
         WHEN 'MedSurg' THEN 5 WHEN 'Oncology' THEN 5 ELSE 4 END))::INT) AS over FROM s WHERE patient_count > 0 GROUP BY 1`,
    );
    const icu = rows.find((r) => r.unit === 'ICU')!;
    const medsurg = rows.find((r) => r.unit === 'MedSurg')!;
    assert.ok(Number(icu.r) <= 2.3 && Number(medsurg.r) > 3.5, JSON.stringify(rows));
    assert.ok(Number(medsurg.over) > 0.02 && Number(medsurg.over) < 0.3, JSON.stringify(medsurg));
    const acuity = await scalar(
      db,
      "SELECT avg(acuity_score) FILTER (WHERE unit = 'ICU') - avg(acuity_score) FILTER (WHERE unit = 'MedSurg') FROM s WHERE patient_count > 0",
    );
    assert.ok(acuity > 1, `ICU acuity exceeds MedSurg by ${acuity}`);
  });
});
