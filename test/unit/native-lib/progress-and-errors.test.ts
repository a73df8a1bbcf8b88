import { describe, expect, it } from 'vitest';
import { LunStudioError } from '../../../electron/contract/errors';
import { hresultDescriber, toLunStudioError } from '../../../native/lib/hresults';
import { ProgressReporter, toProgress } from '../../../native/lib/progress-reporter';
import type { CreateLunProgress } from '../../../native/lib/types';
import { FAKE_TABLE } from './fake-addon';

const PENDING = 0x80042409;

describe('progress', () => {
  it('reports 0 % with nothing written as "cannot estimate", and a percent outside 0–100 as unknown, never 100', () => {
    expect(toProgress({ hresult: PENDING, percent: 0, bytesDone: 0 })).toEqual({ percent: null });
    expect(toProgress({ hresult: PENDING, percent: 0, bytesDone: 4096 })).toEqual({
      percent: 0,
      bytesDone: 4096,
    });
    expect(toProgress({ hresult: PENDING, percent: 253, bytesDone: 0 })).toEqual({ percent: null });
    expect(toProgress({ hresult: PENDING, percent: 0xffffffff, bytesDone: 0 })).toEqual({ percent: null });
    expect(toProgress({ hresult: PENDING, percent: null, bytesDone: 4096 })).toEqual({
      percent: null,
      bytesDone: 4096,
    });
    expect(toProgress({ hresult: PENDING, percent: -3, bytesDone: 0 })).toEqual({ percent: null });
  });

  it('holds reports until the operation is announced, keeps only the latest, drops repeats, stops when finished', () => {
    const seen: CreateLunProgress[] = [];
    const reporter = new ProgressReporter((p) => seen.push(p));
    reporter.push({ hresult: PENDING, percent: 5, bytesDone: 50 });
    reporter.push({ hresult: PENDING, percent: 7, bytesDone: 70 });
    expect(seen).toEqual([]);
    reporter.start();
    reporter.push({ hresult: PENDING, percent: 7, bytesDone: 70 });
    reporter.push({ hresult: 0, percent: 100, bytesDone: 100 });
    reporter.finish();
    reporter.push({ hresult: 0, percent: 100, bytesDone: 200 });
    expect(seen).toEqual([
      { percent: 7, bytesDone: 70 },
      { percent: 100, bytesDone: 100 },
    ]);
  });

  it('keeps the last percent of a creation that failed or was canceled (no 100 % with the failure)', () => {
    const seen: CreateLunProgress[] = [];
    const reporter = new ProgressReporter((p) => seen.push(p));
    reporter.start();
    reporter.push({ hresult: PENDING, percent: 30, bytesDone: 300 });
    reporter.push({ hresult: 0x8004240d, percent: 100, bytesDone: 300 });
    reporter.push({ hresult: 0x80042442, percent: 100, bytesDone: 300 });
    expect(seen).toEqual([{ percent: 30, bytesDone: 300 }]);
  });
});

describe('errors', () => {
  const describe_ = hresultDescriber(FAKE_TABLE);

  it('keeps the addon’s specific message and field, adding the table’s action', () => {
    const raw = Object.assign(new Error('sizeBytes: 5 bytes do not fit'), {
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      hresult: 0x8004240f,
      field: 'sizeBytes',
    });
    expect(toLunStudioError(raw, describe_).toJSON()).toEqual({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      hresult: 0x8004240f,
      message: 'sizeBytes: 5 bytes do not fit',
      action: 'Pick a smaller size.',
      field: 'sizeBytes',
    });
  });

  it('turns a signed HRESULT into the unsigned one and names it from the table', () => {
    const error = toLunStudioError({ hresult: 0x8000ffff - 2 ** 32 }, describe_);
    expect(error).toBeInstanceOf(LunStudioError);
    expect(error).toMatchObject({ code: 'E_UNEXPECTED', hresult: 0x8000ffff });
  });

  it('wraps anything else as E_UNEXPECTED with its text', () => {
    expect(toLunStudioError(new TypeError('boom'), describe_)).toMatchObject({
      code: 'E_UNEXPECTED',
      hresult: 0x8000ffff,
      message: expect.stringContaining('boom'),
    });
  });
});
