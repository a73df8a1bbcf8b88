// zod schemas for the simulator's two JSON files: the topology (what an array looks like before any
// LUN exists) and the state file (the topology with ids, plus LUNs and their extents).
import { z } from 'zod';
import {
  DRIVE_STATUSES,
  HEALTHS,
  LUN_TYPES,
  SPECIFIC_LUN_TYPES,
  SUBSYSTEM_STATUSES,
} from '../../electron/contract/model';
import type { SimFaultKind } from './raw-addon';

const SIM_FAULT_KINDS = [
  'errantNullAsync',
  'wrongOutputType',
  'nullLun',
  'failAt',
  'queryStatusFails',
  'waitFails',
  'hang',
  'cancelTooLate',
  'driveFailsAt',
] as const satisfies readonly SimFaultKind[];

const HRESULT_TEXT = /^0x[0-9a-f]{1,8}$/i;

/** An HRESULT as a number (signed or unsigned 32-bit) or a "0x8004240F" string; always unsigned after parsing. */
export const hresultSchema = z
  .union([
    z.number().int().min(-0x80000000).max(0xffffffff),
    z.string().regex(HRESULT_TEXT, 'must be a number or a "0x…" hex string of at most 8 digits'),
  ])
  .transform((value) => (typeof value === 'string' ? Number.parseInt(value.slice(2), 16) : value) >>> 0);

const byteCount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const offsetBytes = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const percentSchema = z.number().int().min(0).max(100);
const isPowerOfTwo = (n: number): boolean =>
  Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;
const stripeSizeSchema = z
  .number()
  .int()
  .min(4096)
  .max(2 ** 31)
  .refine(isPowerOfTwo, 'must be a power of two (VDS stripe-size flags: bit n means 2^n bytes)');

const faultSchema = z
  .object({
    kind: z.enum(SIM_FAULT_KINDS),
    percent: percentSchema.optional(),
    hresult: hresultSchema.optional(),
    drive: z.string().min(1).optional(),
  })
  .superRefine((fault, ctx) => {
    const need = (key: 'percent' | 'hresult' | 'drive') => {
      if (fault[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required for a ${fault.kind} fault` });
      }
    };
    if (fault.kind === 'failAt') ['percent', 'hresult'].forEach((key) => need(key as 'percent' | 'hresult'));
    if (fault.kind === 'queryStatusFails' || fault.kind === 'waitFails') need('hresult');
    if (fault.kind === 'driveFailsAt')
      ['percent', 'drive'].forEach((key) => need(key as 'percent' | 'drive'));
    if (fault.hresult !== undefined && fault.hresult < 0x80000000) {
      ctx.addIssue({ code: 'custom', path: ['hresult'], message: 'must be a failure HRESULT (0x8…)' });
    }
  });

export const DEFAULT_SUPPORTED_TYPES = ['simple', 'span', 'stripe', 'mirror', 'parity'] as const;
export const DEFAULT_STRIPE_SIZES = [65536, 131072, 262144, 524288, 1048576];
export const DEFAULT_INIT_RATE_BYTES_PER_SEC = 2 * 1024 ** 3;

const topologyDriveSchema = z.object({
  name: z.string().trim().min(1).optional(),
  sizeBytes: byteCount,
  bus: z.number().int().nonnegative().default(0),
  slot: z.number().int().nonnegative().optional(),
  status: z.enum(DRIVE_STATUSES).default('online'),
  health: z.enum(HEALTHS).default('healthy'),
  hotSpare: z.boolean().default(false),
});

const subsystemCommon = {
  name: z.string().trim().min(1),
  supportedTypes: z
    .array(z.enum(LUN_TYPES))
    .min(1)
    .default([...DEFAULT_SUPPORTED_TYPES]),
  stripeSizes: z.array(stripeSizeSchema).min(1).default(DEFAULT_STRIPE_SIZES),
  initRateBytesPerSec: z
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .default(DEFAULT_INIT_RATE_BYTES_PER_SEC),
  maskingCapable: z.boolean().default(true),
  /** A standby hot spare takes over a failed drive of a redundant LUN at once (docs/SIMULATOR.md). */
  automaticHotSpare: z.boolean().optional(),
  status: z.enum(SUBSYSTEM_STATUSES).default('online'),
  health: z.enum(HEALTHS).default('healthy'),
  faults: z.array(faultSchema).default([]),
};

export const topologySchema = z.object({
  subsystems: z.array(z.object({ ...subsystemCommon, drives: z.array(topologyDriveSchema).min(1) })).min(1),
});
export type Topology = z.output<typeof topologySchema>;

const idSchema = z.string().trim().min(1);

const stateDriveSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1),
  sizeBytes: byteCount,
  bus: z.number().int().nonnegative(),
  slot: z.number().int().nonnegative(),
  status: z.enum(DRIVE_STATUSES),
  health: z.enum(HEALTHS),
  hotSpare: z.boolean(),
  identifying: z.boolean().optional(),
});

const extentSchema = z.object({ driveId: idSchema, offsetBytes, lengthBytes: byteCount });

const stateLunSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: z.enum(SPECIFIC_LUN_TYPES),
  sizeBytes: byteCount,
  stripeSizeBytes: z.number().int().nonnegative(),
  unmaskingList: z.string(),
  extents: z.array(extentSchema).min(1),
  operationId: z.string().min(1).optional(),
  staleDriveIds: z.array(idSchema).optional(),
  rebuild: z
    .object({
      driveIds: z.array(idSchema).min(1),
      startedAtMs: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      bytes: byteCount,
    })
    .optional(),
});

export const simStateSchema = z.object({
  version: z.literal(1),
  subsystems: z
    .array(
      z.object({
        id: idSchema,
        ...subsystemCommon,
        drives: z.array(stateDriveSchema).min(1),
        luns: z.array(stateLunSchema).default([]),
      }),
    )
    .min(1),
});

/** "subsystems[0].drives[3].sizeBytes: Too small: expected number to be >0" */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.reduce<string>(
        (text, key) =>
          typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
        '',
      );
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
