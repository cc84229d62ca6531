import type { Action } from './actions.js';
import { type JsonValue, parseLosslessJson } from './lossless-json.js';

/**
 * Parses a commit file (newline-delimited actions). Throws a SyntaxError naming the 1-based line
 * of the first line that is not a JSON object.
 *
 * @example
 * parseCommit('{"commitInfo":{"operation":"WRITE"}}\n{"add":{…}}');
 */
export function parseCommit(text: string): Action[] {
  const actions: Action[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: JsonValue;
    try {
      value = parseLosslessJson(line);
    } catch (error) {
      throw new SyntaxError(`line ${i + 1} is not valid JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new SyntaxError(`line ${i + 1} is not a JSON object`);
    }
    actions.push(value as unknown as Action);
  }
  return actions;
}
