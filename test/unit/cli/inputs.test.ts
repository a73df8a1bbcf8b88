import { describe, expect, it } from 'vitest';
import { CliInputError } from '../../../electron/host/cli/cli-error';
import {
  parseCount,
  parseDriveList,
  parseLunType,
  parseProviderName,
  parseSizeArgument,
  parseStripeSize,
  parseUnmaskList,
} from '../../../electron/host/cli/inputs';

function rejection(action: () => unknown): CliInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof CliInputError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('option values', () => {
  it('defaults the provider by platform and accepts only sim or vds', () => {
    expect(parseProviderName(undefined, 'win32')).toBe('vds');
    expect(parseProviderName(undefined, 'linux')).toBe('sim');
    expect(parseProviderName('vds', 'linux')).toBe('vds');
    expect(rejection(() => parseProviderName('VDS2', 'linux')).field).toBe('--provider');
  });

  it('matches LUN types case-insensitively and lists the valid ones otherwise', () => {
    expect(parseLunType('Stripe')).toBe('stripe');
    expect(parseLunType('faulttolerant')).toBe('faultTolerant');
    expect(parseLunType('RAID10')).toBe('raid10');
    const error = rejection(() => parseLunType('raid5'));
    expect(error.field).toBe('--type');
    expect(error.message).toContain('simple, span, stripe, mirror, parity');
  });

  it('reads --size as max or a size', () => {
    expect(parseSizeArgument('max')).toEqual({ max: true });
    expect(parseSizeArgument('MAX')).toEqual({ max: true });
    expect(parseSizeArgument('1.5GiB')).toEqual({ max: false, bytes: 1610612736 });
    expect(rejection(() => parseSizeArgument('maximum')).field).toBe('--size');
    expect(rejection(() => parseSizeArgument('0')).message).toMatch(/^--size: must be greater than 0/);
  });

  it('wants a power-of-two stripe size', () => {
    expect(parseStripeSize('64KiB')).toBe(65536);
    expect(parseStripeSize('1MiB')).toBe(1048576);
    expect(rejection(() => parseStripeSize('100KB')).message).toMatch(/^--stripe-size: .*power of two/);
    expect(rejection(() => parseStripeSize('abc')).field).toBe('--stripe-size');
  });

  it.each(['0', '-1', 'abc', '1.5', '65', '', '2x'])('rejects --count %j', (text) => {
    expect(rejection(() => parseCount(text)).field).toBe('--count');
  });

  it('accepts counts from 1 to 64', () => {
    expect(parseCount('1')).toBe(1);
    expect(parseCount('64')).toBe(64);
  });

  it('splits drive lists, refusing empty and repeated entries', () => {
    expect(parseDriveList('Bay 00, Bay 01')).toEqual(['Bay 00', 'Bay 01']);
    expect(rejection(() => parseDriveList('a,,b')).message).toMatch(/^--drives: entry 2 is empty/);
    expect(rejection(() => parseDriveList('a,A')).message).toMatch(
      /^--drives: drive "A" is listed more than once/,
    );
    expect(rejection(() => parseDriveList('')).field).toBe('--drives');
  });

  it.each([
    ['*', '*'],
    ['', ''],
    ['""', ''],
    ['iqn.1991-05.com.microsoft:host1', 'iqn.1991-05.com.microsoft:host1'],
    ['iqn.1991-05.com.microsoft:host1;0123456789ABCDEF', 'iqn.1991-05.com.microsoft:host1;0123456789ABCDEF'],
    [
      'eui.0123456789abcdef; naa.0123456789ABCDEF0123456789ABCDEF',
      'eui.0123456789abcdef;naa.0123456789ABCDEF0123456789ABCDEF',
    ],
    ['naa.0123456789abcdef', 'naa.0123456789abcdef'],
  ])('accepts the unmasking list %j', (text, expected) => {
    expect(parseUnmaskList(text)).toBe(expected);
  });

  it.each([
    ['*;iqn.1991-05.com.microsoft:host1', /"\*" and "" stand alone/],
    ['iqn.1991-05.com.microsoft:h1;;0123456789ABCDEF', /entry 2 of 3 is empty/],
    ['0123456789ABCDE', /not an initiator name/],
    ['0123456789ABCDEFG', /not an initiator name/],
    ['iqn.1991-13.com.microsoft:h', /not an initiator name/],
    ['iqn.91-05.com.microsoft', /not an initiator name/],
    ['eui.0123', /not an initiator name/],
    ['naa.0123456789abcdef01', /not an initiator name/],
    ['host1', /not an initiator name/],
    ['0123456789abcdef;0123456789ABCDEF', /listed more than once/],
  ])('rejects the unmasking list %j', (text, rule) => {
    const error = rejection(() => parseUnmaskList(text));
    expect(error.field).toBe('--unmask');
    expect(error.message).toMatch(rule);
  });
});
