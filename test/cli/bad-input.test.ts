// End to end: every bad input exits 2, names the option or argument at fault, and leaves the state file alone.
//
// (An ambiguous subsystem name cannot be set up here: the simulator refuses duplicate names; see run.test.ts.)
// Decision: an unknown subsystem or drive is bad input too (exit 2, VDS_E_OBJECT_NOT_FOUND), like a bad size;
// exit 1 is kept for what the provider refuses or fails (not enough space or drives, unsupported type, faults).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GiB,
  drives,
  ensureBuilt,
  removeTempDirs,
  jsonLines,
  runAll,
  runCli,
  simArgs,
  tempDir,
  writeTopology,
} from './cli-harness';

let sim: string[];
let state: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  await ensureBuilt();
  const dir = tempDir('bad-input');
  const topology = writeTopology(dir, [
    {
      name: 'Contoso Array A',
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      initRateBytesPerSec: 1024 * GiB,
      drives: drives(4, 64 * GiB),
    },
  ]);
  state = path.join(dir, 'state.json');
  sim = simArgs(state, topology);
  expect((await runCli([...sim, 'subsystems'])).code).toBe(0);
});

const create = ['create-lun', 'Contoso Array A'];
const simple = [...create, '--type', 'simple'];
const sized = [...simple, '--size', '1GiB'];

/** [what, argv after the sim options, the option or argument the error must name, exit code, error code]. */
const BAD_INPUTS: [string, string[], string, number?, string?][] = [
  ['fraction of a byte', [...simple, '--size', '1.5'], '--size'],
  ['fraction of a byte with a unit', [...simple, '--size', '0.1KiB'], '--size'],
  ['unknown unit', [...simple, '--size', '10XB'], '--size'],
  ['bare K unit', [...simple, '--size', '10K'], '--size'],
  ['negative size', [...simple, '--size', '-5GB'], '--size'],
  ['zero size', [...simple, '--size', '0'], '--size'],
  ['words for a size', [...simple, '--size', 'abc'], '--size'],
  ['exponent notation', [...simple, '--size', '1e9'], '--size'],
  ['size beyond 2^53', [...simple, '--size', '99999PiB'], '--size'],
  ['empty size', [...simple, '--size', ''], '--size'],
  ['thousands separator', [...simple, '--size', '1,000GB'], '--size'],
  ['unknown type', [...create, '--type', 'raid5', '--size', '1GiB'], '--type'],
  ['empty type', [...create, '--type', '', '--size', '1GiB'], '--type'],
  [
    'unknown subsystem',
    ['create-lun', 'No Such Array', '--type', 'simple', '--size', '1GiB'],
    'SUBSYSTEM',
    2,
    'VDS_E_OBJECT_NOT_FOUND',
  ],
  ['empty subsystem', ['create-lun', '', '--type', 'simple', '--size', '1GiB'], 'SUBSYSTEM'],
  ['duplicate drives', [...sized, '--drives', 'Bay 00,Bay 00'], '--drives'],
  ['duplicate drives in other case', [...sized, '--drives', 'bay 01,BAY 01'], '--drives'],
  ['empty drive entry', [...sized, '--drives', 'Bay 00,,Bay 01'], '--drives'],
  ['unknown drive', [...sized, '--drives', 'Bay 99'], '--drives', 2, 'VDS_E_OBJECT_NOT_FOUND'],
  ['unmask: a plain host name', [...sized, '--unmask', 'host1'], '--unmask'],
  ['unmask: * with other entries', [...sized, '--unmask', '*;iqn.1991-05.com.microsoft:h1'], '--unmask'],
  ['unmask: 15 hex digits', [...sized, '--unmask', '0123456789ABCDE'], '--unmask'],
  ['unmask: IQN month 13', [...sized, '--unmask', 'iqn.1991-13.com.microsoft:h1'], '--unmask'],
  ['unmask: short EUI', [...sized, '--unmask', 'eui.0123'], '--unmask'],
  ['unmask: repeated initiator', [...sized, '--unmask', '0123456789abcdef;0123456789ABCDEF'], '--unmask'],
  [
    'stripe size not a power of two',
    [...create, '--type', 'stripe', '--size', '1GiB', '--stripe-size', '100KB'],
    '--stripe-size',
  ],
  [
    'stripe size the array lacks',
    [...create, '--type', 'stripe', '--size', '1GiB', '--stripe-size', '8MiB'],
    '--stripe-size',
  ],
  [
    'stripe size for a mirror',
    [...create, '--type', 'mirror', '--size', '1GiB', '--stripe-size', '64KiB'],
    '--stripe-size',
  ],
  ['count 0', [...sized, '--count', '0'], '--count'],
  ['count -1', [...sized, '--count', '-1'], '--count'],
  ['count abc', [...sized, '--count', 'abc'], '--count'],
  ['count 65', [...sized, '--count', '65'], '--count'],
  ['count 1.5', [...sized, '--count', '1.5'], '--count'],
  ['missing --size', [...simple], '--size'],
  ['missing --type', [...create, '--size', '1GiB'], '--type'],
  ['missing SUBSYSTEM', ['create-lun'], 'SUBSYSTEM'],
  ['option without its value', [...create, '--size', '1GiB', '--type'], '--type'],
  ['option followed by an option', [...create, '--type', '--size', '1GiB'], '--type'],
  ['unknown option', [...sized, '--bogus'], '--bogus'],
  ['unknown short option', [...sized, '-x'], '-x'],
  ['repeated option', [...sized, '--size', '2GiB'], '--size'],
  ['option of another command', ['drives', 'Contoso Array A', '--size', '1GiB'], '--size'],
  ['unknown command', ['make-lun', 'Contoso Array A'], 'COMMAND'],
  ['extra argument', ['luns', 'Contoso Array A', 'extra'], 'extra'],
  ['flag given a value', ['--json=yes', 'subsystems'], '--json'],
  ['unknown provider', ['--provider', 'foo', 'subsystems'], '--provider'],
  ['max-size with an unknown type', ['max-size', 'Contoso Array A', '--type', 'bogus'], '--type'],
  [
    'max-size of an unknown subsystem',
    ['max-size', 'Nope', '--type', 'simple'],
    'SUBSYSTEM',
    2,
    'VDS_E_OBJECT_NOT_FOUND',
  ],
  ['help for an unknown command', ['help', 'frobnicate'], 'COMMAND'],
  // the commands on one LUN (the option checks come before the LUN is looked up)
  ['extend without an amount', ['extend-lun', 'Contoso Array A', 'LUN 1'], '--by'],
  [
    'extend --by and --to',
    ['extend-lun', 'Contoso Array A', 'LUN 1', '--by', '1GiB', '--to', '9GiB'],
    '--to',
  ],
  ['extend by 0', ['extend-lun', 'Contoso Array A', 'LUN 1', '--by', '0'], '--by'],
  ['extend to words', ['extend-lun', 'Contoso Array A', 'LUN 1', '--to', 'lots'], '--to'],
  [
    'extend on a repeated drive',
    ['extend-lun', 'Contoso Array A', 'LUN 1', '--to', 'max', '--drives', 'a,a'],
    '--drives',
  ],
  ['shrink to max', ['shrink-lun', 'Contoso Array A', 'LUN 1', '--to', 'max', '--yes'], '--to'],
  [
    'shrink by a fraction of a byte',
    ['shrink-lun', 'Contoso Array A', 'LUN 1', '--by', '0.5', '--yes'],
    '--by',
  ],
  ['set-mask to a host name', ['set-mask', 'Contoso Array A', 'LUN 1', '--unmask', 'host1'], '--unmask'],
  ['set-mask without --unmask', ['set-mask', 'Contoso Array A', 'LUN 1'], '--unmask'],
  ['delete without a LUN', ['delete-lun', 'Contoso Array A', '--yes'], 'LUN'],
  [
    'extend of an unknown LUN',
    ['extend-lun', 'Contoso Array A', 'No LUN', '--by', '1GiB'],
    'LUN',
    2,
    'VDS_E_OBJECT_NOT_FOUND',
  ],
  [
    'max-extend of an unknown LUN',
    ['max-extend', 'Contoso Array A', 'No LUN'],
    'LUN',
    2,
    'VDS_E_OBJECT_NOT_FOUND',
  ],
  ['operations of an unknown kind', ['operations', '--kind', 'formatLun'], '--kind'],
  ['operations in an unknown state', ['operations', '--state', 'done'], '--state'],
];

describe('bad input (real addon, simulated array)', () => {
  it(`rejects each of ${BAD_INPUTS.length} bad inputs with exit 2 naming the field, changing nothing`, async () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
    const before = fs.readFileSync(state);
    const results = await runAll(BAD_INPUTS.map(([, argv]) => [...sim, ...argv, '--json']));
    const failures: string[] = [];
    BAD_INPUTS.forEach(([what, , field, exitCode = 2, code = 'E_INVALIDARG'], index) => {
      const result = results[index]!;
      const first = result.stderr.split('\n')[0] ?? '';
      const expected = `error: ${field}: `;
      const codeText = new RegExp(`\\(${code} 0x[0-9A-F]{8}\\)$`);
      if (result.code !== exitCode || !first.startsWith(expected) || !codeText.test(first)) {
        failures.push(`${what}: exit ${result.code}, stderr ${JSON.stringify(result.stderr)}`);
      }
      // stdout stays empty, except for create-lun's NDJSON error event when the facade refused the request.
      const events = jsonLines(result.stdout);
      if (events.some((event) => event.event !== 'error' || event.code !== code)) {
        failures.push(`${what}: printed to stdout ${JSON.stringify(result.stdout)}`);
      }
    });
    expect(failures).toEqual([]);
    expect(fs.readFileSync(state).equals(before)).toBe(true);
  });

  it('points at --help after a usage error, but not after a bad value', async () => {
    const [usage, value] = await Promise.all([
      runCli([...sim, ...sized, '--bogus']),
      runCli([...sim, ...simple, '--size', '1.5']),
    ]);
    expect(usage.stderr).toBe(
      'error: --bogus: unknown option (E_INVALIDARG 0x80070057)\nRun `lun-studio --help` for usage.\n',
    );
    expect(value.stderr).toBe(
      'error: --size: "1.5" is not a whole number of bytes (E_INVALIDARG 0x80070057)\n',
    );
  });
});
