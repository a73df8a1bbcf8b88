import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/host/cli/main';
import type { OpenProviderOptions } from '../../../native/lib/types';
import {
  FakeProvider,
  GiB,
  jsonLines,
  lunFor,
  quickCreate,
  subsystem,
  testIo,
  vdsError,
} from './fake-provider';

const NOT_ENOUGH_SPACE = 0x8004240f;
const CANCELED = 0x8004240d;

describe('run: listing', () => {
  it('prints the subsystems as one JSON array, exactly as the provider gave them', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(await run(['subsystems', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual(provider.subsystems);
    expect(io.err).toBe('');
    expect(provider.closed).toBe(true);
  });

  it('prints a table under a header naming the provider and its state file', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(await run(['subsystems'], io)).toBe(0);
    const lines = io.out.split('\n');
    expect(lines[0]).toBe('Provider: simulated array (state: /fake/sim-state.json)');
    expect(lines[2]).toMatch(/^ {2}Name +Status +Health +Types +Capacity +Free +Drives +LUNs +ID$/);
    expect(io.out).toMatch(
      /Contoso Array A +Online +Healthy +simple,span,stripe,mirror,parity +200 GiB +200 GiB +2 +0 +1111/,
    );
  });

  it('finds a subsystem by case-insensitive name and lists its drives DiskRAID style', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(await run(['drives', 'contoso ARRAY a'], io)).toBe(0);
    expect(io.out).toMatch(/Drive ### +Name +Status +Health +Size +Free +Bus +Slot +Flags +ID/);
    expect(io.out).toMatch(/Drive 1 +Bay 01 +Online +Healthy +100 GiB +100 GiB +0 +1 +Unassigned +drive-1/);
  });

  it('lists LUNs with drive names and a readable unmasking list', async () => {
    const provider = new FakeProvider();
    provider.luns = [
      {
        ...lunFor(
          {
            subsystemId: provider.subsystems[0]!.id,
            type: 'span',
            sizeBytes: 3 * GiB,
            driveIds: ['drive-0', 'drive-1'],
          },
          1,
        ),
        unmaskingList: '*',
      },
    ];
    const io = testIo(provider);
    expect(await run(['luns', provider.subsystems[0]!.id], io)).toBe(0);
    expect(io.out).toMatch(/LUN 1 +span +3 GiB +Online +Healthy +all hosts +Bay 00, Bay 01 +lun-1/);
  });

  it('refuses an ambiguous name and an unknown subsystem with exit 2, naming SUBSYSTEM', async () => {
    const provider = new FakeProvider();
    provider.subsystems = [
      subsystem(),
      subsystem({ id: '22222222-2222-2222-2222-222222222222', name: 'CONTOSO array a' }),
    ];
    const ambiguous = testIo(provider);
    expect(await run(['luns', 'Contoso Array A'], ambiguous)).toBe(2);
    expect(ambiguous.err).toMatch(
      /^error: SUBSYSTEM: "Contoso Array A" names several subsystems.*\(E_INVALIDARG 0x80070057\)$/m,
    );
    const unknown = testIo(provider);
    expect(await run(['luns', 'Nope'], unknown)).toBe(2);
    expect(unknown.err).toMatch(
      /^error: SUBSYSTEM: no subsystem .*"Nope".*\(VDS_E_OBJECT_NOT_FOUND 0x80042405\)$/m,
    );
    expect(unknown.out).toBe('');
  });
});

describe('run: input checks', () => {
  it('checks values before opening the provider and points at --help for usage errors', async () => {
    const provider = new FakeProvider();
    const bad = testIo(provider);
    expect(await run(['create-lun', 'A', '--type', 'simple', '--size', '1.5'], bad)).toBe(2);
    expect(bad.err).toBe('error: --size: "1.5" is not a whole number of bytes (E_INVALIDARG 0x80070057)\n');
    const usage = testIo(provider);
    expect(await run(['create-lun', 'A', '--tpye', 'simple'], usage)).toBe(2);
    expect(usage.err).toContain(
      'error: --tpye: unknown option (E_INVALIDARG 0x80070057)\nRun `lun-studio --help` for usage.',
    );
    expect(bad.opened + usage.opened).toBe(0);
  });

  it('refuses sim options with the vds provider', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['--provider', 'vds', '--sim-state', 'x.json', 'subsystems'], io)).toBe(2);
    expect(io.err).toMatch(/--sim-state: applies only to --provider sim/);
  });

  it('passes the state and topology paths resolved against the working directory, else from the environment', async () => {
    const seen: OpenProviderOptions[] = [];
    const provider = new FakeProvider();
    const open = async (options: OpenProviderOptions) => (seen.push(options), provider);
    const first = testIo(provider, { openProvider: open });
    await run(['--sim-state', 'state.json', '--sim-topology', '/t/topo.json', 'subsystems'], first);
    const second = testIo(provider, { openProvider: open, env: { LUN_STUDIO_SIM_STATE: 'env.json' } });
    await run(['subsystems'], second);
    await run(['subsystems'], testIo(provider, { openProvider: open, platform: 'win32' }));
    expect(seen).toEqual([
      { provider: 'sim', simStatePath: path.join(first.cwd, 'state.json'), simTopologyPath: '/t/topo.json' },
      { provider: 'sim', simStatePath: path.join(second.cwd, 'env.json') },
      { provider: 'vds' },
    ]);
  });

  it('names the option when the facade rejects a request field', async () => {
    const provider = new FakeProvider();
    provider.maxLunSize = async () => {
      throw vdsError(
        'E_INVALIDARG',
        0x80070057,
        'hints.stripeSizeBytes: applies only to striped types',
        'hints.stripeSizeBytes',
      );
    };
    const io = testIo(provider);
    // A stripe type passes the CLI's own checks (a mirror with --stripe-size is refused before the provider
    // opens: test/native/same-rules.test.ts), so the rejection here is the facade's.
    expect(await run(['max-size', 'Contoso Array A', '--type', 'stripe', '--stripe-size', '64KiB'], io)).toBe(
      2,
    );
    expect(io.err).toMatch(
      /^error: --stripe-size: hints.stripeSizeBytes: applies only to striped types \(E_INVALIDARG 0x80070057\)$/m,
    );
  });

  it('checks --stripe-size against the sizes the subsystem offers', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['max-size', 'Contoso Array A', '--type', 'stripe', '--stripe-size', '1MiB'], io)).toBe(
      2,
    );
    expect(io.err).toMatch(
      /--stripe-size: 1 MiB is not a stripe size of "Contoso Array A" \(supported: 64 KiB, 128 KiB\)/,
    );
  });

  it('resolves --drives by name or id, in order, and refuses the same drive twice', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(
      await run(
        ['max-size', 'Contoso Array A', '--type', 'span', '--drives', 'bay 01,drive-0', '--json'],
        io,
      ),
    ).toBe(0);
    expect(provider.maxRequests[0]?.driveIds).toEqual(['drive-1', 'drive-0']);
    expect(JSON.parse(io.out)).toEqual({ maxBytes: 150 * GiB });
    const twice = testIo(provider);
    expect(
      await run(['max-size', 'Contoso Array A', '--type', 'span', '--drives', 'Bay 00,drive-0'], twice),
    ).toBe(2);
    expect(twice.err).toMatch(/--drives: drive "Bay 00" \(drive-0\) is listed more than once/);
  });
});

describe('run: create-lun', () => {
  it('prints started, progress and done events with operationId and index', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(
      await run(
        ['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '10GiB', '--unmask', '*', '--json'],
        io,
      ),
    ).toBe(0);
    const events = jsonLines(io.out);
    expect(events.map((e) => e.event)).toEqual(['started', 'progress', 'progress', 'progress', 'done']);
    // The id is the owner's operation id: the one its journal and progress monitor show.
    const id = events[0]?.operationId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(events.every((e) => e.operationId === id && e.index === 0)).toBe(true);
    expect(events.slice(1, 4).map((e) => e.percent)).toEqual([0, 50, 100]);
    expect(events[4]?.lun).toMatchObject({ id: 'lun-1', sizeBytes: 10 * GiB, unmaskingList: '*' });
    expect(provider.createRequests[0]).toMatchObject({
      sizeBytes: 10 * GiB,
      type: 'simple',
      unmaskingList: '*',
    });
  });

  it('--size max with --count asks maxLunSize once and creates N LUNs of that size when N of it fit', async () => {
    const provider = new FakeProvider();
    provider.maxBytes = 40 * GiB;
    const io = testIo(provider);
    expect(
      await run(
        ['create-lun', 'Contoso Array A', '--type', 'simple', '--size', 'max', '--count', '3', '--json'],
        io,
      ),
    ).toBe(0);
    expect(provider.maxRequests).toHaveLength(1);
    expect(provider.createRequests.map((r) => r.sizeBytes)).toEqual([40 * GiB, 40 * GiB, 40 * GiB]);
    const done = jsonLines(io.out).filter((e) => e.event === 'done');
    expect(done.map((e) => e.index).sort()).toEqual([0, 1, 2]);
    expect(new Set(done.map((e) => e.operationId)).size).toBe(3);
  });

  it('--size max with --count is refused (exit 2, nothing started) when N LUNs of the largest size do not fit', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(
      await run(['create-lun', 'Contoso Array A', '--type', 'stripe', '--size', 'max', '--count', '2'], io),
    ).toBe(2);
    expect(io.err).toMatch(
      /^error: --count: only 1 of 2 stripe LUNs of 150 GiB \(the largest possible size for one LUN\) fit in the free space \(200 GiB free on the usable drives\); nothing was started; give --size a size that all of them can have \(E_INVALIDARG 0x80070057\)$/m,
    );
    expect(provider.createRequests).toHaveLength(0);
  });

  it('a LUN failing in the middle of a batch stops none of the others: exit 1, the summary says 2 of 3', async () => {
    const provider = new FakeProvider();
    provider.createBehaviour = async (request, options, call) => {
      if (call === 2)
        throw vdsError('VDS_E_NOT_ENOUGH_SPACE', NOT_ENOUGH_SPACE, 'There is not enough free space.');
      return quickCreate(request, options, call);
    };
    const io = testIo(provider);
    expect(
      await run(
        ['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GB', '--count', '3', '--json'],
        io,
      ),
    ).toBe(1);
    const events = jsonLines(io.out);
    const failed = events.filter((e) => e.event === 'error');
    expect(failed).toEqual([
      {
        event: 'error',
        code: 'VDS_E_NOT_ENOUGH_SPACE',
        hresult: '0x8004240F',
        message: 'There is not enough free space.',
        kind: 'createLun',
        operationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        index: 1,
      },
    ]);
    const done = events.filter((e) => e.event === 'done');
    expect(done.map((e) => e.index).sort()).toEqual([0, 2]);
    expect(provider.createRequests).toHaveLength(3);
    expect(io.err).toMatch(
      /^error: LUN 2\/3: There is not enough free space. \(VDS_E_NOT_ENOUGH_SPACE 0x8004240F\)$/m,
    );
    expect(io.err).toMatch(/^2 of 3 LUNs created, 1 failed\.$/m);
    // One request to the owner: the three operations are one batch in its journal, like the wizard's.
    const journal = jsonLines(fs.readFileSync(path.join(io.env.LUN_STUDIO_HOME!, 'journal.ndjson'), 'utf8'));
    const batchIds = new Set(journal.map((line) => (line.op as { batchId?: string }).batchId));
    expect(batchIds.size).toBe(1);
    expect([...batchIds][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('runs up to 4 at a time with the rest queued; Ctrl-C cancels every one, waits for the provider, exits 130', async () => {
    const provider = new FakeProvider();
    let running = 0;
    let allRunning: () => void = () => undefined;
    const fourRunning = new Promise<void>((resolve) => (allRunning = resolve));
    let answered = 0;
    provider.createBehaviour = (_request, options) =>
      new Promise((_resolve, reject) => {
        options.onStarted?.('op-slow');
        options.onProgress?.({ percent: 12 });
        running += 1;
        if (running === 4) allRunning();
        options.signal?.addEventListener('abort', () => {
          setTimeout(() => {
            answered += 1;
            reject(vdsError('VDS_E_OPERATION_CANCELED', CANCELED, 'The operation was canceled.'));
          }, 50);
        });
      });
    const io = testIo(provider);
    const exit = run(
      ['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GB', '--count', '6', '--json'],
      io,
    );
    await fourRunning;
    await new Promise((resolve) => setTimeout(resolve, 150));
    io.interrupt();
    io.interrupt();
    expect(answered).toBe(0);
    expect(await exit).toBe(130);
    expect(answered).toBe(4);
    const events = jsonLines(io.out);
    const byIndex = (index: number): unknown[] => events.filter((e) => e.index === index).map((e) => e.event);
    for (const index of [0, 1, 2, 3]) expect(byIndex(index)).toEqual(['started', 'progress', 'canceled']);
    for (const index of [4, 5]) expect(byIndex(index)).toEqual(['queued', 'canceled']);
    for (const index of [0, 1, 2, 3, 4, 5]) {
      const ids = new Set(events.filter((e) => e.index === index).map((e) => e.operationId));
      expect(ids.size).toBe(1);
      expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(events.find((e) => e.index === index && e.event === 'canceled')).toEqual({
        event: 'canceled',
        kind: 'createLun',
        operationId: [...ids][0],
        index,
      });
    }
    expect(io.err).toMatch(/Canceling/);
    expect(io.err).toMatch(/Still waiting for the provider/);
    expect(io.err).toMatch(/^Canceled: LUN 1\/6 was rolled back by the provider\.$/m);
    expect(io.err).toMatch(/^Canceled: LUN 6\/6 was not started\.$/m);
    expect(io.err).toMatch(/^0 of 6 LUNs created, 6 canceled\.$/m);
    expect(provider.createRequests).toHaveLength(4);
    expect(provider.closed).toBe(true);
  });

  it('a third Ctrl-C stops waiting for a provider that never answers', async () => {
    const provider = new FakeProvider();
    provider.createBehaviour = (_request, options) =>
      new Promise(() => {
        options.onStarted?.('op-hung');
      });
    const io = testIo(provider);
    const exit = run(['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GB', '--json'], io);
    await new Promise((resolve) => setTimeout(resolve, 10));
    io.interrupt();
    io.interrupt();
    io.interrupt();
    expect(await exit).toBe(130);
    expect(jsonLines(io.out).at(-1)).toMatchObject({ event: 'canceled', confirmed: false });
  });

  it('reports a cancel that came too late as the created LUN', async () => {
    const provider = new FakeProvider();
    provider.createBehaviour = (request, options) =>
      new Promise((resolve) => {
        options.onStarted?.('op-late');
        options.signal?.addEventListener('abort', () => resolve(lunFor(request, 1)));
      });
    const io = testIo(provider);
    const exit = run(['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GB', '--json'], io);
    await new Promise((resolve) => setTimeout(resolve, 10));
    io.interrupt();
    expect(await exit).toBe(0);
    expect(jsonLines(io.out).at(-1)).toMatchObject({ event: 'done', lun: { id: 'lun-1' } });
    expect(io.err).toMatch(/cancel came too late/);
  });

  it('without --json prints progress lines when not on a terminal, then the created LUNs', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(
      await run(
        ['create-lun', 'Contoso Array A', '--type', 'span', '--size', '2GiB', '--drives', 'Bay 00,Bay 01'],
        io,
      ),
    ).toBe(0);
    expect(io.out).toContain('Creating a span LUN of 2 GiB on Contoso Array A');
    expect(io.out).toMatch(/^LUN +0% /m);
    expect(io.out).toMatch(/^LUN +50% /m);
    expect(io.out).toMatch(/^LUN created: LUN 1 \(span, 2 GiB\) in \d+:\d\d$/m);
    expect(io.out).toMatch(/LUN 1 +span +2 GiB +Online +Healthy +none +Bay 00, Bay 01 +lun-1/);
    expect(io.out).not.toContain('\r');
  });

  it('a single LUN on a terminal redraws its bar in place', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider, { isTTY: true });
    expect(await run(['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GiB'], io)).toBe(0);
    expect(io.out).toMatch(/\rLUN \[█{15}░{15}\] {2}50%/);
    expect(io.out).toMatch(/\rLUN \[█{30}\] 100%/);
    expect(io.out).toMatch(/LUN created: LUN 1/);
  });

  it('a batch on a terminal: one progress line for the batch, a line per LUN as it ends, the summary', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider, { isTTY: true });
    expect(
      await run(['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GiB', '--count', '6'], io),
    ).toBe(0);
    expect(io.out).toMatch(/\r6 LUNs: 0 done, 4 running, 2 queued · (--|\d+) % · ETA /);
    expect(io.out).toMatch(/\r6 LUNs: 4 done, 2 running, 0 queued · \d+ % · ETA /);
    expect(io.out).toMatch(/\r6 LUNs: 6 done, 0 running, 0 queued · 100 % · ETA 0:00/);
    for (const n of [1, 2, 3, 4, 5, 6]) expect(io.out).toMatch(new RegExp(`LUN ${n}/6 created: LUN \\d`));
    expect(io.out).toMatch(/^6 of 6 LUNs created$/m);
    expect(io.out).not.toMatch(/\[█/); // no per-LUN bars
  });

  it('a batch off a terminal prints a line per LUN as it ends and the summary, no progress', async () => {
    const provider = new FakeProvider();
    const io = testIo(provider);
    expect(
      await run(['create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GiB', '--count', '3'], io),
    ).toBe(0);
    const ended = io.out.split('\n').filter((line) => / created: /.test(line));
    expect(ended.map((line) => line.replace(/^(LUN \d\/3) .*/, '$1')).sort()).toEqual([
      'LUN 1/3',
      'LUN 2/3',
      'LUN 3/3',
    ]);
    expect(io.out).toMatch(/^3 of 3 LUNs created$/m);
    expect(io.out).not.toMatch(/%/);
    expect(io.out).not.toContain('\r');
    expect(io.out).toMatch(/LUN 3 +simple +1 GiB +Online/);
  });
});

describe('run: help and version', () => {
  it('prints usage and exits 0 without opening the provider', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: lun-studio \[--provider sim\|vds\]/);
    const topic = testIo(new FakeProvider());
    expect(await run(['help', 'create-lun'], topic)).toBe(0);
    expect(topic.out).toMatch(/--count N/);
    expect(io.opened + topic.opened).toBe(0);
  });

  it('prints the package version', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^lun-studio \d+\.\d+\.\d+\n$/);
  });
});
