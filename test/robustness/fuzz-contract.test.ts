// Property-based fuzzing of the contract's request schemas (electron/contract/schemas.ts) and of the host's
// dispatcher in front of them: any method name and payload either parses or is rejected with E_INVALIDARG
// naming the field and the rule — never an exception — and a rejected request never reaches a handler.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, type ApiMethodName } from '../../electron/contract/api';
import { HRESULT, LunStudioError } from '../../electron/contract/errors';
import { LUN_TYPES } from '../../electron/contract/model';
import { parseRequest } from '../../electron/contract/schemas';
import { createDispatcher, type ApiHandlers } from '../../electron/host/api-dispatcher';
import { report, tally, typedProblem } from './fuzz-report';

const SCHEMA_RUNS = 3000;
const DISPATCH_RUNS = 1000;

const weird = fc.oneof(
  fc.anything(),
  fc.constantFrom(NaN, Infinity, -1, 0, 2 ** 53, -0, 1.5, '', ' ', '\u0000', '*', 'x'.repeat(300)),
);
const hints = fc.record(
  {
    stripeSizeBytes: fc.oneof(fc.constantFrom(65536, 3, 2 ** 32), weird),
    maximumDriveCount: fc.oneof(fc.integer({ min: -2, max: 2 ** 33 }), weird),
    rebuildPriority: fc.oneof(fc.integer({ min: -1, max: 16 }), weird),
    mostlyReads: fc.oneof(fc.boolean(), weird),
  },
  { requiredKeys: [] },
);
/** Requests near the valid ones: right keys with right or wrong values, sometimes a stray key. */
const lunRequest = fc.record(
  {
    subsystemId: fc.oneof(fc.string(), fc.uuid(), weird),
    type: fc.oneof(fc.constantFrom(...LUN_TYPES), weird),
    sizeBytes: fc.oneof(fc.integer({ min: -10, max: 2 ** 40 }), weird),
    driveIds: fc.oneof(fc.array(fc.oneof(fc.string(), weird), { maxLength: 5 }), weird),
    hints: fc.oneof(hints, weird),
    unmaskingList: fc.oneof(
      fc.constantFrom('*', '', 'iqn.1991-05.com.microsoft:host;iqn.x', 'a;;b'),
      fc.string(),
      weird,
    ),
    extra: weird,
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(
  weird,
  lunRequest,
  fc.record(
    { request: fc.oneof(lunRequest, weird), count: fc.oneof(fc.integer({ min: -1, max: 70 }), weird) },
    { requiredKeys: [] },
  ),
  fc.record({ operationId: fc.oneof(fc.uuid(), fc.string(), weird) }, { requiredKeys: [] }),
  fc.record({ refresh: fc.oneof(fc.boolean(), weird) }, { requiredKeys: [] }),
);
const method = fc.constantFrom(...API_METHOD_NAMES);

describe('fuzz: contract schemas and dispatcher', () => {
  it(`parseRequest: ${SCHEMA_RUNS} generated requests parse or reject with E_INVALIDARG naming the field`, () => {
    const t = tally('contract parseRequest');
    fc.assert(
      fc.property(method, payload, (name: ApiMethodName, input) => {
        t.inputs += 1;
        const result = parseRequest(name, input);
        if (result.ok) {
          t.accepted += 1;
          expect(parseRequest(name, result.value).ok).toBe(true); // what passed once passes again
          return;
        }
        t.rejected += 1;
        expect(result.error).toBeInstanceOf(LunStudioError);
        expect(typedProblem(result.error)).toBeUndefined();
        expect(result.error.code).toBe('E_INVALIDARG');
        expect(result.error.hresult).toBe(HRESULT.E_INVALIDARG);
        expect(result.error.field).toMatch(/\S/);
        expect(result.error.message.startsWith(`${result.error.field}: `)).toBe(true);
      }),
      { numRuns: SCHEMA_RUNS, seed: 20261125 },
    );
    report(t);
    expect(t.inputs).toBe(SCHEMA_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it(`dispatcher: ${DISPATCH_RUNS} generated calls; rejected ones never reach a handler`, async () => {
    const t = tally('host dispatcher');
    let handled = 0;
    const answer = async () => {
      handled += 1;
      return {};
    };
    const handlers = Object.fromEntries(
      API_METHOD_NAMES.map((name) => [name, answer]),
    ) as unknown as ApiHandlers;
    const dispatch = createDispatcher(handlers);
    await fc.assert(
      fc.asyncProperty(fc.oneof(method, fc.string(), weird), payload, async (name, input) => {
        t.inputs += 1;
        const before = handled;
        const result = await dispatch(name, input);
        if (result.ok) {
          t.accepted += 1;
          expect(handled).toBe(before + 1);
          return;
        }
        t.rejected += 1;
        expect(handled).toBe(before);
        expect(typedProblem(result.error)).toBeUndefined();
        expect(result.error.code).toBe('E_INVALIDARG');
        expect(JSON.parse(JSON.stringify(result.error))).toEqual(result.error); // crosses IPC/WebSocket intact
      }),
      { numRuns: DISPATCH_RUNS, seed: 20261126 },
    );
    report(t);
    expect(t.inputs).toBe(DISPATCH_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
  });
});
