// zod schemas for every LunStudioApi request: the one place where a request's shape is checked before it
// reaches the host (desktop IPC and the browser WebSocket both go through parseRequest via the dispatcher).
// Objects are strict: an unknown key is an error, never silently dropped.
import { z } from 'zod';
import type { ApiMethodName, ApiMethods } from './api';
import { API_METHOD_NAMES } from './api';
import { invalidInput, type LunStudioError } from './errors';
import { LUN_TYPES } from './model';
import { unmaskingListProblem } from './unmasking-list';

/** Operation ids the host hands out: RFC 4122 UUIDs (crypto.randomUUID()). */
export const OPERATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_BATCH_COUNT = 64;
export const MAX_ID_LENGTH = 256;
export const MAX_DRIVES_PER_LUN = 256;
export const MAX_UNMASKING_LIST_LENGTH = 32 * 1024;
const ULONG_MAX = 0xffffffff;

const objectId = z
  .string({ error: 'must be a string id' })
  .min(1, { error: 'must not be empty' })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x1f\x7f]+$/, { error: 'must not contain control characters' });

const byteSize = z
  .number({ error: 'must be a number of bytes' })
  .int({ error: 'must be a whole number of bytes' })
  .positive({ error: 'must be greater than 0' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'must be at most 2^53 - 1 bytes' });

const lunType = z.enum(LUN_TYPES, { error: `must be one of ${LUN_TYPES.join(', ')}` });

const driveIds = z
  .array(objectId, { error: 'must be an array of drive ids' })
  .max(MAX_DRIVES_PER_LUN, { error: `must list at most ${MAX_DRIVES_PER_LUN} drives` })
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: [index], message: `duplicate drive id "${id}"` });
      seen.add(id);
    });
  });

const flag = z.boolean({ error: 'must be true or false' });

const hints = z.strictObject(
  {
    stripeSizeBytes: z
      .number({ error: 'must be a number of bytes' })
      .int({ error: 'must be a whole number of bytes' })
      .positive({ error: 'must be greater than 0' })
      .max(2 ** 31, { error: 'must be at most 2 GiB' })
      .refine((n) => (n & (n - 1)) === 0, { error: 'must be a power of two' })
      .optional(),
    maximumDriveCount: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(ULONG_MAX, { error: `must be at most ${ULONG_MAX}` })
      .optional(),
    fastCrashRecoveryRequired: flag.optional(),
    mostlyReads: flag.optional(),
    optimizeForSequentialReads: flag.optional(),
    optimizeForSequentialWrites: flag.optional(),
    readBackVerifyEnabled: flag.optional(),
    writeThroughCachingEnabled: flag.optional(),
    hardwareChecksumEnabled: flag.optional(),
    isYankable: flag.optional(),
    rebuildPriority: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be 0–15' })
      .max(15, { error: 'must be 0–15' })
      .optional(),
  },
  { error: 'must be an object' },
);

const unmaskingList = z
  .string({ error: 'must be a string ("*", "" or ;-separated initiator names)' })
  .max(MAX_UNMASKING_LIST_LENGTH, { error: `must be at most ${MAX_UNMASKING_LIST_LENGTH} characters` })
  .superRefine((list, ctx) => {
    const problem = unmaskingListProblem(list);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const maxLunSizeShape = {
  subsystemId: objectId,
  type: lunType,
  driveIds: driveIds.optional(),
  hints: hints.optional(),
};

export const maxLunSizeRequestSchema = z.strictObject(maxLunSizeShape, { error: 'must be an object' });

export const createLunRequestSchema = z.strictObject(
  { ...maxLunSizeShape, sizeBytes: byteSize, unmaskingList: unmaskingList.optional() },
  { error: 'must be an object' },
);

/** A method that takes no argument: nothing, null or {} (what IPC and JSON clients naturally send). */
const noArgument = z
  .unknown()
  .refine(
    (value) =>
      value === undefined ||
      value === null ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0),
    { error: 'must be empty (this method takes no argument)' },
  )
  .transform((): void => undefined);

export const requestSchemas = {
  getInventory: z
    .strictObject({ refresh: flag.optional() }, { error: 'must be an object' })
    .optional()
    .transform((request) => request ?? {}),
  maxLunSize: maxLunSizeRequestSchema,
  createLuns: z.strictObject(
    {
      request: createLunRequestSchema,
      count: z
        .number({ error: 'must be a number' })
        .int({ error: 'must be a whole number' })
        .min(1, { error: `must be 1–${MAX_BATCH_COUNT}` })
        .max(MAX_BATCH_COUNT, { error: `must be 1–${MAX_BATCH_COUNT}` }),
    },
    { error: 'must be an object' },
  ),
  cancelOperation: z.strictObject(
    {
      operationId: z
        .string({ error: 'must be a string' })
        .regex(OPERATION_ID_PATTERN, { error: 'must be an operation id (a UUID)' }),
    },
    { error: 'must be an object' },
  ),
  listOperations: noArgument,
  openMonitor: noArgument,
} satisfies { [K in ApiMethodName]: z.ZodType<ApiMethods[K]['request'], unknown> };

export function isApiMethodName(value: unknown): value is ApiMethodName {
  return typeof value === 'string' && (API_METHOD_NAMES as readonly string[]).includes(value);
}

/** "request.driveIds[2]" from ["request", "driveIds", 2]; "payload" for the whole argument. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'payload' : out;
}

function issueToError(issue: z.core.$ZodIssue): LunStudioError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return invalidInput(fieldPath([...issue.path, key]), 'unknown field (not part of this request)');
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) {
    return invalidInput(fieldPath(issue.path), 'is required');
  }
  return invalidInput(fieldPath(issue.path), issue.message);
}

export type ParseResult<K extends ApiMethodName> =
  { ok: true; value: ApiMethods[K]['request'] } | { ok: false; error: LunStudioError };

/** Validates one request. On failure: E_INVALIDARG naming the first bad field and the rule it breaks. */
export function parseRequest<K extends ApiMethodName>(method: K, payload: unknown): ParseResult<K> {
  const schema = requestSchemas[method] as z.ZodType<ApiMethods[K]['request']>;
  const parsed = schema.safeParse(payload, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    error: first ? issueToError(first) : invalidInput('payload', 'is not a valid request'),
  };
}
