// Enumeration through the facade over the real addon: every subsystem's drives in one call, and reads of one
// subsystem named by id without a subsystem list first (names still resolve, unknown ones are refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LunStudioError } from '../../electron/contract/errors';
import { openTestSim, type TestSim } from './helpers/real-provider';

let sim: TestSim;
beforeAll(async () => {
  sim = await openTestSim();
});
afterAll(() => sim.close());

async function rejection(promise: Promise<unknown>): Promise<LunStudioError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LunStudioError);
  return error as LunStudioError;
}

describe('listAllDrives', () => {
  it('gives every subsystem the drives listDrives gives it, keyed by id in subsystem order, in one call', async () => {
    const subsystems = await sim.provider.listSubsystems();
    sim.resetCalls();
    const all = await sim.provider.listAllDrives();
    expect(sim.calls).toEqual({ listAllDrives: 1 });
    expect(Object.keys(all)).toEqual(subsystems.map((s) => s.id));
    for (const s of subsystems) {
      expect(all[s.id]).toEqual(await sim.provider.listDrives(s.id));
      expect(all[s.id]!.length).toBe(s.driveCount);
      expect(all[s.id]!.every((d) => d.subsystemId === s.id)).toBe(true);
    }
  });

  it('shows a change made through the facade at once (nothing stale is served)', async () => {
    const [subsystem] = await sim.provider.listSubsystems();
    const drive = (await sim.provider.listAllDrives())[subsystem!.id]![0]!;
    await sim.provider.identifyDrive({ subsystemId: subsystem!.id, driveId: drive.id, on: true });
    const after = (await sim.provider.listAllDrives())[subsystem!.id]!.find((d) => d.id === drive.id);
    expect(after?.identifying).toBe(true);
    await sim.provider.identifyDrive({ subsystemId: subsystem!.id, driveId: drive.id, on: false });
    const off = (await sim.provider.listAllDrives())[subsystem!.id]!.find((d) => d.id === drive.id);
    expect(off?.identifying).toBeUndefined();
  });

  it('on a closed provider rejects with code, hresult and message', async () => {
    const other = await sim.reopen();
    await other.close();
    const error = await rejection(other.listAllDrives());
    expect(error.toJSON()).toMatchObject({ code: 'VDS_E_OBJECT_DELETED', hresult: 0x8004240b });
    expect(error.message).toMatch(/closed/);
  });
});

describe('reads of one subsystem', () => {
  it('by id cost no subsystem list: listDrives, listLuns and listExtents go straight to the provider', async () => {
    const [subsystem] = await sim.provider.listSubsystems();
    sim.resetCalls();
    await sim.provider.listDrives(subsystem!.id);
    await sim.provider.listLuns(subsystem!.id);
    await sim.provider.listExtents(subsystem!.id);
    expect(sim.calls).toEqual({ listDrives: 1, listLuns: 1, listExtents: 1 });
  });

  it('by name (any case) or by an id in another case resolve to the same subsystem', async () => {
    const subsystems = await sim.provider.listSubsystems();
    for (const s of subsystems) {
      const byId = await sim.provider.listDrives(s.id);
      expect(await sim.provider.listDrives(s.name.toUpperCase())).toEqual(byId);
      expect(await sim.provider.listDrives(s.id.toLowerCase())).toEqual(byId);
    }
  });

  it('refuses a subsystem that does not exist with VDS_E_OBJECT_NOT_FOUND naming the field', async () => {
    for (const read of [
      () => sim.provider.listDrives('No Such Array'),
      () => sim.provider.listLuns('{00000000-0000-0000-0000-000000000000}'),
      () => sim.provider.listExtents('No Such Array'),
    ]) {
      const error = await rejection(read());
      expect(error.toJSON()).toMatchObject({
        code: 'VDS_E_OBJECT_NOT_FOUND',
        hresult: 0x80042405,
        field: 'subsystem',
      });
      expect(error.message).toMatch(
        /^subsystem: no subsystem has the id or name ".+" \(there are: "Test Array"/,
      );
    }
  });
});
