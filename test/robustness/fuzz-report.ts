// Counts what a property test generated, so the suite can print (and check) how many inputs it ran.
import type { LunStudioError } from '../../electron/contract/errors';

export interface FuzzTally {
  name: string;
  inputs: number;
  rejected: number;
  accepted: number;
}

export function tally(name: string): FuzzTally {
  return { name, inputs: 0, rejected: 0, accepted: 0 };
}

export function report(t: FuzzTally): string {
  const line = `fuzz: ${t.name}: ${t.inputs} inputs (${t.rejected} rejected, ${t.accepted} accepted)`;
  console.log(line);
  return line;
}

/** A typed rejection: code (SYMBOL_NAME), hresult (a failure HRESULT as an unsigned number), plain message. */
export function typedProblem(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return `not an object: ${String(error)}`;
  const e = error as Partial<LunStudioError>;
  if (typeof e.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(e.code)) return `bad code ${String(e.code)}`;
  if (typeof e.hresult !== 'number' || !Number.isInteger(e.hresult))
    return `bad hresult ${String(e.hresult)}`;
  if (e.hresult >>> 0 < 0x80000000 || e.hresult < 0 || e.hresult > 0xffffffff)
    return `hresult ${e.hresult} is not an unsigned failure HRESULT`;
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'empty message';
  if (/^Unexpected failure:/.test(e.message)) return `an untyped exception surfaced: ${e.message}`;
  return undefined;
}
