import type { StateCreator } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import type { CreateLunRequest, LunHints, LunType } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import { checkDriveCount, isAutomagic, isStriped } from '../../electron/contract/lun-rules';
import { bestUnitFor, bytesToUnitText, type SizeUnit } from '../lib/size-units';
import { moveInOrder, toggleInOrder } from '../lib/drive-order';
import { unmaskingListOf } from '../lib/host-access';
import type { AppState } from './app-state';
import { isFinal } from './operations-slice';
import { selectLunById } from './inventory-slice';
import {
  type AccessMode,
  type DriveMode,
  type HintName,
  type MaxSizeState,
  type RunState,
  type WizardStep,
  WIZARD_STEPS,
} from './wizard-model';
import { selectSizeBytes, selectStepErrors } from './wizard-selectors';

export interface WizardState {
  step: WizardStep;
  /** Steps whose errors are shown because the user tried to leave them (or typed into them). */
  subsystemId: string | null;
  type: LunType | null;
  driveMode: DriveMode;
  /** Manual selection, in order. */
  driveIds: string[];
  sizeText: string;
  sizeUnit: SizeUnit;
  /** Set by "Use maximum" and the slider: the exact bytes behind the rounded text. */
  sizeExactBytes: number | null;
  sizeIsMax: boolean;
  max: MaxSizeState;
  stripeSizeBytes: number | null;
  hints: Partial<Record<HintName, boolean>>;
  accessMode: AccessMode;
  initiatorsText: string;
  countText: string;
  /** The UI language: the size box is read with its separators. */
  locale: string;
  run: RunState;
}

export interface WizardActions {
  setSubsystem(id: string): void;
  setType(type: LunType): void;
  setDriveMode(mode: DriveMode): void;
  toggleDrive(id: string): void;
  moveDrive(id: string, delta: -1 | 1): void;
  setSizeText(text: string): void;
  setSizeUnit(unit: SizeUnit): void;
  setSizeFromSlider(bytes: number): void;
  useMaximum(): void;
  setStripeSize(bytes: number | null): void;
  setHint(name: HintName, value: boolean): void;
  setAccessMode(mode: AccessMode): void;
  setInitiatorsText(text: string): void;
  setCountText(text: string): void;
  /** Moves on when the current step is valid; returns whether it did. */
  goNext(): boolean;
  goBack(): void;
  goToStep(step: WizardStep): void;
  resetWizard(): void;
  refreshMax(): Promise<void>;
  create(): Promise<void>;
  cancelRun(): Promise<void>;
  /** A fresh wizard with the last choices as defaults; earlier runs go on (the monitor shows them). */
  createAnother(): void;
  /** Runs the failed or canceled LUNs of the shown run again, with the same choices. */
  retryFailed(): Promise<void>;
  setLocale(locale: string): void;
  /** Called for every operation update (operations slice). */
  noteRunOperation(op: { id: string }): void;
}

export type WizardSlice = WizardState & WizardActions;

export const initialRunState: RunState = {
  phase: 'idle',
  operationIds: [],
  submitError: null,
  resultLuns: {},
  resultsLoaded: false,
};

export const initialWizardState: WizardState = {
  step: 'subsystem',
  subsystemId: null,
  type: null,
  driveMode: 'auto',
  driveIds: [],
  sizeText: '',
  sizeUnit: 'GiB',
  sizeExactBytes: null,
  sizeIsMax: false,
  max: { requestKey: '', loading: false, maxBytes: null, error: null },
  stripeSizeBytes: null,
  hints: {},
  accessMode: 'none',
  initiatorsText: '',
  countText: '1',
  locale: 'en',
  run: initialRunState,
};

/** The hints the provider gets: all of them for automagic types, only the stripe size for specific ones. */
export function buildHints(s: WizardState): LunHints | undefined {
  if (s.type === null) return undefined;
  const hints: LunHints = {};
  if (s.stripeSizeBytes !== null && isStriped(s.type)) hints.stripeSizeBytes = s.stripeSizeBytes;
  if (isAutomagic(s.type)) {
    for (const [name, value] of Object.entries(s.hints)) if (value) hints[name as HintName] = true;
  }
  return Object.keys(hints).length > 0 ? hints : undefined;
}

export function buildUnmaskingList(s: WizardState): string {
  return unmaskingListOf({ mode: s.accessMode, text: s.initiatorsText });
}

export function buildCreateRequest(s: WizardState): CreateLunRequest | null {
  const sizeBytes = selectSizeBytes(s);
  if (s.subsystemId === null || s.type === null || sizeBytes === null) return null;
  const request: CreateLunRequest = { subsystemId: s.subsystemId, type: s.type, sizeBytes };
  if (s.driveMode === 'manual' && s.driveIds.length > 0) request.driveIds = [...s.driveIds];
  const hints = buildHints(s);
  if (hints) request.hints = hints;
  request.unmaskingList = buildUnmaskingList(s);
  return request;
}

function maxRequestKey(s: WizardState): string {
  return JSON.stringify([s.subsystemId, s.type, s.driveMode === 'manual' ? s.driveIds : [], buildHints(s)]);
}

/** A shown run records its choices: they change only after "Create another" (never blocked by running work). */
const isLocked = (s: WizardState) => s.run.phase !== 'idle';

export const createWizardSlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], WizardSlice> =>
  (set, get) => {
    /** Applies a change to the choices unless an operation is running, then refreshes the maximum. */
    const change = (
      patch: Partial<WizardState> | ((s: AppState) => Partial<WizardState>),
      refreshMax = false,
    ) => {
      if (isLocked(get())) return;
      set(patch as Partial<AppState>);
      if (refreshMax) void get().refreshMax();
    };

    return {
      ...initialWizardState,
      setSubsystem(id) {
        if (get().subsystemId === id) return;
        change(
          {
            subsystemId: id,
            type: null,
            driveMode: 'auto',
            driveIds: [],
            stripeSizeBytes: null,
            sizeIsMax: false,
          },
          true,
        );
      },
      setType(type) {
        change(
          (s) => ({
            type,
            driveMode: isAutomagic(type) ? 'auto' : s.driveMode,
            driveIds: isAutomagic(type) ? [] : s.driveIds,
          }),
          true,
        );
      },
      setDriveMode(mode) {
        change({ driveMode: mode }, true);
      },
      toggleDrive(id) {
        change((s) => ({ driveIds: toggleInOrder(s.driveIds, id) }), true);
      },
      moveDrive(id, delta) {
        change((s) => ({ driveIds: moveInOrder(s.driveIds, id, delta) }), true);
      },
      setSizeText(text) {
        change({ sizeText: text, sizeExactBytes: null, sizeIsMax: false });
      },
      setSizeUnit(unit) {
        change((s) =>
          s.sizeExactBytes !== null
            ? { sizeUnit: unit, sizeText: bytesToUnitText(s.sizeExactBytes, unit, s.locale) }
            : { sizeUnit: unit },
        );
      },
      setSizeFromSlider(bytes) {
        change((s) => {
          const max = s.max.maxBytes ?? 0;
          const exact = Math.max(0, Math.min(max, Math.round(bytes)));
          return {
            sizeExactBytes: exact,
            sizeText: bytesToUnitText(exact, s.sizeUnit, s.locale),
            sizeIsMax: exact === max,
          };
        });
      },
      useMaximum() {
        change((s) => {
          const max = s.max.maxBytes;
          if (max === null) return {};
          const unit = bestUnitFor(max);
          return {
            sizeExactBytes: max,
            sizeUnit: unit,
            sizeText: bytesToUnitText(max, unit, s.locale),
            sizeIsMax: true,
          };
        });
      },
      setStripeSize(bytes) {
        change({ stripeSizeBytes: bytes }, true);
      },
      setHint(name, value) {
        change((s) => ({ hints: { ...s.hints, [name]: value } }), true);
      },
      setAccessMode(mode) {
        change({ accessMode: mode });
      },
      setInitiatorsText(text) {
        change({ initiatorsText: text });
      },
      setCountText(text) {
        change({ countText: text });
      },
      goNext() {
        const s = get();
        if (isLocked(s)) return false;
        if (selectStepErrors(s, s.step).length > 0) return false;
        const i = WIZARD_STEPS.indexOf(s.step);
        const next = WIZARD_STEPS[i + 1];
        if (!next) return false;
        set({ step: next });
        return true;
      },
      goBack() {
        const s = get();
        if (isLocked(s)) return;
        const prev = WIZARD_STEPS[WIZARD_STEPS.indexOf(s.step) - 1];
        if (prev) set({ step: prev });
      },
      goToStep(step) {
        if (isLocked(get())) return;
        set({ step });
      },
      resetWizard() {
        if (get().run.phase === 'submitting') return;
        set({ ...initialWizardState, locale: get().locale });
      },
      setLocale(locale) {
        if (get().locale !== locale) set({ locale });
      },
      async refreshMax() {
        const s = get();
        const key = maxRequestKey(s);
        if (s.subsystemId === null || s.type === null) {
          set({ max: { requestKey: key, loading: false, maxBytes: null, error: null } });
          return;
        }
        if (s.driveMode === 'manual' && !isAutomagic(s.type) && checkDriveCount(s.type, s.driveIds.length)) {
          // The drive step already says what is wrong; the provider would only reject the question.
          set({ max: { requestKey: key, loading: false, maxBytes: null, error: null } });
          return;
        }
        set({ max: { ...s.max, requestKey: key, loading: true, error: null } });
        const request = { subsystemId: s.subsystemId, type: s.type } as Parameters<
          LunStudioApi['maxLunSize']
        >[0];
        if (s.driveMode === 'manual' && s.driveIds.length > 0) request.driveIds = [...s.driveIds];
        const hints = buildHints(s);
        if (hints) request.hints = hints;
        try {
          const { maxBytes } = await api.maxLunSize(request);
          if (get().max.requestKey !== key) return;
          set((cur) => ({
            max: { requestKey: key, loading: false, maxBytes, error: null },
            ...(cur.sizeIsMax
              ? { sizeExactBytes: maxBytes, sizeText: bytesToUnitText(maxBytes, cur.sizeUnit, cur.locale) }
              : {}),
          }));
        } catch (error) {
          if (get().max.requestKey !== key) return;
          set({ max: { requestKey: key, loading: false, maxBytes: null, error: toErrorShape(error) } });
        }
      },
      async create() {
        const s = get();
        if (isLocked(s)) return;
        if (WIZARD_STEPS.some((step) => selectStepErrors(s, step).length > 0)) return;
        const request = buildCreateRequest(s);
        if (!request) return;
        const count = Number(s.countText);
        set({ run: { ...initialRunState, phase: 'submitting' } });
        try {
          const { operations } = await api.createLuns({ request, count });
          set({ run: { ...initialRunState, phase: 'running', operationIds: operations.map((o) => o.id) } });
          for (const op of operations) get().upsertOperation(op);
          get().noteRunOperation({ id: operations[0]?.id ?? '' });
        } catch (error) {
          set({
            run: {
              ...initialRunState,
              phase: 'finished',
              submitError: toErrorShape(error),
              resultsLoaded: true,
            },
          });
        }
      },
      async cancelRun() {
        const s = get();
        if (s.run.phase !== 'running') return;
        const active = s.run.operationIds.filter((id) => {
          const op = s.operations[id];
          return !op || !isFinal(op);
        });
        await Promise.all(active.map((id) => get().cancelOperation(id)));
      },
      createAnother() {
        const s = get();
        if (s.run.phase === 'submitting') return;
        // Everything chosen stays as the default; only the run is let go (the monitor keeps following it).
        set({ run: initialRunState, step: s.subsystemId ? 'type' : 'subsystem' });
        void get().refreshMax();
      },
      async retryFailed() {
        const s = get();
        if (s.run.phase !== 'finished') return;
        const again = s.run.operationIds.filter((id) => {
          const op = s.operations[id];
          return op && (op.state === 'failed' || op.state === 'canceled' || op.state === 'interrupted');
        }).length;
        if (again === 0) return;
        set({ run: initialRunState, countText: String(again) });
        await get().refreshMax();
        await get().create();
      },
      noteRunOperation(op) {
        const s = get();
        if (s.run.phase !== 'running' || !s.run.operationIds.includes(op.id)) return;
        const ops = s.run.operationIds.map((id) => s.operations[id]);
        if (!ops.every((o) => o !== undefined && isFinal(o))) return;
        // Everything finished: re-read the inventory so the result shows the LUN as the provider reports it.
        const operationIds = s.run.operationIds;
        set({ run: { ...s.run, phase: 'finished' } });
        void get()
          .loadInventory(true)
          .then(() => {
            const cur = get();
            if (cur.run.operationIds !== operationIds) return;
            const resultLuns: RunState['resultLuns'] = {};
            for (const id of operationIds) {
              const lunId = cur.operations[id]?.result?.id;
              const lun = lunId ? (selectLunById(cur, lunId) ?? cur.operations[id]?.result) : undefined;
              if (lun) resultLuns[id] = lun;
            }
            set({ run: { ...cur.run, resultLuns, resultsLoaded: true } });
          });
      },
    };
  };
