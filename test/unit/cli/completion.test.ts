import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, parseArgs } from '../../../electron/host/cli/args';
import { completionScript } from '../../../electron/host/cli/completion';
import { manPage } from '../../../electron/host/cli/man-page';
import { usageText } from '../../../electron/host/cli/help';
import { LUN_TYPES } from '../../../electron/contract/model';

const ROOT = path.join(__dirname, '..', '..', '..');
const hasCommand = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/** What bash completes for the words of a command line (the last one is being typed). `asked` learns the
 * SUBSYSTEM argument `luns` was called with. */
function bashComplete(
  line: string[],
  subsystems = '[]',
  luns = '[]',
  asked?: { subsystem?: string },
): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-completion-'));
  // A stand-in lun-studio on PATH answers `subsystems --json` and `luns SUBSYSTEM --json` as the real one does.
  fs.writeFileSync(
    path.join(dir, 'lun-studio'),
    `#!/bin/sh\nif [ "$1" = luns ]; then printf '%s' "$2" > '${dir}/asked'; cat <<'JSON'\n${luns}\nJSON\n` +
      `else cat <<'JSON'\n${subsystems}\nJSON\nfi\n`,
    { mode: 0o755 },
  );
  const script = path.join(dir, 'completion.bash');
  fs.writeFileSync(script, completionScript('bash'));
  const words = ['lun-studio', ...line].map((word) => `'${word}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source '${script}'; COMP_WORDS=(${words}); COMP_CWORD=${line.length}; _lun_studio; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } },
  );
  if (asked && fs.existsSync(path.join(dir, 'asked')))
    asked.subsystem = fs.readFileSync(path.join(dir, 'asked'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return out.split('\n').filter((word) => word !== '');
}

describe('lun-studio completion', () => {
  it('parses the shell and refuses others', () => {
    expect(parseArgs(['completion', 'powershell'])).toEqual({ kind: 'completion', shell: 'powershell' });
    expect(() => parseArgs(['completion'])).toThrow(
      /^SHELL: "completion" needs a shell \(one of: bash, zsh, powershell\)$/,
    );
    expect(() => parseArgs(['completion', 'fish'])).toThrow(/^SHELL: unknown shell "fish"/);
  });

  it('bash: completes commands, the options of each command, option values and subsystem names', () => {
    expect(bashComplete([''])).toEqual(
      expect.arrayContaining(['subsystems', 'create-lun', 'status', 'completion']),
    );
    expect(bashComplete(['cr'])).toEqual(['create-lun']);
    const createOptions = bashComplete(['create-lun', 'A', '--']);
    expect(createOptions).toEqual(
      expect.arrayContaining(['--type', '--size', '--count', '--unmask', '--json']),
    );
    expect(bashComplete(['drives', 'A', '--'])).not.toContain('--size');
    expect(bashComplete(['max-size', 'A', '--type', ''])).toEqual([...LUN_TYPES]);
    expect(bashComplete(['--provider', ''])).toEqual(['sim', 'vds']);
    expect(bashComplete(['completion', ''])).toEqual(['bash', 'zsh', 'powershell']);
    const subsystems = JSON.stringify([{ name: 'Contoso Array A', drives: [] }, { name: 'Fabrikam B' }]);
    expect(bashComplete(['luns', ''], subsystems)).toEqual(['Contoso\\ Array\\ A', 'Fabrikam\\ B']);
  });

  it('bash: completes the LUN commands, their options, a LUN of the subsystem typed, kinds and states', () => {
    expect(bashComplete(['ext'])).toEqual(['extend-lun']);
    expect(bashComplete(['shrink-lun', 'A', 'L', '--'])).toEqual(
      expect.arrayContaining(['--by', '--to', '--yes']),
    );
    expect(bashComplete(['delete-lun', 'A', 'L', '--'])).toEqual(
      expect.arrayContaining(['--yes', '--even-if-unmasked', '--json']),
    );
    expect(bashComplete(['set-mask', 'A', 'L', '--'])).toContain('--unmask');
    expect(bashComplete(['extend-lun', 'A', 'L', '--'])).not.toContain('--yes');
    const luns = JSON.stringify([{ name: 'LUN 1' }, { name: 'Data' }]);
    const asked: { subsystem?: string } = {};
    expect(bashComplete(['extend-lun', 'Contoso\\ Array\\ A', ''], '[]', luns, asked)).toEqual([
      'LUN\\ 1',
      'Data',
    ]);
    expect(asked.subsystem).toBe('Contoso Array A');
    expect(bashComplete(['operations', '--kind', ''])).toEqual([
      'createLun',
      'extendLun',
      'shrinkLun',
      'deleteLun',
      'setLunMask',
      'recoverLun',
      'identifyDrive',
      'setHotSpare',
      'replaceDrive',
    ]);
    expect(bashComplete(['operations', '--state', 'r'])).toEqual(['running']);
  });

  it('bash: completes the drive commands: a drive of the subsystem typed, on|off, sim actions, --yes', () => {
    expect(bashComplete(['ide'])).toEqual(['identify']);
    expect(bashComplete(['re'])).toEqual(['recover-lun', 'replace-drive']);
    expect(bashComplete(['sim', ''])).toEqual(['fail-drive', 'restore-drive']);
    // The stand-in answers `drives SUBSYSTEM --json` like `subsystems --json`: the drives' names here.
    const drives = JSON.stringify([{ name: 'Bay 01' }, { name: 'Bay 02' }]);
    expect(bashComplete(['identify', 'A', 'Bay\\ 0'], drives)).toEqual(['Bay\\ 01', 'Bay\\ 02']);
    expect(bashComplete(['replace-drive', 'A', ''], drives)).toEqual(['Bay\\ 01', 'Bay\\ 02']);
    expect(bashComplete(['identify', 'A', 'Bay\\ 01', ''])).toEqual(['on', 'off']);
    expect(bashComplete(['hot-spare', 'A', 'D', 'o'])).toEqual(['on', 'off']);
    expect(bashComplete(['replace-drive', 'A', 'D2', 'D5', '--'])).toContain('--yes');
    expect(bashComplete(['recover-lun', 'A', 'L', '--'])).not.toContain('--yes');
    const luns = JSON.stringify([{ name: 'Mirror' }]);
    expect(bashComplete(['lun', 'A', ''], '[]', luns)).toEqual(['Mirror']);
  });

  it('zsh: loads the same completion through bashcompinit', () => {
    const script = completionScript('zsh');
    expect(script.startsWith('#compdef lun-studio\nautoload -U +X bashcompinit && bashcompinit\n')).toBe(
      true,
    );
    expect(script).toContain(completionScript('bash'));
  });

  it('powershell: registers a completer for commands, options and values', () => {
    const script = completionScript('powershell');
    expect(script).toContain(
      "Register-ArgumentCompleter -Native -CommandName 'lun-studio', 'lun-studio.cmd'",
    );
    expect(script).toContain(
      `$lunStudioCommands = @(${[...COMMAND_NAMES, 'help', 'completion'].map((c) => `'${c}'`).join(', ')})`,
    );
    expect(script).toMatch(
      /'create-lun' = @\('--type', '--drives', '--stripe-size', '--size', '--unmask', '--count', /,
    );
    expect(script).toContain(`'--type' = @(${LUN_TYPES.map((t) => `'${t}'`).join(', ')})`);
    expect(script).toContain('& lun-studio subsystems --json 2>$null | ConvertFrom-Json');
    if (!hasCommand('pwsh')) {
      // pwsh comes from Microsoft's package repository, which this machine cannot reach.
      console.warn('pwsh is not installed: the PowerShell completer was checked as text, not run');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-pwsh-'));
    const file = path.join(dir, 'c.ps1');
    fs.writeFileSync(file, script);
    const complete = (input: string): string[] =>
      execFileSync(
        'pwsh',
        [
          '-NoProfile',
          '-Command',
          `. '${file}'; (TabExpansion2 '${input}' ${input.length}).CompletionMatches.CompletionText`,
        ],
        { encoding: 'utf8' },
      )
        .split(/\r?\n/)
        .filter((word) => word !== '');
    expect(complete('lun-studio cr')).toEqual(['create-lun']);
    expect(complete('lun-studio create-lun A --co')).toEqual(['--count']);
    expect(complete('lun-studio max-size A --type mi')).toEqual(['mirror']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('docs/lun-studio.1', () => {
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;

  it('is current with the help text (npm run gen:man)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'lun-studio.1'), 'utf8')).toBe(manPage(version));
  });

  it('renders with man -l: every command, as the CLI prints its help, without warnings', () => {
    const result = spawnSync('man', ['-l', path.join(ROOT, 'docs', 'lun-studio.1')], {
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '200', MAN_KEEP_FORMATTING: '', PAGER: 'cat' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const page = result.stdout.replace(/‐/g, '-');
    expect(page).toMatch(/^LUN-STUDIO\(1\)/);
    for (const line of usageText()
      .split('\n')
      .filter((l) => l.startsWith('  ') && l.trim() !== '')) {
      expect(page).toContain(line.trim());
    }
    for (const command of COMMAND_NAMES) {
      expect(page).toContain(usageText(command).split('\n')[0]!);
    }
  });
});
