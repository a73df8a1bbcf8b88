// Reads a simulator state file the way a test needs it: parsed, or a clear failure naming the file.
import { readFile } from 'node:fs/promises';
import type { SimState } from '../../native/lib/raw-addon';

export async function readState(file: string): Promise<SimState> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as SimState;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (corrupt state file): ${(error as Error).message}`);
  }
}
