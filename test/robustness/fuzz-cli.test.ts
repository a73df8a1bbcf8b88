// Property-based fuzzing of the command line (electron/host/cli): argument vectors built from the real
// vocabulary (commands, options, sizes, subsystem names) mixed with garbage.
//  - parseArgs: returns a parse or throws a typed error (code, hresult, message) — nothing else;
//  - run(): the whole program over the REAL simulator: exit code 0/1/2, every failure printed as
//    "error: … (CODE 0xHRESULT)", and the state file byte-identical after every run that did not create.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../electron/host/cli/args';
import { run, type CliIo } from '../../electron/host/cli/main';
import { openProvider } from '../../native/lib/index';
import { GiB, testArray, tempSim, type TempSim } from '../native/helpers/topologies';
import { report, tally, typedProblem } from './fuzz-report';

// The test arrays initialise at 1 TiB/s, so generated creations (even `--size max`) finish in milliseconds.
const FAST = { initRateBytesPerSec: 1024 * GiB };
const TOPOLOGY = {
  subsystems: [
    testArray('Test Array', FAST),
    testArray('Raid Array', {
      ...FAST,
      supportedTypes: ['simple', 'mirror', 'raid10', 'raid6', 'auto', 'faultTolerant'],
    }),
  ],
};
const PARSE_RUNS = 3000;
const RUN_RUNS = 1000;

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('subsystems', 'drives', 'luns', 'max-size', 'create-lun', 'help') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '--type',
      '--size',
      '--drives',
      '--stripe-size',
      '--unmask',
      '--count',
      '--json',
      '--provider',
      '--help',
      '-h',
      '-V',
      '--version',
      '--',
      '-',
      '--type=',
      '--size=max',
      '--count=0',
      '--nope',
      '--json=1',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'Test Array',
      'test array',
      'Raid Array',
      'Disk 0',
      'Disk 1,Disk 2',
      'Disk 8',
      'Disk 9',
      'simple',
      'mirror',
      'stripe',
      'parity',
      'raid10',
      'auto',
      'span',
      '1GiB',
      '0',
      '-1',
      'max',
      '1.5TB',
      '64KiB',
      '99999999PiB',
      '1e3',
      '*',
      'iqn.1991-05.com.microsoft:h1',
      'sim',
      'vds',
      '',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const sometimesWrong = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: good }, fc.string({ maxLength: 10 }));
const SIZE_ONLY = new Set(['--size', '--unmask', '--count']);
/** Well-formed shapes: COMMAND SUBSYSTEM --OPTION VALUE… (each option once, fitting the command), with
 * mostly real values: deep enough to reach the simulator, wrong often enough to be rejected there. */
const command = fc
  .tuple(
    fc.constantFrom('max-size', 'create-lun', 'create-lun'),
    fc.constantFrom('Test Array', 'raid array', 'Test Array', 'Nope'),
    fc.record(
      {
        '--type': sometimesWrong(
          fc.constantFrom('simple', 'mirror', 'stripe', 'parity', 'raid10', 'auto', 'span'),
        ),
        '--size': sometimesWrong(fc.constantFrom('1GiB', '256MiB', 'max', '200GiB', '1.5TB', '64KiB', '1e3')),
        '--drives': sometimesWrong(
          fc.constantFrom('Disk 0,Disk 1', 'Disk 0', 'Disk 8', 'Disk 9', 'Disk 2,Disk 3,Disk 4'),
        ),
        '--stripe-size': sometimesWrong(fc.constantFrom('64KiB', '128KiB', '1MiB', '4KiB')),
        '--unmask': sometimesWrong(
          fc.constantFrom('*', '', 'iqn.1991-05.com.microsoft:h1;iqn.1991-05.com.microsoft:h2'),
        ),
        '--count': sometimesWrong(fc.constantFrom('1', '2', '65')),
      },
      { requiredKeys: ['--type', '--size'] },
    ),
    fc.boolean(),
  )
  .map(([name, subsystem, options, json]) => [
    name,
    subsystem,
    ...Object.entries(options)
      .filter(([option]) => name === 'create-lun' || !SIZE_ONLY.has(option))
      .flat(),
    ...(json ? ['--json'] : []),
  ]);
const argv = fc.oneof(fc.array(token, { maxLength: 9 }), { weight: 3, arbitrary: command });

let providerOpens = 0;

function memoryIo(sim: TempSim): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => void (out += text) },
    stderr: { write: (text: string) => void (err += text) },
    isTTY: false,
    env: { LUN_STUDIO_HOME: sim.dir }, // its owner lock, journal and control endpoint: this test's own
    platform: 'linux',
    cwd: sim.dir,
    onInterrupt: () => () => undefined,
    // Every sim run uses this test's state file, whatever --sim-state said.
    openProvider: (options) => (
      (providerOpens += 1),
      openProvider(
        options.provider === 'sim'
          ? { ...options, simStatePath: sim.statePath, simTopologyPath: sim.topologyPath, pollIntervalMs: 20 }
          : options,
      )
    ),
    out: () => out,
    err: () => err,
  };
}

describe('fuzz: command line', () => {
  let sim: TempSim;
  beforeAll(async () => {
    sim = await tempSim(TOPOLOGY);
  });
  afterAll(() => sim.cleanup());

  it(`parseArgs: ${PARSE_RUNS} generated argument vectors parse or throw a typed error`, () => {
    const t = tally('CLI parseArgs');
    fc.assert(
      fc.property(argv, (args) => {
        t.inputs += 1;
        let parsed;
        try {
          parsed = parseArgs(args);
        } catch (error) {
          t.rejected += 1;
          expect(typedProblem(error), args.join(' ')).toBeUndefined();
          return;
        }
        t.accepted += 1;
        expect(['help', 'version', 'command']).toContain(parsed.kind);
      }),
      { numRuns: PARSE_RUNS, seed: 1125 },
    );
    report(t);
    expect(t.inputs).toBe(PARSE_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it(`run: ${RUN_RUNS} generated command lines over the real simulator; failures typed, state unchanged`, async () => {
    const first = memoryIo(sim);
    expect(await run(['subsystems'], first), first.err()).toBe(0); // creates the state file from the topology
    const t = tally('CLI run (real simulator)');
    let created = 0;
    let partial = 0;
    providerOpens = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        t.inputs += 1;
        const before = await readFile(sim.statePath);
        const io = memoryIo(sim);
        const code = await run(args, io);
        const after = await readFile(sim.statePath);
        const where = `lun-studio ${JSON.stringify(args)} → ${code}\n${io.err()}`;
        expect([0, 1, 2], where).toContain(code);
        if (code === 0) {
          t.accepted += 1;
          if (!after.equals(before)) {
            expect(args, where).toContain('create-lun'); // only a creation may change the array
            created += 1;
          }
          return;
        }
        t.rejected += 1;
        expect(io.err(), where).toMatch(/^error: .+ \([A-Z][A-Z0-9_]+ 0x[0-9A-F]{8}\)$/m);
        expect(io.err(), where).not.toMatch(/Unexpected failure/);
        if (!after.equals(before)) {
          // Only a batch may change the array and still fail: its first LUNs were created, a later one
          // did not fit. The user must be told which ones exist.
          const count = Number(args[args.indexOf('--count') + 1]);
          expect(args.includes('create-lun') && args.includes('--count') && count > 1, where).toBe(true);
          expect(io.out() + io.err(), where).toMatch(/LUN/);
          partial += 1;
        }
      }),
      { numRuns: RUN_RUNS, seed: 2511 },
    );
    report(t);
    console.log(
      `fuzz: CLI run: ${providerOpens} runs opened the simulator, ${created} created LUNs, ` +
        `${partial} batches created some LUNs before one did not fit`,
    );
    expect(providerOpens).toBeGreaterThan(RUN_RUNS / 10); // deep enough to reach the provider
    expect(t.inputs).toBe(RUN_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });
});
