import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawProvider, SimState } from '../../../native/lib/raw-addon';
import { SimPersistence } from '../../../native/lib/sim-persistence';

function model() {
  let luns = 0;
  let exports = 0;
  const raw = {
    exportState(): SimState {
      exports += 1;
      return { version: 1, subsystems: [{ name: `luns=${luns}` }] } as unknown as SimState;
    },
  } as unknown as RawProvider;
  return {
    raw,
    addLun: () => (luns += 1),
    exports: () => exports,
  };
}

const fileState = (file: string) => JSON.parse(readFileSync(file, 'utf8')).subsystems[0].name as string;

describe('sim state persistence', () => {
  it('saves many completions that arrive together in few writes, every caller seeing its own state saved', async () => {
    const m = model();
    const file = join(mkdtempSync(join(tmpdir(), 'lun-persist-')), 'state.json');
    const persistence = new SimPersistence(m.raw, file);
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 50; i += 1) {
      m.addLun();
      saves.push(persistence.persist());
    }
    await Promise.all(saves);
    expect(fileState(file)).toBe('luns=50');
    expect(m.exports()).toBeLessThanOrEqual(3); // constructor + the first save + one shared by the rest
  });

  it('a change made while a save runs is saved by a later write', async () => {
    const m = model();
    const file = join(mkdtempSync(join(tmpdir(), 'lun-persist-')), 'state.json');
    const persistence = new SimPersistence(m.raw, file);
    m.addLun();
    const first = persistence.persist();
    await Promise.resolve(); // the first save has taken its snapshot
    await new Promise((r) => setTimeout(r, 0));
    m.addLun();
    const second = persistence.persist();
    await Promise.all([first, second]);
    expect(fileState(file)).toBe('luns=2');
  });
});
