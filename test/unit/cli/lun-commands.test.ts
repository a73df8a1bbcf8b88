// The commands on one LUN and `operations`, in-process over the one fake provider (through an owner, like every
// command): NDJSON events with their kind, the --yes refusals that change nothing, option checks before the
// provider is opened, Ctrl-C during an extend. (A LUN busy with another command's operation needs two processes:
// test/cli/lifecycle.test.ts.)
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/host/cli/main';
import type { Lun } from '../../../electron/contract/model';
import { FakeProvider, GiB, jsonLines, testIo } from './fake-provider';

const MiB = 2 ** 20;

function withLun(provider: FakeProvider, overrides: Partial<Lun> = {}): Lun {
  const lun: Lun = {
    id: 'lun-3',
    subsystemId: provider.subsystems[0]!.id,
    name: 'Data',
    identification: 'LUN-ID-3',
    type: 'simple',
    sizeBytes: 10 * GiB,
    status: 'online',
    health: 'healthy',
    unmaskingList: '',
    driveIds: ['drive-0'],
    ...overrides,
  };
  provider.luns.push(lun);
  return lun;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('lun-studio extend-lun / shrink-lun', () => {
  it('extend-lun --by streams NDJSON events with kind extendLun and ends with the LUN at its new size', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    const io = testIo(provider);
    expect(await run(['extend-lun', 'Contoso Array A', 'data', '--by', '1GiB', '--json'], io)).toBe(0);
    const events = jsonLines(io.out);
    expect(events.map((e) => e.event)).toEqual(['started', 'progress', 'progress', 'done']);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['extendLun']));
    expect(events.filter((e) => e.event === 'progress').map((e) => e.percent)).toEqual([0, 50]);
    expect(events.at(-1)).toMatchObject({ event: 'done', lun: { id: 'lun-3', sizeBytes: 11 * GiB } });
    expect(events[0]!.operationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(provider.lunOperations[0]!.request).toEqual({
      subsystemId: provider.subsystems[0]!.id,
      lunId: 'lun-3',
      bytesToAdd: GiB,
    });
  });

  it('extend-lun --to max takes what max-extend says; then max-extend says 0', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    provider.maxBytes = 5 * GiB;
    const before = testIo(provider);
    expect(await run(['max-extend', 'Contoso Array A', 'lun-3', '--json'], before)).toBe(0);
    expect(JSON.parse(before.out)).toEqual({ maxBytes: 5 * GiB });
    const io = testIo(provider);
    expect(await run(['extend-lun', 'Contoso Array A', 'lun-3', '--to', 'max'], io)).toBe(0);
    expect(io.out).toContain(
      'Extending LUN "Data" (lun-3) on Contoso Array A from 10 GiB to the maximum (15 GiB)',
    );
    expect(io.out).toMatch(/LUN "Data" extended: 10 GiB → 15 GiB \(16106127360 bytes\) in /);
    const after = testIo(provider);
    expect(await run(['max-extend', 'Contoso Array A', 'lun-3', '--json'], after)).toBe(0);
    expect(JSON.parse(after.out)).toEqual({ maxBytes: 0 });
  });

  it('shrink-lun without --yes says what would be lost, exits 2 and changes nothing', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    const io = testIo(provider);
    expect(await run(['shrink-lun', 'Contoso Array A', 'Data', '--by', '512MiB'], io)).toBe(2);
    expect(io.err).toContain(
      'shrinking LUN lun-3 ("Data") from 10 GiB to 9.5 GiB discards its last 512 MiB: shrink the file system on it first; add --yes to go ahead',
    );
    expect(provider.calls.shrinkLun).toBe(0);
    expect(provider.luns[0]!.sizeBytes).toBe(10 * GiB);
  });

  it('shrink-lun --yes shrinks and prints the done event with the new size', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    const io = testIo(provider);
    expect(
      await run(['shrink-lun', 'Contoso Array A', 'Data', '--to', '9.5GiB', '--yes', '--json'], io),
    ).toBe(0);
    expect(jsonLines(io.out).at(-1)).toMatchObject({
      event: 'done',
      kind: 'shrinkLun',
      lun: { sizeBytes: 10 * GiB - 512 * MiB },
    });
  });

  it('Ctrl-C during an extend cancels it: exit 130, the LUN keeps its size', async () => {
    const provider = new FakeProvider();
    provider.createBehaviour = undefined; // driven: it runs until the test (or a cancel) ends it
    withLun(provider);
    const io = testIo(provider);
    const exit = run(['extend-lun', 'Contoso Array A', 'Data', '--by', '1GiB', '--json'], io);
    await until(() => provider.lunOperations.length === 1);
    provider.lunOperations[0]!.progress(20);
    io.interrupt();
    expect(await exit).toBe(130);
    expect(provider.lunOperations[0]!.aborted).toBe(true);
    expect(jsonLines(io.out).at(-1)).toMatchObject({ event: 'canceled', kind: 'extendLun' });
    expect(provider.luns[0]!.sizeBytes).toBe(10 * GiB);
  });

  it('checks the options with the contract before anything is opened', async () => {
    const cases: [string[], RegExp][] = [
      [['extend-lun', 'A', 'L'], /^error: --by: is required: give exactly one of --by, --to, --to max/m],
      [
        ['extend-lun', 'A', 'L', '--by', '1GiB', '--to', '20GiB'],
        /^error: --to: cannot be combined with --by/m,
      ],
      [['extend-lun', 'A', 'L', '--by', '0'], /^error: --by: /m],
      [['extend-lun', 'A', 'L', '--by', '1GiB', '--drives', 'a,,b'], /^error: --drives: entry 2 is empty/m],
      [['shrink-lun', 'A', 'L', '--to', 'max', '--yes'], /^error: --to: "max" is not a size/m],
      [
        ['set-mask', 'A', 'L', '--unmask', 'host-1'],
        /^error: --unmask: entry 1 of 1 "host-1" is not an initiator/m,
      ],
      [['set-mask', 'A', 'L'], /^error: --unmask: is required by "set-mask"/m],
      [['delete-lun', 'A'], /^error: LUN: "delete-lun" needs a LUN/m],
      [['operations', '--kind', 'formatLun'], /^error: --kind: must be one of createLun, extendLun/m],
      [['operations', '--state', 'done'], /^error: --state: must be one of queued, running/m],
      [['luns', 'A', '--yes'], /^error: --yes: does not apply to "luns"/m],
    ];
    for (const [argv, message] of cases) {
      const provider = new FakeProvider();
      const io = testIo(provider);
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(io.err, argv.join(' ')).toMatch(message);
      expect(io.opened, argv.join(' ')).toBe(0);
    }
  });

  it('names an unknown or ambiguous LUN (exit 2)', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    withLun(provider, { id: 'lun-4' });
    let io = testIo(provider);
    expect(await run(['extend-lun', 'Contoso Array A', 'nope', '--by', '1GiB'], io)).toBe(2);
    expect(io.err).toMatch(/LUN: subsystem "Contoso Array A" has no LUN with the id or name "nope"/);
    io = testIo(provider);
    expect(await run(['extend-lun', 'Contoso Array A', 'data', '--by', '1GiB'], io)).toBe(2);
    expect(io.err).toMatch(
      /LUN: "data" names several LUNs; use the id of one: "Data" \(lun-3\), "Data" \(lun-4\)/,
    );
    expect(provider.calls.extendLun).toBe(0);
  });
});

describe('lun-studio delete-lun / set-mask / operations', () => {
  it('delete-lun without --yes says what would be lost, exits 2 and deletes nothing', async () => {
    const provider = new FakeProvider();
    withLun(provider, { unmaskingList: '*' });
    const io = testIo(provider);
    expect(await run(['delete-lun', 'Contoso Array A', 'Data'], io)).toBe(2);
    expect(io.err).toContain(
      'deleting LUN lun-3 ("Data") destroys all 10 GiB of data on it and takes it away from the hosts that see it (all hosts; that also needs --even-if-unmasked): add --yes to go ahead',
    );
    expect(provider.calls.deleteLun).toBe(0);
    expect(provider.luns).toHaveLength(1);
  });

  it('delete-lun --yes of an unmasked LUN is refused naming the hosts and --even-if-unmasked; with it, deleted', async () => {
    const provider = new FakeProvider();
    withLun(provider, { unmaskingList: 'iqn.1991-05.com.microsoft:host1' });
    const free = provider.maxBytes;
    let io = testIo(provider);
    expect(await run(['delete-lun', 'Contoso Array A', 'Data', '--yes'], io)).toBe(2);
    expect(io.err).toMatch(
      /^error: .*is unmasked to iqn\.1991-05\.com\.microsoft:host1.* \(E_LUN_UNMASKED 0x80042413\)$/m,
    );
    expect(io.err).toMatch(/^hint: Add --even-if-unmasked to delete it anyway/m);
    expect(provider.calls.deleteLun).toBe(0);

    io = testIo(provider);
    expect(
      await run(['delete-lun', 'Contoso Array A', 'Data', '--yes', '--even-if-unmasked', '--json'], io),
    ).toBe(0);
    const events = jsonLines(io.out);
    expect(events.map((e) => [e.event, e.kind])).toEqual([
      ['started', 'deleteLun'],
      ['done', 'deleteLun'],
    ]);
    expect(events[1]).toMatchObject({ lun: { id: 'lun-3', sizeBytes: 10 * GiB } });
    expect(provider.luns).toEqual([]);
    expect(provider.maxBytes).toBe(free + 10 * GiB);
  });

  it('set-mask sets the list, then "" takes every host away again', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    let io = testIo(provider);
    expect(
      await run(['set-mask', 'Contoso Array A', 'Data', '--unmask', 'iqn.1991-05.com.microsoft:host1'], io),
    ).toBe(0);
    expect(io.out).toContain(
      'Host access of LUN "Data" (lun-3) on Contoso Array A: none → iqn.1991-05.com.microsoft:host1',
    );
    expect(provider.luns[0]!.unmaskingList).toBe('iqn.1991-05.com.microsoft:host1');
    io = testIo(provider);
    expect(await run(['set-mask', 'Contoso Array A', 'Data', '--unmask', '', '--json'], io)).toBe(0);
    expect(jsonLines(io.out).at(-1)).toMatchObject({
      event: 'done',
      kind: 'setLunMask',
      lun: { unmaskingList: '' },
    });
    expect(provider.luns[0]!.unmaskingList).toBe('');
  });

  it('operations lists the history with --kind and --state filters', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    const io = testIo(provider);
    // One owner for all of them: the history lives in its journal (the same LUN_STUDIO_HOME).
    const again = (argv: string[]) => run(argv, { ...testIo(provider), env: io.env, cwd: io.cwd });
    expect(await again(['set-mask', 'Contoso Array A', 'Data', '--unmask', '*'])).toBe(0);
    expect(await again(['extend-lun', 'Contoso Array A', 'Data', '--by', '1GiB'])).toBe(0);
    expect(await run(['operations', '--json'], io)).toBe(0);
    const all = JSON.parse(io.out) as { kind: string; state: string; target: { name: string } }[];
    expect(all.map((op) => [op.kind, op.state, op.target.name])).toEqual([
      ['extendLun', 'succeeded', 'Data'],
      ['setLunMask', 'succeeded', 'Data'],
    ]);
    const only = testIo(provider, { env: io.env });
    expect(await run(['operations', '--kind', 'setLunMask', '--json'], only)).toBe(0);
    expect((JSON.parse(only.out) as { kind: string }[]).map((op) => op.kind)).toEqual(['setLunMask']);
    const table = testIo(provider, { env: io.env });
    expect(await run(['operations', '--state', 'succeeded'], table)).toBe(0);
    expect(table.out).toMatch(/Kind +LUN \/ drive +State +Progress +Started +Ended +Result +ID/);
    expect(table.out).toMatch(/extend LUN +Data +Succeeded +100 % .* 11 GiB +[0-9a-f-]{36}/);
  });

  it('operations --clear-finished forgets the finished history for good; --kind with it is refused', async () => {
    const provider = new FakeProvider();
    withLun(provider);
    const io = testIo(provider);
    const again = (argv: string[]) => {
      const next = testIo(provider, { env: io.env, cwd: io.cwd });
      return run(argv, next).then((code) => ({ code, out: next.out, err: next.err }));
    };
    expect((await again(['set-mask', 'Contoso Array A', 'Data', '--unmask', '*'])).code).toBe(0);
    expect((await again(['extend-lun', 'Contoso Array A', 'Data', '--by', '1GiB'])).code).toBe(0);

    const refused = await again(['operations', '--clear-finished', '--kind', 'extendLun']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^error: --kind: cannot be combined with --clear-finished/m);
    expect(JSON.parse((await again(['operations', '--json'])).out)).toHaveLength(2);

    const cleared = await again(['operations', '--clear-finished']);
    expect(cleared.code).toBe(0);
    expect(cleared.out).toContain('Cleared 2 finished operations; queued and running ones stay.');
    // A later command (a new owner reading the same journal) no longer sees them.
    expect(JSON.parse((await again(['operations', '--json'])).out)).toEqual([]);
    const none = await again(['operations', '--clear-finished', '--json']);
    expect(JSON.parse(none.out)).toEqual({ removed: 0 });
  });
});
