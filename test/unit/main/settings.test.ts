import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../../electron/main/settings';

describe('desktop settings', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-studio-settings-'));
  });
  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens the monitor on operation start by default', () => {
    expect(SettingsStore.inFolder(folder).get().openMonitorOnOperationStart).toBe(true);
  });

  it('remembers the user turning it off across restarts', () => {
    SettingsStore.inFolder(path.join(folder, 'nested')).update({ openMonitorOnOperationStart: false });
    expect(SettingsStore.inFolder(path.join(folder, 'nested')).get().openMonitorOnOperationStart).toBe(false);
    expect(fs.readdirSync(path.join(folder, 'nested'))).toEqual([SETTINGS_FILE_NAME]);
  });

  it('falls back to the defaults when the file is damaged or holds the wrong types', () => {
    const file = path.join(folder, SETTINGS_FILE_NAME);
    for (const content of ['{not json', 'null', '42', '{"openMonitorOnOperationStart":"no"}']) {
      fs.writeFileSync(file, content);
      expect(SettingsStore.inFolder(folder).get()).toEqual({ openMonitorOnOperationStart: true });
    }
  });
});
