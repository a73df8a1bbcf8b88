import { describe, expect, it } from 'vitest';
import { hostAccessErrors, unmaskingListOf } from '../../../../renderer/lib/host-access';

describe('host access choice', () => {
  it('sends initiators in their stored form: IQN lower case, WWN colons dropped, hex upper case', () => {
    const text = 'IQN.1991-05.com.Microsoft:Host1\n50:01:43:80:12:ab:cd:ef, eui.0123456789abcdef';
    expect(hostAccessErrors({ mode: 'list', text }, true)).toEqual([]);
    expect(unmaskingListOf({ mode: 'list', text })).toBe(
      'iqn.1991-05.com.microsoft:host1;5001438012ABCDEF;eui.0123456789ABCDEF',
    );
  });

  it('reports every entry over 223 bytes with its length', () => {
    const long = 'iqn.1991-05.com.microsoft:' + 'h'.repeat(240);
    expect(hostAccessErrors({ mode: 'list', text: `${long}\niqn.1991-05.com.microsoft:ok` }, true)).toEqual([
      {
        field: 'initiators',
        key: 'wizard.errors.initiatorTooLong',
        params: { entry: `${long.slice(0, 40)}…${long.slice(-12)}`, bytes: 266 },
      },
    ]);
  });

  it('treats the same WWN with and without colons as a duplicate', () => {
    expect(
      hostAccessErrors({ mode: 'list', text: '5001438012ABCDEF\n50:01:43:80:12:AB:CD:EF' }, true),
    ).toEqual([
      {
        field: 'initiators',
        key: 'wizard.errors.initiatorDuplicate',
        params: { count: 1, entry: '50:01:43:80:12:AB:CD:EF', entries: '50:01:43:80:12:AB:CD:EF' },
      },
    ]);
  });
});
