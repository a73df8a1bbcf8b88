// zod schemas for every LunStudioApi request: the one source of every request rule (types, ranges, lengths, the
// per-LUN-type rules of lun-rules.ts, unmasking entries, references by id or unique name). The host dispatcher
// (desktop IPC and the browser WebSocket), the native facade (native/lib/validate.ts) and the CLI's option checks
// (electron/host/cli) all validate with them, so one bad request gets the same field and rule from each.
// Objects are strict: an unknown key is an error, never silently dropped.
import { z } from 'zod';
import type { ApiMethodName, ApiMethods } from './api';
import { API_METHOD_NAMES } from './api';
import { invalidInput, type LunStudioError } from './errors';
import { LUN_RULE_TEXT, MAX_BATCH_COUNT, MAX_DRIVES_PER_LUN, lunTypeProblem } from './lun-rules';
import { LUN_TYPES, OPERATION_KINDS, OPERATION_STATES, PROVIDER_NAMES } from './model';
import { normalizeUnmaskingList, unmaskingListProblem } from './unmasking-list';

export { MAX_BATCH_COUNT, MAX_DRIVES_PER_LUN } from './lun-rules';

/** Operation ids the host hands out: RFC 4122 UUIDs (crypto.randomUUID()). */
export const OPERATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_ID_LENGTH = 256;
export const MAX_UNMASKING_LIST_LENGTH = 32 * 1024;

const objectId = z
  .string({ error: 'must be a string id' })
  .min(1, { error: 'must not be empty' })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x1f\x7f]+$/, { error: 'must not contain control characters' })
  .refine((ref) => ref.trim() !== '', { error: 'must not be blank' });

/** A subsystem or drive: its id or its case-insensitive unique name (resolved by the facade). */
const objectRef = objectId;

const byteSize = z
  .number({ error: 'must be a number of bytes' })
  .int({ error: 'must be a whole number of bytes' })
  .positive({ error: 'must be greater than 0 bytes' })
  .max(Number.MAX_SAFE_INTEGER, { error: `must be at most ${Number.MAX_SAFE_INTEGER} bytes` });

const lunType = z.enum(LUN_TYPES, { error: `must be one of ${LUN_TYPES.join(', ')}` });

const driveIds = z
  .array(objectRef, { error: 'must be an array of drive ids or names' })
  .max(MAX_DRIVES_PER_LUN, { error: `must list at most ${MAX_DRIVES_PER_LUN} drives` })
  .superRefine((refs, ctx) => {
    // Names are case-insensitive and so are GUID ids: "Bay 00" and "bay 00" are the same drive.
    const firstIndex = new Map<string, number>();
    refs.forEach((ref, index) => {
      const key = ref.trim().toLowerCase();
      const earlier = firstIndex.get(key);
      if (earlier !== undefined)
        ctx.addIssue({ code: 'custom', path: [index], message: LUN_RULE_TEXT.duplicateDrive(ref, earlier) });
      else firstIndex.set(key, index);
    });
  });

const stripeSizeBytes = z
  .number({ error: 'must be a number of bytes' })
  .int({ error: 'must be a whole number of bytes' })
  .positive({ error: 'must be greater than 0' })
  .max(2 ** 31, { error: 'must be at most 2 GiB' })
  .refine((n) => (n & (n - 1)) === 0, { error: 'must be a power of two' });

const batchCount = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: `must be 1–${MAX_BATCH_COUNT}` })
  .max(MAX_BATCH_COUNT, { error: `must be 1–${MAX_BATCH_COUNT}` });

const flag = z.boolean({ error: 'must be true or false' });

const hints = z.strictObject(
  {
    stripeSizeBytes: stripeSizeBytes.optional(),
    maximumDriveCount: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(MAX_DRIVES_PER_LUN, {
        error: `must be at most ${MAX_DRIVES_PER_LUN} (the most drives a LUN can have)`,
      })
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
  })
  .overwrite(normalizeUnmaskingList);

const maxLunSizeShape = {
  subsystemId: objectRef,
  type: lunType,
  driveIds: driveIds.optional(),
  hints: hints.optional(),
};

/** The per-LUN-type rules (lun-rules.ts) on a request whose fields each have the right shape. */
function typeRules(request: z.infer<typeof maxLunSizeRequestObject>, ctx: z.RefinementCtx): void {
  const hintNames = Object.entries(request.hints ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
  const problem = lunTypeProblem(request.type, request.driveIds?.length ?? 0, hintNames);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.rule });
}

const maxLunSizeRequestObject = z.strictObject(maxLunSizeShape, { error: 'must be an object' });

export const maxLunSizeRequestSchema = maxLunSizeRequestObject.superRefine(typeRules);

export const createLunRequestSchema = z
  .strictObject(
    { ...maxLunSizeShape, sizeBytes: byteSize, unmaskingList: unmaskingList.optional() },
    { error: 'must be an object' },
  )
  .superRefine(typeRules);

/** A LUN: its id, or a name unique in its subsystem (resolved by the facade). */
const lunRefShape = { subsystemId: objectRef, lunId: objectRef };

/** Exactly one of `names` is given (the first field named when none or several are). */
function exactlyOne(names: readonly string[]) {
  return (request: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const given = names.filter((name) => request[name] !== undefined);
    if (given.length === 1) return;
    ctx.addIssue({
      code: 'custom',
      path: [given[1] ?? names[0]!],
      message:
        given.length === 0
          ? `is required: give exactly one of ${names.join(', ')}`
          : `cannot be combined with ${given[0]}: give exactly one of ${names.join(', ')}`,
    });
  };
}

export const EXTEND_AMOUNT_FIELDS = ['bytesToAdd', 'newSizeBytes', 'useMaximum'] as const;
export const SHRINK_AMOUNT_FIELDS = ['bytesToRemove', 'newSizeBytes'] as const;

export const maxLunExtendRequestSchema = z.strictObject(
  { ...lunRefShape, driveIds: driveIds.optional() },
  { error: 'must be an object' },
);

export const extendLunRequestSchema = z
  .strictObject(
    {
      ...lunRefShape,
      driveIds: driveIds.optional(),
      bytesToAdd: byteSize.optional(),
      newSizeBytes: byteSize.optional(),
      useMaximum: z.literal(true, { error: 'must be true (or left out)' }).optional(),
    },
    { error: 'must be an object' },
  )
  .superRefine(exactlyOne(EXTEND_AMOUNT_FIELDS));

export const shrinkLunRequestSchema = z
  .strictObject(
    { ...lunRefShape, bytesToRemove: byteSize.optional(), newSizeBytes: byteSize.optional() },
    { error: 'must be an object' },
  )
  .superRefine(exactlyOne(SHRINK_AMOUNT_FIELDS));

export const setLunMaskRequestSchema = z.strictObject(
  { ...lunRefShape, unmaskingList },
  { error: 'must be an object' },
);

export const deleteLunRequestSchema = z.strictObject(
  { ...lunRefShape, confirmUnmasked: flag.optional() },
  { error: 'must be an object' },
);

export const recoverLunRequestSchema = z.strictObject(lunRefShape, { error: 'must be an object' });
export const lunDetailsRequestSchema = z.strictObject(lunRefShape, { error: 'must be an object' });

/** A drive: its id, or a name unique in its subsystem (resolved by the facade). */
const driveRefShape = { subsystemId: objectRef, driveId: objectRef };
const onOff = z.boolean({ error: 'must be true (on) or false (off)' });

export const driveRefSchema = z.strictObject(driveRefShape, { error: 'must be an object' });
export const identifyDriveRequestSchema = z.strictObject(
  { ...driveRefShape, on: onOff },
  { error: 'must be an object' },
);
export const setHotSpareRequestSchema = z.strictObject(
  { ...driveRefShape, hotSpare: onOff },
  { error: 'must be an object' },
);
export const replaceDriveRequestSchema = z
  .strictObject({ ...driveRefShape, replacementDriveId: objectRef }, { error: 'must be an object' })
  .refine((r) => r.driveId.trim().toLowerCase() !== r.replacementDriveId.trim().toLowerCase(), {
    path: ['replacementDriveId'],
    error: 'must be a different drive than the one it replaces',
  });
export const listExtentsRequestSchema = z.strictObject(
  { subsystemId: objectRef },
  { error: 'must be an object' },
);

/** Nothing (undefined / null) is no filter; anything else must be the filter object, whose own fields are
 * checked (and named) one by one. */
const listOperationsFilter = z.preprocess(
  (value) => value ?? {},
  z.strictObject(
    {
      kind: z.enum(OPERATION_KINDS, { error: `must be one of ${OPERATION_KINDS.join(', ')}` }).optional(),
      state: z.enum(OPERATION_STATES, { error: `must be one of ${OPERATION_STATES.join(', ')}` }).optional(),
      limit: z
        .number({ error: 'must be a whole number from 1 to 1000000' })
        .int({ error: 'must be a whole number from 1 to 1000000' })
        .min(1, { error: 'must be a whole number from 1 to 1000000' })
        .max(1_000_000, { error: 'must be a whole number from 1 to 1000000' })
        .optional(),
    },
    { error: 'must be an object with kind, state and/or limit, or nothing' },
  ),
);

/** The schemas of single request fields, for inputs that arrive one by one (the CLI's options). */
export const fieldSchemas = {
  subsystemId: objectRef,
  type: lunType,
  driveIds,
  stripeSizeBytes,
  sizeBytes: byteSize,
  unmaskingList,
  count: batchCount,
  lunId: objectRef,
  driveId: objectRef,
  replacementDriveId: objectRef,
  operationKind: z.enum(OPERATION_KINDS, { error: `must be one of ${OPERATION_KINDS.join(', ')}` }),
  operationState: z.enum(OPERATION_STATES, { error: `must be one of ${OPERATION_STATES.join(', ')}` }),
} as const;

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
  listDrives: z.strictObject({ subsystemId: objectRef }, { error: 'must be an object' }),
  maxLunSize: maxLunSizeRequestSchema,
  createLuns: z.strictObject(
    {
      request: createLunRequestSchema,
      count: batchCount,
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
  listOperations: listOperationsFilter,
  maxLunExtendSize: maxLunExtendRequestSchema,
  extendLun: extendLunRequestSchema,
  shrinkLun: shrinkLunRequestSchema,
  setLunMask: setLunMaskRequestSchema,
  deleteLun: deleteLunRequestSchema,
  recoverLun: recoverLunRequestSchema,
  lunDetails: lunDetailsRequestSchema,
  listExtents: listExtentsRequestSchema,
  identifyDrive: identifyDriveRequestSchema,
  setHotSpare: setHotSpareRequestSchema,
  replaceDrive: replaceDriveRequestSchema,
  simFailDrive: driveRefSchema,
  simRestoreDrive: driveRefSchema,
  openMonitor: noArgument,
  getProviderChoice: noArgument,
  chooseProvider: z.strictObject(
    { provider: z.enum(PROVIDER_NAMES, { error: `must be one of ${PROVIDER_NAMES.join(', ')}` }) },
    { error: 'must be an object' },
  ),
  clearFinishedOperations: noArgument,
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

/** A broken rule: the field (a path like "request.driveIds[2]") and the rule's text. */
export interface RuleProblem {
  field: string;
  rule: string;
}

function issueProblem(issue: z.core.$ZodIssue, root: readonly PropertyKey[]): RuleProblem {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      field: fieldPath([...root, ...issue.path, key]),
      rule: 'unknown field (not part of this request)',
    };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) {
    return { field: fieldPath([...root, ...issue.path]), rule: 'is required' };
  }
  return { field: fieldPath([...root, ...issue.path]), rule: issue.message };
}

/** The first rule `value` breaks under `schema`, or null. `root` prefixes the field (e.g. ["request"]). */
export function firstProblem(
  schema: z.ZodType,
  value: unknown,
  root: readonly PropertyKey[] = [],
): RuleProblem | null {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return null;
  const first = parsed.error.issues[0];
  return first ? issueProblem(first, root) : { field: fieldPath(root), rule: 'is not valid' };
}

/** Validates with `schema`; on failure throws E_INVALIDARG naming the first bad field and the rule it breaks. */
export function checkWith<T>(schema: z.ZodType<T>, value: unknown, root: readonly PropertyKey[] = []): T {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const problem = first ? issueProblem(first, root) : { field: fieldPath(root), rule: 'is not valid' };
  throw invalidInput(problem.field, problem.rule);
}

export type ParseResult<K extends ApiMethodName> =
  { ok: true; value: ApiMethods[K]['request'] } | { ok: false; error: LunStudioError };

/** Validates one request. On failure: E_INVALIDARG naming the first bad field and the rule it breaks. */
export function parseRequest<K extends ApiMethodName>(method: K, payload: unknown): ParseResult<K> {
  const schema = requestSchemas[method] as z.ZodType<ApiMethods[K]['request']>;
  try {
    return { ok: true, value: checkWith(schema, payload) };
  } catch (error) {
    return { ok: false, error: error as LunStudioError };
  }
}
