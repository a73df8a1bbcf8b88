// What the packaged app installs beyond the app: the `lun-studio` command (PATH entry on Windows, /usr/bin link on
// Linux), artifact names, signing from the environment, Electron fuses, engines, the addon's hardening.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = path.join(__dirname, '..', '..', '..');
const yaml = require('js-yaml') as { load(text: string): unknown };
const { checkEngines } = require('../../../scripts/check-engines.js') as {
  checkEngines(root: string): { problems: string[]; unchecked: string[] };
};

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  productName: string;
  artifactName: string;
  forceCodeSigning: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { extraFiles: FileSet[]; extraResources: FileSet[]; signtoolOptions: Record<string, unknown> };
  nsis: { include: string; artifactName: string };
  portable: { artifactName: string };
  linux: { executableName: string; extraFiles: FileSet[] };
  deb: { afterInstall: string; afterRemove: string };
}
const configText = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-packaging-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

describe('Windows: the lun-studio command', () => {
  const include = read(config.nsis.include);
  const macro = (name: string): string => {
    const match = new RegExp(`!macro ${name}\\b([\\s\\S]*?)!macroend`).exec(include);
    expect(match, `installer.nsh defines ${name}`).not.toBeNull();
    return match![1]!;
  };

  it('ships a shim in <install dir>\\bin that runs the packed CLI with the app binary as Node', () => {
    expect(config.win.extraFiles).toContainEqual({
      from: 'assets/installer/windows/lun-studio.cmd',
      to: 'bin/lun-studio.cmd',
    });
    const shim = read('assets/installer/windows/lun-studio.cmd');
    expect(shim).toMatch(/\r\n/); // cmd.exe reads CRLF batch files reliably
    expect(shim).toContain('set "ELECTRON_RUN_AS_NODE=1"');
    expect(shim).toContain(
      `"%~dp0..\\${config.productName}.exe" "%~dp0..\\resources\\app.asar\\bin\\lun-studio.js" %*`,
    );
    expect(shim).toContain('exit /b %ERRORLEVEL%');
    // What the shim runs is packed: the CLI entry and its compiled modules.
    expect(config.files).toEqual(expect.arrayContaining(['bin/lun-studio.js', 'dist/electron/**/*.js']));
  });

  it('adds <install dir>\\bin to PATH on install when chosen, and removes it on uninstall (not on update)', () => {
    expect(include).toContain('!define LUN_STUDIO_BIN_DIR "$INSTDIR\\bin"');
    const install = macro('customInstall');
    expect(install).toMatch(/\$\{If\} \$LunStudioAddToPath == "1"\s+!insertmacro lunStudioPathEntry Add/);
    const uninstall = macro('customUnInstall');
    expect(uninstall).toMatch(/\$\{IfNot\} \$\{isUpdated\}\s+!insertmacro lunStudioPathEntry Remove/);
    const entry = macro('lunStudioPathEntry');
    expect(entry).toContain('-Action ${ACTION} -Dir "${LUN_STUDIO_BIN_DIR}"');
    expect(entry).toContain('SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment"');
    // Optional: a checkbox page (checked by default), /PATH=0 on a silent install.
    expect(macro('customPageAfterChangeDir')).toContain('${NSD_CreateCheckbox}');
    expect(macro('customInit')).toContain('${GetOptions} $1 "/PATH=" $2');
    expect(include).toContain(
      '!define LUN_STUDIO_PATH_SCRIPT "$INSTDIR\\resources\\installer\\path-entry.ps1"',
    );
    expect(config.win.extraResources).toContainEqual({
      from: 'assets/installer/windows/path-entry.ps1',
      to: 'installer/path-entry.ps1',
    });
  });

  it('edits the machine PATH keeping its REG_EXPAND_SZ type and the other entries', () => {
    const script = read('assets/installer/windows/path-entry.ps1');
    expect(script).toContain("'SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment'");
    expect(script).toContain('DoNotExpandEnvironmentNames'); // reads %SystemRoot% entries as written
    expect(script).toContain(
      "$key.SetValue('Path', $updated, [Microsoft.Win32.RegistryValueKind]::ExpandString)",
    );
    expect(script).toContain("$_.TrimEnd('\\') -ine $wanted"); // drops only our entry, any case
  });

  it('compiles with makensis -WX in the installer and the uninstaller (as electron-builder builds them)', (ctx) => {
    if (!hasCommand('makensis')) {
      // .ci/run installs nsis; a machine without it still gets the text checks above.
      console.warn('makensis is not installed (apt-get install nsis): installer.nsh was not compiled');
      ctx.skip();
    }
    const harness = path.join(scratch, 'harness.nsi');
    fs.writeFileSync(
      harness,
      [
        'Unicode true',
        `!addincludedir "${path.join(ROOT, path.dirname(config.nsis.include))}"`,
        // electron-builder's common.nsh defines isUpdated (the --updated switch); the harness stands in for it.
        '!macro _isUpdated _a _b _t _f',
        '  StrCmp "" "1" `${_t}` `${_f}`',
        '!macroend',
        '!define isUpdated `"" isUpdated ""`',
        `!include "${path.basename(config.nsis.include)}"`,
        `OutFile "${path.join(scratch, 'harness.exe')}"`,
        'RequestExecutionLevel admin',
        '!ifndef BUILD_UNINSTALLER',
        '  Page directory',
        '  !insertmacro customPageAfterChangeDir',
        '  Page instfiles',
        '  Function .onInit',
        '    !insertmacro customInit',
        '  FunctionEnd',
        '  Section "Install"',
        '    !insertmacro customInstall',
        '  SectionEnd',
        '!else',
        '  Section "-writer"',
        '    WriteUninstaller "$TEMP\\uninstall.exe"',
        '  SectionEnd',
        '  Section "un.Uninstall"',
        '    !insertmacro customUnInstall',
        '  SectionEnd',
        '!endif',
        '',
      ].join('\n'),
    );
    for (const defines of [[], ['-DBUILD_UNINSTALLER']]) {
      const result = spawnSync('makensis', ['-V2', '-WX', ...defines, harness], { encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
});

describe('Linux: /usr/bin/lun-studio', () => {
  it('links /usr/bin/lun-studio to the shim on install and removes it on removal', () => {
    expect(config.linux.extraFiles).toContainEqual({
      from: 'assets/installer/linux/lun-studio',
      to: 'bin/lun-studio',
    });
    const after = read(config.deb.afterInstall);
    expect(after).toContain(
      "update-alternatives --install '/usr/bin/lun-studio' 'lun-studio' '/opt/${sanitizedProductName}/bin/lun-studio' 100",
    );
    expect(after).toContain("ln -sf '/opt/${sanitizedProductName}/bin/lun-studio' '/usr/bin/lun-studio'");
    expect(after).toContain('chrome-sandbox'); // electron-builder's own steps are kept
    const remove = read(config.deb.afterRemove);
    expect(remove).toContain(
      "update-alternatives --remove 'lun-studio' '/opt/${sanitizedProductName}/bin/lun-studio'",
    );
    expect(remove).toContain("rm -f '/usr/bin/lun-studio'");
    for (const script of [config.deb.afterInstall, config.deb.afterRemove]) {
      expect(spawnSync('bash', ['-n', path.join(ROOT, script)]).status).toBe(0);
    }
  });

  it('runs the CLI through a /usr/bin-style link with the app binary as Node', () => {
    // An installed layout in miniature: /opt/LUN Studio/{lun-studio, bin/lun-studio, resources/app.asar}, the
    // "app binary" a stand-in that insists on ELECTRON_RUN_AS_NODE=1 and runs Node, app.asar the work tree.
    const opt = path.join(scratch, 'opt', config.productName);
    fs.mkdirSync(path.join(opt, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(opt, 'resources'));
    fs.copyFileSync(
      path.join(ROOT, 'assets/installer/linux/lun-studio'),
      path.join(opt, 'bin', 'lun-studio'),
    );
    fs.chmodSync(path.join(opt, 'bin', 'lun-studio'), 0o755);
    const app = path.join(opt, config.linux.executableName);
    fs.writeFileSync(
      app,
      `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "not as node" >&2; exit 99; }\nexec "${process.execPath}" "$@"\n`,
      { mode: 0o755 },
    );
    fs.symlinkSync(ROOT, path.join(opt, 'resources', 'app.asar'));
    const usrBin = path.join(scratch, 'usr-bin');
    fs.mkdirSync(usrBin);
    fs.symlinkSync(path.join(opt, 'bin', 'lun-studio'), path.join(usrBin, 'lun-studio'));

    const version = (require(path.join(ROOT, 'package.json')) as { version: string }).version;
    expect(execFileSync(path.join(usrBin, 'lun-studio'), ['--version'], { encoding: 'utf8' })).toBe(
      `lun-studio ${version}\n`,
    );
    const bad = spawnSync(path.join(usrBin, 'lun-studio'), ['frobnicate', 'two words'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('artifacts, signing, fuses', () => {
  it('names every artifact without spaces', () => {
    const names = [config.artifactName, config.nsis.artifactName, config.portable.artifactName];
    for (const name of names) {
      expect(name).not.toContain('${productName}');
      expect(name).toMatch(/^lun-studio-\$\{version\}/);
      const expanded = name
        .replace('${version}', '0.1.0')
        .replace('${os}', 'win')
        .replace('${arch}', 'x64')
        .replace('${ext}', 'exe');
      expect(expanded).toMatch(/^[a-z0-9.-]+$/);
    }
  });

  it('keeps signing secrets out of the config (electron-builder reads CSC_LINK / WIN_CSC_LINK itself)', () => {
    expect(config.forceCodeSigning).toBe(false);
    expect(configText).not.toMatch(/cscLink|cscKeyPassword|certificateFile|certificatePassword/);
    expect(config.win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    const readme = read('README.md');
    for (const variable of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) {
      expect(readme).toContain(variable);
    }
  });

  it('sets the fuses: run-as-node on (the CLI shims), NODE_OPTIONS/--inspect off, app.asar only', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });
});

describe('engines', () => {
  it("package.json's engines.node is within every dependency's", () => {
    const { problems, unchecked } = checkEngines(ROOT);
    expect(problems).toEqual([]);
    if (unchecked.length > 0) console.warn(`not installed, engines not checked: ${unchecked.join(', ')}`);
  });

  it('flags a range looser than a dependency needs, naming it', () => {
    const root = path.join(scratch, 'engines');
    fs.mkdirSync(path.join(root, 'node_modules', 'tool'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'node_modules', 'tool', 'package.json'),
      JSON.stringify({ name: 'tool', version: '8.0.0', engines: { node: '^20.19.0 || >=22.12.0' } }),
    );
    const write = (range: string): void =>
      fs.writeFileSync(
        path.join(root, 'package.json'),
        JSON.stringify({ engines: { node: range }, devDependencies: { tool: '^8' } }),
      );
    write('>=20.19');
    expect(checkEngines(root).problems).toEqual([
      'package.json engines.node ">=20.19" allows Node versions tool@8.0.0 does not ("^20.19.0 || >=22.12.0")',
    ]);
    write('^22.13.0 || >=24.0.0');
    expect(checkEngines(root)).toEqual({ problems: [], unchecked: [] });
  });

  it('is part of npm run lint', () => {
    const pkg = require(path.join(ROOT, 'package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toContain('node scripts/check-engines.js');
  });
});

describe.runIf(process.platform === 'linux')('the built addon (Linux)', () => {
  it('is hardened: full RELRO, non-executable stack, stack protector', () => {
    const addon = path.join(ROOT, 'native', 'build', 'Release', 'lun_studio.node');
    const dynamic = execFileSync('readelf', ['-d', addon], { encoding: 'utf8' });
    expect(dynamic).toMatch(/BIND_NOW/);
    const segments = execFileSync('readelf', ['-lW', addon], { encoding: 'utf8' });
    expect(segments).toMatch(/GNU_RELRO/);
    expect(segments).toMatch(/GNU_STACK\s.*\sRW\s/);
    expect(execFileSync('nm', ['-D', addon], { encoding: 'utf8' })).toContain('__stack_chk_fail');
  });
});
