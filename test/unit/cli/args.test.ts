import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/host/cli/args';
import { CliInputError } from '../../../electron/host/cli/cli-error';

function usageError(argv: string[]): CliInputError {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof CliInputError) return error;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be rejected`);
}

describe('parseArgs', () => {
  it('reads global options before or after the command', () => {
    expect(parseArgs(['--json', '--provider', 'sim', 'subsystems'])).toEqual({
      kind: 'command',
      command: 'subsystems',
      global: { json: true, provider: 'sim' },
      options: {},
    });
    expect(parseArgs(['drives', 'Array A', '--sim-state=/tmp/s.json', '--json'])).toEqual({
      kind: 'command',
      command: 'drives',
      subsystem: 'Array A',
      global: { json: true, simState: '/tmp/s.json' },
      options: {},
    });
  });

  it('collects command options in both --name value and --name=value forms', () => {
    const parsed = parseArgs([
      'create-lun',
      'A',
      '--type',
      'stripe',
      '--size=1.5GiB',
      '--drives',
      'd1,d2',
      '--count',
      '3',
    ]);
    expect(parsed).toMatchObject({
      kind: 'command',
      command: 'create-lun',
      subsystem: 'A',
      options: { type: 'stripe', size: '1.5GiB', drives: 'd1,d2', count: '3' },
    });
  });

  it('takes a value that starts with a single dash as the value (a bad count, not a missing one)', () => {
    expect(
      parseArgs(['create-lun', 'A', '--type', 'simple', '--size', '1GB', '--count', '-1']),
    ).toMatchObject({
      options: { count: '-1' },
    });
  });

  it('keeps an empty --unmask value (no host)', () => {
    expect(parseArgs(['create-lun', 'A', '--type', 'simple', '--size', '1GB', '--unmask', ''])).toMatchObject(
      {
        options: { unmask: '' },
      },
    );
  });

  it('treats everything after -- as arguments (a subsystem named like an option)', () => {
    expect(parseArgs(['drives', '--json', '--', '--odd name'])).toMatchObject({ subsystem: '--odd name' });
  });

  it('answers help and version before checking the rest', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['create-lun', '--help'])).toEqual({ kind: 'help', topic: 'create-lun' });
    expect(parseArgs(['help', 'max-size'])).toEqual({ kind: 'help', topic: 'max-size' });
    expect(parseArgs(['help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['subsystems', '--bogus'], '--bogus', /unknown option/],
    [['subsystems', '--bogus=1'], '--bogus', /unknown option/],
    [['subsystems', '-x'], '-x', /unknown option/],
    [['--json', '--json', 'subsystems'], '--json', /more than once/],
    [['max-size', 'A', '--type', 'simple', '--type', 'span'], '--type', /more than once/],
    [['max-size', 'A', '--type'], '--type', /needs a value/],
    [['max-size', 'A', '--type', '--json'], '--type', /needs a value/],
    [['--json=yes', 'subsystems'], '--json', /takes no value/],
    [['drives', 'A', '--size', '1GB'], '--size', /does not apply to "drives"/],
    [['max-size', 'A', '--type', 'simple', '--count', '2'], '--count', /does not apply to "max-size"/],
    [[], 'COMMAND', /no command/],
    [['frobnicate'], 'COMMAND', /unknown command "frobnicate"/],
    [['drives'], 'SUBSYSTEM', /needs a SUBSYSTEM/],
    [['subsystems', 'extra'], 'extra', /unexpected argument/],
    [['luns', 'A', 'B'], 'B', /unexpected argument/],
    [['max-size', 'A'], '--type', /required by "max-size"/],
    [['create-lun', 'A', '--type', 'simple'], '--size', /required by "create-lun"/],
    [['help', 'nope'], 'COMMAND', /unknown command "nope"/],
  ])('rejects %j naming %s', (argv, field, rule) => {
    const error = usageError(argv);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(rule);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.code).toBe('E_INVALIDARG');
    expect(error.usage).toBe(true);
  });

  it('refuses an empty SUBSYSTEM as a bad value', () => {
    const error = usageError(['drives', '  ']);
    expect(error.message).toBe('SUBSYSTEM: is empty; give a subsystem id or name');
    expect(error.usage).toBe(false);
  });
});
