import { describe, expect, it } from 'vitest';
import { LunStudioError } from '../../../electron/contract/errors';
import {
  exitCodeFor,
  formatErrorLines,
  inputError,
  optionForField,
  toErrorShape,
} from '../../../electron/host/cli/cli-error';

describe('CLI errors', () => {
  it('prints error: MESSAGE (CODE 0xHRESULT), then the action as a hint', () => {
    const error = new LunStudioError({
      code: 'VDS_E_ACCESS_DENIED',
      hresult: 0x80042427,
      message: 'Access denied.',
      action: 'Run as administrator.',
    });
    expect(formatErrorLines(error)).toEqual([
      'error: Access denied. (VDS_E_ACCESS_DENIED 0x80042427)',
      'hint: Run as administrator.',
    ]);
    expect(exitCodeFor(error)).toBe(1);
  });

  it('exits 2 for our input errors and the facade E_INVALIDARG, 1 for everything else', () => {
    expect(exitCodeFor(inputError('--size', 'bad'))).toBe(2);
    expect(exitCodeFor(inputError('SUBSYSTEM', 'missing', { code: 'VDS_E_OBJECT_NOT_FOUND' }))).toBe(2);
    expect(exitCodeFor(new LunStudioError({ code: 'E_INVALIDARG', hresult: 0x80070057, message: 'x' }))).toBe(
      2,
    );
    expect(
      exitCodeFor(
        new LunStudioError({ code: 'VDS_E_OBJECT_NOT_FOUND', hresult: 0x80042405, message: 'gone' }),
      ),
    ).toBe(1);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
  });

  it('maps facade request fields to the options the user typed', () => {
    expect(optionForField('driveIds[3]')).toBe('--drives');
    expect(optionForField('hints.stripeSizeBytes')).toBe('--stripe-size');
    expect(optionForField('sizeBytes')).toBe('--size');
    expect(optionForField('unmaskingList')).toBe('--unmask');
    expect(optionForField('subsystemId')).toBe('SUBSYSTEM');
    expect(optionForField('hints.rebuildPriority')).toBeUndefined();
    const facade = new LunStudioError({
      code: 'E_INVALIDARG',
      hresult: 0x80070057,
      message: 'driveIds[1]: drive "Bay 00" is listed twice',
      field: 'driveIds[1]',
    });
    expect(formatErrorLines(facade)[0]).toBe(
      'error: --drives: driveIds[1]: drive "Bay 00" is listed twice (E_INVALIDARG 0x80070057)',
    );
  });

  it('turns anything thrown into code, hresult and message', () => {
    expect(toErrorShape(new Error('boom'))).toEqual({
      code: 'E_UNEXPECTED',
      hresult: 0x8000ffff,
      message: 'Unexpected failure: boom',
    });
    expect(toErrorShape({ code: 'X', hresult: -2147221503, message: 'm', action: 'a' })).toEqual({
      code: 'X',
      hresult: 0x80040001,
      message: 'm',
      action: 'a',
    });
  });
});
