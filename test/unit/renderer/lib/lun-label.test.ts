import { describe, expect, it } from 'vitest';
import { lunLabel } from '../../../../renderer/lib/lun-label';

const named = (name: string) => `LUN ${name}`;

describe('lunLabel', () => {
  it('puts "LUN" before a name that does not say it is a LUN', () => {
    expect(lunLabel('Data 1', named)).toBe('LUN Data 1');
    expect(lunLabel('7f3a', named)).toBe('LUN 7f3a');
    expect(lunLabel('LUNAR backups', named)).toBe('LUN LUNAR backups');
  });

  it('keeps a name that already starts with the word LUN as it is (no "LUN LUN 1")', () => {
    expect(lunLabel('LUN 1', named)).toBe('LUN 1');
    expect(lunLabel('lun-7', named)).toBe('lun-7');
    expect(lunLabel('LUN12', named)).toBe('LUN12');
    expect(lunLabel('  LUN 2 ', named)).toBe('LUN 2');
  });
});
