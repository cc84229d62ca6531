/**
 * Waits until a stream wants more data, so that a large result written to a slow pipe is not
 * buffered whole in memory. Resolves at once for sinks without back-pressure.
 *
 * @example
 * await waitForDrain(process.stdout);
 */
export async function waitForDrain(sink: unknown): Promise<void> {
  const stream = sink as { writableNeedDrain?: boolean; once?: (event: string, cb: () => void) => void };
  if (stream.writableNeedDrain && stream.once)
    await new Promise<void>((resolve) => stream.once!('drain', resolve));
}
