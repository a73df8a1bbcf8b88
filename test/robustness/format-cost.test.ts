// Found by the B3 benchmark (docs/PERFORMANCE.md): every scroll step of the drive table re-renders ~50 rows,
// each formatting two sizes, and each call built a new Intl.NumberFormat (~70 µs each here, against ~1.5 µs
// for formatting with an existing one). Formatting many sizes in one language must reuse its formatters.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, formatInteger } from '../../renderer/lib/format';

describe('size formatting cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it('formatting 1,000 sizes and counts per language builds at most a few number formatters', () => {
    const Original = Intl.NumberFormat;
    let constructed = 0;
    vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
      ...args: ConstructorParameters<typeof Intl.NumberFormat>
    ) {
      constructed += 1;
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat);
    const out: string[] = [];
    for (const locale of ['en', 'de']) {
      for (let i = 0; i < 1000; i += 1) {
        out.push(formatBytes(i * 1_610_612_736 + i, locale), formatInteger(i * 1000, locale));
      }
    }
    expect(out[2]).toBe('1.5 GiB'); // i = 1 in English
    expect(out[2002]).toBe('1,5 GiB'); // i = 1 in German
    expect(constructed).toBeLessThanOrEqual(8);
  });
});
