// End to end through the real addon: listing subsystems, drives, LUNs and the largest LUN size.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DRIVE_FLAGS,
  DRIVE_STATUSES,
  HEALTHS,
  LUN_TYPES,
  SUBSYSTEM_STATUSES,
  type Drive,
  type Subsystem,
} from '../../electron/contract/model';
import {
  GiB,
  drives,
  ensureBuilt,
  removeTempDirs,
  runCli,
  simArgs,
  tempDir,
  writeTopology,
} from './cli-harness';

let sim: string[];

afterAll(removeTempDirs);

beforeAll(async () => {
  await ensureBuilt();
  const dir = tempDir('inventory');
  const topology = writeTopology(dir, [
    {
      name: 'Contoso Array A',
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      initRateBytesPerSec: 1024 * GiB,
      drives: drives(4, 64 * GiB),
    },
    {
      name: 'Basic Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 1024 * GiB,
      drives: drives(1, 32 * GiB),
    },
  ]);
  sim = simArgs(path.join(dir, 'state.json'), topology);
  // One run creates the state file, so the concurrent runs below all read the same ids.
  expect((await runCli([...sim, 'subsystems', '--json'])).code).toBe(0);
});

describe('lun-studio listing (real addon, simulated array)', () => {
  it('subsystems --json prints one array with every field of the object model', async () => {
    const { code, stdout, stderr } = await runCli([...sim, 'subsystems', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const subsystems = JSON.parse(stdout) as Subsystem[];
    expect(subsystems.map((s) => s.name)).toEqual(['Contoso Array A', 'Basic Array']);
    const [array] = subsystems;
    expect(Object.keys(array!).sort()).toEqual(
      [
        'id',
        'name',
        'identification',
        'status',
        'health',
        'supportedTypes',
        'stripeSizes',
        'maskingCapable',
        'driveCount',
        'lunCount',
        'capacityBytes',
        'freeBytes',
      ].sort(),
    );
    expect(array!.supportedTypes).toEqual(
      expect.arrayContaining(['simple', 'span', 'stripe', 'mirror', 'parity']),
    );
    expect(subsystems[1]!.supportedTypes).toContain('simple');
    expect(subsystems[1]!.supportedTypes).not.toContain('mirror');
    expect(array).toMatchObject({
      status: 'online',
      health: 'healthy',
      stripeSizes: [65536, 131072, 262144, 1048576],
      maskingCapable: true,
      driveCount: 4,
      lunCount: 0,
      capacityBytes: 256 * GiB,
      freeBytes: 256 * GiB,
    });
    for (const subsystem of subsystems) {
      expect(subsystem.id).toMatch(/\S/);
      expect(typeof subsystem.identification).toBe('string');
      expect(SUBSYSTEM_STATUSES).toContain(subsystem.status);
      expect(HEALTHS).toContain(subsystem.health);
      for (const type of subsystem.supportedTypes) expect(LUN_TYPES).toContain(type);
    }
  });

  it('drives --json lists the drives with sizes in bytes; the table shows the DiskRAID columns', async () => {
    const [json, table] = await Promise.all([
      runCli([...sim, 'drives', 'contoso array a', '--json']),
      runCli([...sim, 'drives', 'Contoso Array A']),
    ]);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as Drive[];
    expect(list.map((d) => d.name)).toEqual(['Bay 00', 'Bay 01', 'Bay 02', 'Bay 03']);
    for (const drive of list) {
      expect(drive).toMatchObject({
        sizeBytes: 64 * GiB,
        freeBytes: 64 * GiB,
        bus: 0,
        status: 'online',
        health: 'healthy',
      });
      expect(DRIVE_STATUSES).toContain(drive.status);
      for (const flag of drive.flags) expect(DRIVE_FLAGS).toContain(flag);
    }
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^Provider: simulated array \(state: .*state\.json\)$/);
    expect(table.stdout).toMatch(/^ {2}Drive ### +Name +Status +Health +Size +Free +Bus +Slot +Flags +ID$/m);
    expect(table.stdout).toMatch(/^ {2}Drive 3 +Bay 03 +Online +Healthy +64 GiB +64 GiB +0 +3 +.*\S$/m);
  });

  it('subsystems prints an aligned table: every row has each column at the same place', async () => {
    const { code, stdout } = await runCli([...sim, 'subsystems']);
    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(rows).toHaveLength(4);
    const freeEnd = (line: string): number => line.indexOf('Free') + 'Free'.length;
    const header = rows[0]!;
    expect(header).toMatch(/Name +Status +Health +Types +Capacity +Free +Drives +LUNs +ID/);
    expect(rows[2]!.slice(0, freeEnd(header))).toMatch(
      /Contoso Array A +Online +Healthy +simple,span,stripe,mirror,parity +256 GiB +256 GiB$/,
    );
    expect(rows[3]!.slice(0, freeEnd(header))).toMatch(
      /Basic Array +Online +Healthy +simple +32 GiB +32 GiB$/,
    );
  });

  it('luns of an empty subsystem: [] in JSON, (none) in the table', async () => {
    const [json, table] = await Promise.all([
      runCli([...sim, 'luns', 'Basic Array', '--json']),
      runCli([...sim, 'luns', 'Basic Array']),
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(table.stdout).toMatch(/Name +Type +Size +Status +Health +Unmasking +Drives +ID\n.*\n {2}\(none\)/);
  });

  it('max-size --json prints {"maxBytes":N} and matches the drives it was given', async () => {
    const [all, two, text] = await Promise.all([
      runCli([...sim, 'max-size', 'Contoso Array A', '--type', 'span', '--json']),
      runCli([
        ...sim,
        'max-size',
        'Contoso Array A',
        '--type',
        'span',
        '--drives',
        'Bay 00,Bay 01',
        '--json',
      ]),
      runCli([...sim, 'max-size', 'Contoso Array A', '--type', 'mirror', '--drives', 'Bay 02,Bay 03']),
    ]);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(`{"maxBytes":${256 * GiB}}\n`);
    expect(JSON.parse(two.stdout)).toEqual({ maxBytes: 128 * GiB });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `Largest mirror LUN on Contoso Array A (drives Bay 02, Bay 03):\n  64 GiB (${64 * GiB} bytes)`,
    );
  });

  it('--help, help COMMAND and --version exit 0 and print usage', async () => {
    const [help, topic, version] = await Promise.all([
      runCli(['--help']),
      runCli(['help', 'create-lun']),
      runCli(['--version']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lun-studio /);
    expect(topic.code).toBe(0);
    expect(topic.stdout).toMatch(/^Usage: lun-studio create-lun SUBSYSTEM --type TYPE --size SIZE\|max/);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^lun-studio \d+\.\d+\.\d+/);
  });
});
