import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import { selectSizeBytes, selectStepErrors } from '../../../../renderer/store/wizard-selectors';
import { buildCreateRequest } from '../../../../renderer/store/wizard-slice';
import { wireEvents } from '../../../../renderer/store/wire-events';
import { apiError, FakeApi } from '../helpers/fake-api';
import { TIB } from '../helpers/fixtures';

const flush = () => new Promise((r) => setTimeout(r, 0));

async function ready(api = new FakeApi()) {
  const store = createAppStore(api);
  wireEvents(store, api, (apply) => apply()); // each event at once
  await store.getState().loadInventory();
  // What the wizard view does for the subsystem it shows (useSubsystemDrives).
  await Promise.all(['sub-a', 'sub-b'].map((id) => store.getState().loadDrives(id)));
  return { api, store };
}

const keys = (errors: { key: string }[]) => errors.map((e) => e.key);

describe('wizard slice', () => {
  it('blocks Next until a usable subsystem is chosen', async () => {
    const { store } = await ready();
    expect(store.getState().goNext()).toBe(false);
    store.getState().setSubsystem('sub-b');
    expect(keys(selectStepErrors(store.getState(), 'subsystem'))).toEqual([
      'wizard.errors.subsystemNotOnline',
    ]);
    expect(store.getState().goNext()).toBe(false);
    store.getState().setSubsystem('sub-a');
    expect(store.getState().goNext()).toBe(true);
    expect(store.getState().step).toBe('type');
  });

  it('rejects a type the subsystem does not support', async () => {
    const { store } = await ready();
    store.getState().setSubsystem('sub-a');
    store.getState().setType('raid6');
    expect(keys(selectStepErrors(store.getState(), 'type'))).toEqual(['wizard.errors.typeNotSupported']);
    store.getState().setType('parity');
    expect(selectStepErrors(store.getState(), 'type')).toEqual([]);
  });

  it('manual drives: too few, unusable drives and single-drive rules name the reason', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('parity');
    s().setDriveMode('manual');
    s().toggleDrive('d0');
    s().toggleDrive('d1');
    expect(selectStepErrors(s(), 'drives')).toEqual([
      {
        field: 'drives',
        key: 'wizard.errors.tooFewDrives',
        params: { typeKey: 'lunType.parity', min: 3, count: 2 },
      },
    ]);
    s().toggleDrive('d3'); // failed drive
    expect(selectStepErrors(s(), 'drives')[0]?.params).toMatchObject({
      reasonKey: 'wizard.drives.reason.failed',
    });
    s().toggleDrive('d3');
    s().toggleDrive('d2');
    expect(selectStepErrors(s(), 'drives')).toEqual([]);
    s().setType('simple');
    expect(keys(selectStepErrors(s(), 'drives'))).toEqual(['wizard.errors.tooManyDrives']);
  });

  it('keeps the manual order and moves drives within it', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('span');
    s().setDriveMode('manual');
    s().toggleDrive('d2');
    s().toggleDrive('d0');
    s().toggleDrive('d1');
    s().moveDrive('d1', -1);
    expect(s().driveIds).toEqual(['d2', 'd1', 'd0']);
  });

  it('asks maxLunSize for the current choices and refreshes when they change', async () => {
    const { api, store } = await ready();
    api.maxFor = (r) => (r.driveIds?.length ?? 0) * TIB + (r.type === 'mirror' ? 1 : 0);
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('stripe');
    s().setDriveMode('manual');
    s().toggleDrive('d0');
    s().toggleDrive('d1');
    await flush();
    expect(s().max.maxBytes).toBe(2 * TIB);
    expect(api.maxLunSize).toHaveBeenLastCalledWith({
      subsystemId: 'sub-a',
      type: 'stripe',
      driveIds: ['d0', 'd1'],
    });
    s().setStripeSize(131072);
    await flush();
    expect(api.maxLunSize).toHaveBeenLastCalledWith({
      subsystemId: 'sub-a',
      type: 'stripe',
      driveIds: ['d0', 'd1'],
      hints: { stripeSizeBytes: 131072 },
    });
  });

  it('does not ask for the maximum while the manual drive count is wrong', async () => {
    const { api, store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('stripe');
    await flush();
    api.maxLunSize.mockClear();
    s().setDriveMode('manual');
    s().toggleDrive('d0');
    await flush();
    expect(api.maxLunSize).not.toHaveBeenCalled();
    expect(s().max).toMatchObject({ maxBytes: null, loading: false, error: null });
    s().toggleDrive('d1');
    await flush();
    expect(api.maxLunSize).toHaveBeenCalledTimes(1);
  });

  it('drops a stale maxLunSize answer', async () => {
    const { api, store } = await ready();
    const s = () => store.getState();
    let release: (v: { maxBytes: number }) => void = () => {};
    api.maxLunSize.mockImplementationOnce(() => new Promise((r) => (release = r)));
    s().setSubsystem('sub-a');
    s().setType('simple'); // first call (pending)
    s().setType('span'); // second call answers 3 TiB
    await flush();
    release({ maxBytes: 1 });
    await flush();
    expect(s().max.maxBytes).toBe(TIB);
  });

  it('size above the maximum is an error that carries the maximum; Use maximum sets it exactly', async () => {
    const { api, store } = await ready();
    const max = 3 * TIB + 12345;
    api.maxFor = () => max;
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('span');
    await flush();
    s().setSizeUnit('TiB');
    s().setSizeText('4');
    expect(selectStepErrors(s(), 'size')).toEqual([
      { field: 'size', key: 'wizard.errors.sizeAboveMax', params: { maxBytes: max } },
    ]);
    s().setSizeText('abc');
    expect(keys(selectStepErrors(s(), 'size'))).toEqual(['wizard.errors.sizeNotNumber']);
    // English: "," groups thousands, so "1,5" is refused as ambiguous, never read as 1.5 (or 15).
    s().setSizeText('1,5');
    expect(selectSizeBytes(s())).toBeNull();
    expect(keys(selectStepErrors(s(), 'size'))).toEqual(['wizard.errors.sizeAmbiguous']);
    s().setLocale('de');
    expect(selectSizeBytes(s())).toBe(1.5 * TIB);
    s().setSizeText('0,0000001');
    expect(keys(selectStepErrors(s(), 'size'))).toEqual(['wizard.errors.sizeBelowMinimum']);
    s().setLocale('en');
    s().setSizeText('1,500');
    expect(selectSizeBytes(s())).toBe(1500 * TIB);
    s().useMaximum();
    expect(selectSizeBytes(s())).toBe(max);
    expect(selectStepErrors(s(), 'size')).toEqual([]);
  });

  it('size is blocked while the maximum is unknown or failed', async () => {
    const { api, store } = await ready();
    api.maxFor = () => apiError('VDS_E_NOT_SUPPORTED', 0x80042400, 'Not supported.');
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('span');
    expect(keys(selectStepErrors(s(), 'size'))).toEqual(['wizard.errors.maxLoading']);
    await flush();
    expect(s().max.error?.code).toBe('VDS_E_NOT_SUPPORTED');
    expect(keys(selectStepErrors(s(), 'size'))).toEqual(['wizard.errors.maxFailed']);
  });

  it('validates initiators and names the bad entry', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setAccessMode('list');
    expect(keys(selectStepErrors(s(), 'access'))).toEqual(['wizard.errors.initiatorsRequired']);
    s().setInitiatorsText(
      'iqn.1991-05.com.microsoft:host1\n0123456789ABCDEF\nnot-a-wwn\neui.0123456789abcdef',
    );
    expect(selectStepErrors(s(), 'access')).toEqual([
      {
        field: 'initiators',
        key: 'wizard.errors.initiatorInvalid',
        params: { count: 1, entry: 'not-a-wwn', entries: 'not-a-wwn' },
      },
    ]);
    s().setInitiatorsText('host-a, iqn.1991-05.com.microsoft:host1; host-b');
    expect(selectStepErrors(s(), 'access')).toEqual([
      {
        field: 'initiators',
        key: 'wizard.errors.initiatorInvalid',
        params: { count: 2, entry: 'host-a', entries: 'host-a, host-b' },
      },
    ]);
    s().setInitiatorsText('naa.0123456789abcdef0123456789abcdef; 0123456789ABCDEF');
    expect(selectStepErrors(s(), 'access')).toEqual([]);
  });

  it('count must be a whole number from 1 to 64', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    for (const bad of ['0', '65', '1.5', '', 'x']) {
      s().setCountText(bad);
      expect(keys(selectStepErrors(s(), 'count'))).toEqual(['wizard.errors.countRange']);
    }
    s().setCountText('64');
    expect(selectStepErrors(s(), 'count')).toEqual([]);
  });

  it('builds the request: manual drives in order, hints only where they apply, unmasking list', async () => {
    const { store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('mirror');
    s().setDriveMode('manual');
    s().toggleDrive('d1');
    s().toggleDrive('d0');
    s().setStripeSize(65536); // mirror is not striped: not sent
    s().setHint('mostlyReads', true); // specific type: not sent
    s().setSizeUnit('GiB');
    s().setSizeText('10');
    s().setAccessMode('list');
    s().setInitiatorsText('iqn.1991-05.com.microsoft:a\niqn.1991-05.com.microsoft:b');
    expect(buildCreateRequest(s())).toEqual({
      subsystemId: 'sub-a',
      type: 'mirror',
      sizeBytes: 10 * 2 ** 30,
      driveIds: ['d1', 'd0'],
      unmaskingList: 'iqn.1991-05.com.microsoft:a;iqn.1991-05.com.microsoft:b',
    });
    s().setType('auto');
    s().setAccessMode('all');
    expect(buildCreateRequest(s())).toEqual({
      subsystemId: 'sub-a',
      type: 'auto',
      sizeBytes: 10 * 2 ** 30,
      hints: { stripeSizeBytes: 65536, mostlyReads: true },
      unmaskingList: '*',
    });
  });

  it('create locks the wizard, follows the operations and re-reads the LUN at the end', async () => {
    const { api, store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('simple');
    await flush();
    s().setSizeText('1');
    s().setCountText('2');
    await s().create();
    expect(api.created).toHaveLength(1);
    expect(api.created[0]?.count).toBe(2);
    expect(s().run.phase).toBe('running');
    const [a, b] = s().run.operationIds.map((id) => s().operations[id]!);
    s().setType('span');
    expect(s().type).toBe('simple'); // the run view records its choices
    expect(s().goNext()).toBe(false);
    api.succeed(a!);
    expect(s().run.phase).toBe('running');
    api.succeed(b!, { name: 'Second LUN' });
    expect(s().run.phase).toBe('finished');
    await flush();
    expect(api.getInventory).toHaveBeenLastCalledWith({ refresh: true });
    expect(s().run.resultsLoaded).toBe(true);
    expect(s().run.resultLuns[b!.id]?.name).toBe('Second LUN');
    s().createAnother();
    expect(s().run.phase).toBe('idle');
    expect(s().step).toBe('type');
    expect(s().subsystemId).toBe('sub-a');
  });

  it('a failed createLuns shows the error and starts nothing', async () => {
    const { api, store } = await ready();
    api.createError = apiError(
      'VDS_E_NOT_ENOUGH_SPACE',
      0x8004240f,
      'Not enough space.',
      'Choose a smaller size.',
    );
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('simple');
    await flush();
    s().setSizeText('1');
    await s().create();
    expect(s().run.phase).toBe('finished');
    expect(s().run.submitError).toMatchObject({ code: 'VDS_E_NOT_ENOUGH_SPACE', hresult: 0x8004240f });
  });

  it('cancelRun cancels every operation still running', async () => {
    const { api, store } = await ready();
    const s = () => store.getState();
    s().setSubsystem('sub-a');
    s().setType('simple');
    await flush();
    s().setSizeText('1');
    await s().create();
    await s().cancelRun();
    expect(api.cancelOperation).toHaveBeenCalledTimes(1);
    expect(s().run.phase).toBe('finished');
  });

  it('create does nothing while a step is invalid', async () => {
    const { api, store } = await ready();
    store.getState().setSubsystem('sub-a');
    await store.getState().create();
    expect(api.createLuns).not.toHaveBeenCalled();
  });
});
