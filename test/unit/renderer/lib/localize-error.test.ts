import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorShape } from '../../../../electron/contract/model';
import { createI18n, loadLanguage } from '../../../../renderer/i18n/i18n';
import { localizeError } from '../../../../renderer/lib/localize-error';

const ioError: ApiErrorShape = {
  code: 'VDS_E_IO_ERROR',
  hresult: 0x8004242b,
  message: 'An I/O error occurred on the array.',
  action: "Check the array's own management console and event log, then try again.",
};

describe('localizeError', () => {
  beforeAll(() => loadLanguage('de'));

  it('shows the host wording unchanged in English', () => {
    const detailed = { ...ioError, message: "Drive 'Disk 3' reported an I/O error." };
    expect(localizeError(detailed, createI18n('en'))).toEqual({
      message: "Drive 'Disk 3' reported an I/O error.",
      action: ioError.action,
    });
  });

  it('translates the standard message and action by code in German, with nothing left over', () => {
    expect(localizeError(ioError, createI18n('de'))).toEqual({
      message: 'Auf dem Array ist ein E/A-Fehler aufgetreten.',
      action:
        'Sehen Sie in der Verwaltungskonsole und im Ereignisprotokoll des Arrays nach und versuchen Sie es dann erneut.',
    });
  });

  it('keeps a more specific host wording as the original next to the German text', () => {
    const failedDrive: ApiErrorShape = {
      code: 'VDS_E_OBJECT_STATUS_FAILED',
      hresult: 0x80042430,
      message: "driveIds[1]: drive 'Disk 3' has failed",
      action: 'Pick online, healthy drives; replace the failed drive.',
      field: 'driveIds[1]',
    };
    const text = localizeError(failedDrive, createI18n('de'));
    expect(text.message).toBe('Ein beteiligtes Laufwerk oder eine andere Komponente ist ausgefallen.');
    expect(text.action).toMatch(/^Wählen Sie betriebsbereite/);
    expect(text.field).toBe('driveIds[1]');
    expect(text.fieldLabel).toBe('Laufwerke');
    expect(text.original).toEqual({ message: failedDrive.message, action: failedDrive.action });
  });

  it('names the HRESULT of a code it has no translation for', () => {
    const unknown: ApiErrorShape = {
      code: 'HRESULT_0x8004FFFE',
      hresult: 0x8004fffe,
      message: 'The storage provider reported error 0x8004FFFE.',
    };
    expect(localizeError(unknown, createI18n('de'))).toEqual({
      message: 'Der Speicheranbieter hat den Fehler 0x8004FFFE gemeldet.',
    });
  });

  it('translates errors the host and the renderer make themselves', () => {
    const busy: ApiErrorShape = {
      code: 'E_JOURNAL_BUSY',
      hresult: 0x80070005,
      message: 'The operation journal /tmp/j.jsonl is in use by another LUN Studio process (pid 42).',
      action: 'Close the other LUN Studio window or browser shell, or give this one its own journal path.',
    };
    const text = localizeError(busy, createI18n('de'));
    expect(text.message).toBe('Das Vorgangsprotokoll wird von einem anderen LUN-Studio-Prozess verwendet.');
    expect(text.original?.message).toContain('pid 42');
  });
});
