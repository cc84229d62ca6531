/** Model parameter → the notebook parameter (a Python expression) that carries it. */
const NOTEBOOK_PARAMETERS: Record<string, string> = {
  source_time_zone: 'source_time_zone',
  staffed_beds: 'staffed_beds',
  ratio_limits: 'ratio_limits',
};

/**
 * The Python dict a model is called with, from the parameters carelake's orchestration binds for
 * it (their values come from the notebook's parameters cell, not from the export). A parameter
 * with no notebook counterpart is a programming error: the notebooks would silently diverge.
 *
 * @example
 * modelParamsExpression({ staffed_beds: 350 }); // '{"staffed_beds": staffed_beds}'
 */
export function modelParamsExpression(params: Readonly<Record<string, unknown>> | undefined): string {
  const entries = Object.keys(params ?? {}).map((key) => {
    const expression = NOTEBOOK_PARAMETERS[key];
    if (expression === undefined) throw new Error(`model parameter ${key} has no notebook parameter`);
    return `${JSON.stringify(key)}: ${expression}`;
  });
  return `{${entries.join(', ')}}`;
}
