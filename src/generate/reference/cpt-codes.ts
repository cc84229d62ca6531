/** A billable professional service: CPT code and its chargemaster price in cents. */
export interface CptCode {
  code: string;
  description: string;
  chargeCents: number;
}

/** The services the claims generator bills, keyed by CPT code. */
export const CPT_CODES: Readonly<Record<string, CptCode>> = Object.fromEntries(
  (
    [
      ['99222', 'Initial hospital care, moderate', 32_000],
      ['99223', 'Initial hospital care, high', 45_000],
      ['99231', 'Subsequent hospital care, low', 12_000],
      ['99232', 'Subsequent hospital care, moderate', 19_000],
      ['99233', 'Subsequent hospital care, high', 27_000],
      ['99238', 'Hospital discharge day, 30 min or less', 17_000],
      ['99239', 'Hospital discharge day, over 30 min', 25_000],
      ['99284', 'Emergency department visit, high', 95_000],
      ['99285', 'Emergency department visit, highest', 150_000],
      ['99291', 'Critical care, first hour', 85_000],
      ['99254', 'Inpatient consultation', 38_000],
      ['27447', 'Total knee arthroplasty', 420_000],
      ['92928', 'Percutaneous coronary stent', 690_000],
      ['93458', 'Left heart catheterization with angiography', 310_000],
      ['80053', 'Comprehensive metabolic panel', 9_500],
      ['85025', 'Complete blood count with differential', 6_000],
      ['71045', 'Chest X-ray, single view', 21_000],
      ['70450', 'CT head without contrast', 120_000],
      ['93306', 'Transthoracic echocardiogram', 180_000],
      ['97161', 'Physical therapy evaluation', 22_000],
    ] as const
  ).map(([code, description, chargeCents]) => [code, { code, description, chargeCents }]),
);
