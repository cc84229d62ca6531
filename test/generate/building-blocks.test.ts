import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CarelakeError } from '../../src/errors/carelake-error.js';
import { ClaimCountAllocator } from '../../src/generate/datasets/claim-count-allocator.js';
import { claimId, encounterId, eventId, staffingId } from '../../src/generate/datasets/record-ids.js';
import { allocateBudget } from '../../src/generate/emr/allocate-budget.js';
import { buildRoster } from '../../src/generate/emr/clinician.js';
import { planEmr } from '../../src/generate/emr/emr-plan.js';
import { centsText } from '../../src/generate/output/cents-text.js';
import { formatDate, formatTimestamp } from '../../src/generate/output/timestamp-text.js';
import { buildDrgCatalog } from '../../src/generate/population/drg-catalog.js';
import { expectedOverLos, losMedianFor } from '../../src/generate/population/los-median.js';
import { mrnForPatient } from '../../src/generate/population/mrn-for-patient.js';
import { ED_HISTORY, PatientTable } from '../../src/generate/population/patient-table.js';
import { MAX_PERIOD_DAYS, planHospital } from '../../src/generate/population/plan-hospital.js';
import { PlannedStays } from '../../src/generate/population/planned-stays.js';
import { PseudonymCache } from '../../src/generate/population/pseudonym-cache.js';
import { ReturnQueue } from '../../src/generate/population/return-queue.js';
import type { Stay } from '../../src/generate/population/stay.js';
import { PAYER_NAMES } from '../../src/generate/population/stay-codes.js';
import { deriveStream } from '../../src/generate/random/derive-stream.js';
import { readDrgTable } from '../../src/generate/reference/drg-table.js';
import { splitCsvLine } from '../../src/generate/reference/split-csv-line.js';
import { createMrnHasher } from '../../src/privacy/mrn-hasher.js';
import { createMrnHexWriter } from '../../src/privacy/mrn-hex-writer.js';

const pilot = { meanStayDays: 4, unitShare: [0.1, 0.15, 0.15, 0.45, 0.1, 0.05] };
const END = Date.UTC(2025, 3, 1) / 1000;

describe('generator building blocks', () => {
  test('the hospital: ~80% occupancy from the admissions, longer when staffing needs it, bigger beyond 20 years', () => {
    const byAdmissions = planHospital(
      { admissions: 10_000, staffing: 900, beds: 350, periodEnd: END },
      pilot,
    );
    assert.equal(byAdmissions.periodDays, Math.ceil((10_000 * 4) / 280));
    assert.ok(Math.abs(byAdmissions.expectedOccupancy - 0.8) < 0.01);
    assert.equal(byAdmissions.periodStart, END - byAdmissions.periodDays * 86_400);
    assert.equal(byAdmissions.staffingFirstDay, byAdmissions.periodDays - 50);
    assert.equal(byAdmissions.staffingSkip, 0);

    const byStaffing = planHospital(
      { admissions: 10_000, staffing: 5_000, beds: 350, periodEnd: END },
      pilot,
    );
    assert.equal(byStaffing.periodDays, 278);
    assert.equal(byStaffing.staffingFirstDay, 0);
    assert.equal(byStaffing.staffingSkip, 278 * 18 - 5_000);
    assert.ok(byStaffing.expectedOccupancy < 0.5);

    const huge = planHospital({ admissions: 10_000_000, staffing: 100, beds: 350, periodEnd: END }, pilot);
    assert.equal(huge.periodDays, MAX_PERIOD_DAYS);
    assert.ok(huge.beds > 6000 && Math.abs(huge.expectedOccupancy - 0.8) < 0.01);
    assert.equal(new Date(huge.periodStart * 1000).toISOString().slice(0, 10), '2005-04-01');
    assert.equal(huge.unitBeds.length, 6);
  });

  test('LOS medians are solved so that whole-day LOS has the CMS geometric mean', () => {
    for (const gmlos of [1.7, 2.9, 5.1]) {
      const median = losMedianFor(gmlos, 0.55);
      assert.ok(Math.abs(Math.exp(expectedOverLos(median, 0.55, Math.log)) - gmlos) < 0.01, String(gmlos));
    }
  });

  test('the shipped DRG table is CMS FY2024 (DRG 247 replaced by 321/322); a bad table is a clear error', () => {
    const drgs = readDrgTable();
    assert.equal(drgs.length, 26);
    const byCode = new Map(drgs.map((d) => [d.code, d]));
    assert.equal(byCode.get('871')!.relativeWeight, 1.9826);
    assert.equal(byCode.get('065')!.gmlosDays, 2.9);
    assert.ok(byCode.has('321') && byCode.has('322') && !byCode.has('247'));
    const dir = mkdtempSync(join(tmpdir(), 'drg-'));
    writeFileSync(join(dir, 'bad.csv'), 'drg,weight\n871,1.9\n');
    assert.throws(
      () => readDrgTable(join(dir, 'bad.csv')),
      (e: unknown) => e instanceof CarelakeError && /ms_drg/.test(e.message),
    );
    writeFileSync(join(dir, 'zero.csv'), 'ms_drg,title,relative_weight,gmlos_days\n871,X,0,5\n');
    assert.throws(() => readDrgTable(join(dir, 'zero.csv')), /DRG "871" needs a positive relative_weight/);
    assert.deepEqual(splitCsvLine('287,"A, B ""C""",1.08'), ['287', 'A, B "C"', '1.08']);
  });

  test('claim counts add up exactly, whatever the ratio of claims to encounters', () => {
    for (const [claims, encounters] of [
      [25_000, 10_000],
      [123, 777],
      [0, 50],
      [5, 1],
    ] as const) {
      const alloc = new ClaimCountAllocator(claims, encounters);
      const rng = deriveStream(1, 'alloc');
      let total = 0;
      for (let i = 0; i < encounters; i++) {
        const n = alloc.next(rng, {
          los: 1 + (i % 7),
          drg: {},
          edArrival: i % 2 === 0 ? 1 : null,
        } as unknown as Stay);
        assert.ok(n >= 0);
        total += n;
      }
      assert.equal(total, claims, `${claims}/${encounters}`);
    }
  });

  test('EMR budgets add up exactly and fall on the last days of the period', () => {
    const roster = buildRoster(deriveStream(1, 'r'), 50, {}, pilot.unitShare);
    const plan = planEmr(123_457, roster, END - 400 * 86_400, 400);
    let total = 0;
    for (let d = 0; d < 400; d++) total += plan.budget(d);
    assert.equal(total, 123_457);
    assert.ok(plan.firstDay > 300 && plan.budget(plan.firstDay - 1) === 0 && plan.budget(399) > 0);
    const dense = planEmr(10_000_000, roster, END - 10 * 86_400, 10);
    assert.equal(dense.firstDay, 0);
    const counts = allocateBudget(deriveStream(2, 'a'), 1_001, roster);
    assert.equal(
      counts.reduce((n, [, k]) => n + k, 0),
      1_001,
    );
    const few = allocateBudget(deriveStream(2, 'a'), 7, roster);
    assert.equal(few.length, 3);
    assert.ok(few.every(([, k]) => k >= 2));
  });

  test('pseudonyms from the cache equal hashing the patient MRN directly, past the cache size too', () => {
    const hash = createMrnHasher('carelake-test-salt-0123456789');
    const pseudonyms = new PseudonymCache(createMrnHexWriter('carelake-test-salt-0123456789'), 7);
    for (const i of [0, 1, 250_000, 1, 0, 123_456_789])
      assert.equal(pseudonyms.of(i), hash(mrnForPatient(i, 7)));
    for (let i = 0; i < 210_000; i += 7) pseudonyms.of(i);
    assert.equal(pseudonyms.of(3), hash(mrnForPatient(3, 7)));
    const at = pseudonyms.hexAt(250_000);
    assert.equal(
      Buffer.from(pseudonyms.hexBytes.subarray(at, at + 64)).toString('latin1'),
      hash(mrnForPatient(250_000, 7)),
    );
  });

  test('patient slots: a released slot is reused, history reset; growing keeps every live patient', () => {
    const patients = new PatientTable();
    const slots = Array.from({ length: 3000 }, (_, i) => {
      const slot = patients.claim();
      patients.index[slot] = i;
      patients.frailty[slot] = i / 10;
      patients.edArrivals[slot * ED_HISTORY] = i;
      return slot;
    });
    assert.deepEqual(slots.slice(0, 3), [0, 1, 2]);
    // Grown twice past its first 1,024 slots: every patient's columns came along.
    assert.ok(slots.every((slot, i) => patients.index[slot] === i && patients.frailty[slot] === i / 10));
    assert.equal(patients.edArrivals[2999 * ED_HISTORY], 2999);
    patients.stays[17] = 4;
    patients.lastDrg[17] = 9;
    patients.release(17);
    assert.equal(patients.live, 2999);
    const again = patients.claim();
    assert.equal(again, 17);
    assert.equal(patients.stays[again], 0);
    assert.equal(patients.lastDrg[again], -1);
    assert.equal(patients.lastDischarge[again], Number.NEGATIVE_INFINITY);
    assert.equal(patients.edArrivals[again * ED_HISTORY], Number.NEGATIVE_INFINITY);
  });

  test('a planned stay read back as a Stay carries its codes as text and NaN ED times as null', () => {
    const catalog = buildDrgCatalog(readDrgTable(undefined));
    const stays = new PlannedStays();
    for (let k = 0; k < 300; k++) stays.add(); // past the first growth
    const row = stays.add();
    const drg = catalog.entries[3]!;
    stays.drg[row] = drg.index;
    stays.icd10[row] = drg.icd10.length - 1;
    stays.admitType[row] = 2;
    stays.disposition[row] = 7;
    stays.gender[row] = 1;
    stays.payer[row] = PAYER_NAMES.indexOf('Medicaid');
    stays.edArrival[row] = Number.NaN;
    stays.edDecision[row] = Number.NaN;
    stays.admit[row] = 1_700_000_000;
    stays.readmit[row] = 1;
    const stay = stays.toStay(row, catalog);
    assert.equal(stay.drg, drg);
    assert.equal(stay.icd10, drg.icd10.at(-1));
    assert.equal(stay.admitType, 'Elective');
    assert.equal(stay.disposition, 'Expired');
    assert.equal(stay.patient.gender, 'M');
    assert.equal(stay.patient.payer, 'Medicaid');
    assert.equal(stay.edArrival, null);
    assert.equal(stay.edDecision, null);
    assert.equal(stay.admit, 1_700_000_000);
    assert.equal(stay.readmit, true);
    stays.clear();
    assert.equal(stays.add(), 0);
  });

  test('returns come out by day, ties in insertion order, with their slot and kind', () => {
    const q = new ReturnQueue();
    [5, 3, 9, 3, 1].forEach((day, slot) => {
      q.push(day, slot, slot === 3 ? 'readmission' : 'later');
    });
    assert.deepEqual(
      q.popDue(3).map((e) => [ReturnQueue.slotOf(e), ReturnQueue.kindOf(e)]),
      [
        [4, 'later'],
        [1, 'later'],
        [3, 'readmission'],
      ],
    );
    assert.equal(q.size, 2);
    assert.deepEqual(q.popDue(4), []);
    assert.deepEqual(q.popDue(9).map(ReturnQueue.slotOf), [0, 2]);
    assert.equal(q.size, 0);
  });

  test('text formats: ids, timestamps in the seed format, exact money', () => {
    assert.equal(encounterId(0), 'ENC0000000001');
    assert.equal(encounterId(999), 'ENC0000001000');
    assert.equal(claimId(123_455), 'CLM0000123456');
    assert.equal(staffingId(0), 'STF00000001');
    assert.equal(eventId(9_999_999_998), 'EVT9999999999');
    assert.equal(formatTimestamp(Date.UTC(2025, 2, 31, 8, 5, 9) / 1000), '2025-03-31 08:05:09');
    assert.equal(formatDate(20_178), '2025-03-31');
    assert.equal(centsText(123_405), '1234.05');
    assert.equal(centsText(7), '0.07');
    assert.equal(centsText(-250), '-2.50');
  });
});
