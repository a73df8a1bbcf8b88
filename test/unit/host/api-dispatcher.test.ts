import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, serviceHandlers } from '../../../electron/host/api-dispatcher';
import { StorageService } from '../../../electron/host/storage-service';
import { MALFORMED } from '../../host/fixtures/malformed-payloads';
import { FakeProvider, SUBSYSTEM_ID } from '../fake-provider';

describe('api dispatcher', () => {
  let provider: FakeProvider;
  let service: StorageService;

  beforeEach(async () => {
    provider = new FakeProvider();
    service = await StorageService.open({ openProvider: async () => provider, journalPath: false });
  });
  afterEach(() => service.close());

  it(`refuses ${MALFORMED.length} malformed payloads with a typed error naming the field, reaching no provider method`, async () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(40);
    const dispatch = createDispatcher(serviceHandlers(service));
    for (const bad of MALFORMED) {
      const result = await dispatch(bad.method, bad.payload);
      expect(result.ok, bad.name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, bad.name).toBe('E_INVALIDARG');
      expect(result.error.hresult, bad.name).toBe(0x80070057);
      expect(result.error.field, bad.name).toBe(bad.field);
      expect(result.error.message.startsWith(`${bad.field}: `), bad.name).toBe(true);
    }
    expect(provider.providerCalls).toBe(0);
    expect(service.listOperations()).toEqual([]);
  });

  it('passes a valid request through and returns the value', async () => {
    const dispatch = createDispatcher(serviceHandlers(service));
    const result = await dispatch('maxLunSize', { subsystemId: SUBSYSTEM_ID, type: 'simple' });
    expect(result).toEqual({ ok: true, value: { maxBytes: provider.maxBytes } });
    expect(provider.calls.maxLunSize).toBe(1);
  });

  it('turns a provider rejection into an error result with code and hresult', async () => {
    const dispatch = createDispatcher(serviceHandlers(service));
    const result = await dispatch('createLuns', {
      request: { subsystemId: '{00000000-0000-4000-8000-00000000dead}', type: 'simple', sizeBytes: 1024 },
      count: 1,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VDS_E_OBJECT_NOT_FOUND', hresult: 0x80042405, field: 'request.subsystemId' },
    });
    expect(provider.calls.createLun).toBe(0);
  });

  it('clearFinishedOperations takes nothing (undefined, null or {}) and says how many went', async () => {
    const dispatch = createDispatcher(serviceHandlers(service));
    for (const payload of [undefined, null, {}])
      expect(await dispatch('clearFinishedOperations', payload)).toEqual({ ok: true, value: { removed: 0 } });
  });

  it('lets the desktop shell override openMonitor', async () => {
    let opened = 0;
    const dispatch = createDispatcher(
      serviceHandlers(service, { openMonitor: async () => void (opened += 1) }),
    );
    expect(await dispatch('openMonitor', undefined)).toEqual({ ok: true, value: undefined });
    expect(opened).toBe(1);
  });
});
