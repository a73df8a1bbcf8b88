// Desktop preferences, persisted as JSON in the app's userData folder.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DesktopSettings {
  /** Show the progress monitor window automatically when an operation starts. */
  openMonitorOnOperationStart: boolean;
}

export const DEFAULT_SETTINGS: DesktopSettings = { openMonitorOnOperationStart: true };
export const SETTINGS_FILE_NAME = 'desktop-settings.json';

export class SettingsStore {
  private current: DesktopSettings;

  constructor(private readonly file: string) {
    this.current = SettingsStore.read(file);
  }

  static inFolder(folder: string): SettingsStore {
    return new SettingsStore(path.join(folder, SETTINGS_FILE_NAME));
  }

  private static read(file: string): DesktopSettings {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      const value = (parsed as Partial<DesktopSettings> | null)?.openMonitorOnOperationStart;
      return { openMonitorOnOperationStart: typeof value === 'boolean' ? value : true };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  get(): DesktopSettings {
    return { ...this.current };
  }

  /** Updates and writes atomically (temp file + rename). */
  update(patch: Partial<DesktopSettings>): DesktopSettings {
    this.current = { ...this.current, ...patch };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(this.current, null, 2) + '\n');
    fs.renameSync(temp, this.file);
    return this.get();
  }
}
