import type { DateGrain, DimensionName } from './measure-types.js';

/** A dimension as published: its name, label and, for `date`, its grains. */
export interface DimensionInfo {
  name: DimensionName;
  label: string;
  kind: 'date' | 'category';
  grains?: readonly DateGrain[];
}

/** The date grains, in order. */
export const DATE_GRAINS: readonly DateGrain[] = ['day', 'week', 'month'];

/** Every dimension a measure may be sliced by. */
export const DIMENSIONS: readonly DimensionInfo[] = [
  { name: 'date', label: 'Date', kind: 'date', grains: DATE_GRAINS },
  { name: 'drg_code', label: 'MS-DRG', kind: 'category' },
  { name: 'payer', label: 'Payer', kind: 'category' },
  { name: 'disposition', label: 'Discharge disposition', kind: 'category' },
  { name: 'unit', label: 'Unit', kind: 'category' },
  { name: 'admit_type', label: 'Admission type', kind: 'category' },
  { name: 'risk_tier', label: 'LACE risk tier', kind: 'category' },
  { name: 'clinician_role', label: 'Clinician role', kind: 'category' },
];

/** The names of every dimension. */
export const DIMENSION_NAMES: readonly DimensionName[] = DIMENSIONS.map((d) => d.name);
