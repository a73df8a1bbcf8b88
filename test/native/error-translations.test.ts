// The renderer translates errors by code: every code of the addon's HRESULT table needs an English entry equal to
// the table (so "is this the standard text?" is answerable) and a German one.
import { describe, expect, it } from 'vitest';
import de from '../../renderer/i18n/de.json';
import en from '../../renderer/i18n/en.json';
import { loadAddon } from '../../native/lib/load-addon';

type Entry = { message: string; action?: string };
const english = en.errorCodes as Record<string, Entry>;
const german = de.errorCodes as Record<string, Entry>;

describe('error translations', () => {
  const table = loadAddon().hresultTable();

  it('cover every code of the HRESULT table', () => {
    expect(table.length).toBeGreaterThan(50);
    const missing = table.filter((e) => !english[e.code] || !german[e.code]).map((e) => e.code);
    expect(missing).toEqual([]);
  });

  it('hold the table message and action word for word in English', () => {
    for (const e of table) {
      expect(english[e.code], e.code).toEqual(
        e.action ? { message: e.message, action: e.action } : { message: e.message },
      );
    }
  });

  it('give German an action exactly where English has one, and no English sentence in German', () => {
    for (const [code, entry] of Object.entries(english)) {
      expect(german[code]?.action === undefined, code).toBe(entry.action === undefined);
      expect(german[code]?.message, code).not.toBe(entry.message);
    }
  });
});
