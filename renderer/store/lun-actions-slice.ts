import type { StateCreator } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import {
  LUN_OPERATION_KINDS,
  type ApiErrorShape,
  type Operation,
  type OperationRequest,
} from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import type { AppState } from './app-state';
import { isFinal } from './operations-slice';

/** The actions on an existing LUN, each a dialog (every LUN's menu offers these). */
export const LUN_ACTIONS = ['extend', 'shrink', 'access', 'delete'] as const;
/** recover is offered only where a LUN lost redundancy. */
export type LunAction = (typeof LUN_ACTIONS)[number] | 'recover';

/** A request of a kind that works on one existing LUN. */
export type LunOperationRequest = Extract<OperationRequest, { kind: (typeof LUN_OPERATION_KINDS)[number] }>;

export type LunActionPhase = 'editing' | 'submitting' | 'submitted';

export interface OpenLunAction {
  action: LunAction;
  /** Counts the dialogs opened: each opening starts with a fresh form, even for the same LUN and action. */
  opening: number;
  subsystemId: string;
  lunId: string;
  phase: LunActionPhase;
  /** The operation the dialog queued, followed in place. */
  operationId: string | null;
  /** The host refused the request (e.g. E_LUN_BUSY naming the running operation). */
  submitError: ApiErrorShape | null;
}

export interface LunActionsState {
  /** The LUN whose details panel is shown. */
  selectedLun: { subsystemId: string; lunId: string } | null;
  lunAction: OpenLunAction | null;
}

export interface LunActionsActions {
  selectLun(lun: { subsystemId: string; lunId: string } | null): void;
  openLunAction(action: LunAction, lun: { subsystemId: string; id: string }): void;
  closeLunAction(): void;
  /** Back to the form after a refusal or a failed operation, with what was entered. */
  editLunActionAgain(): void;
  submitLunOperation(what: LunOperationRequest): Promise<void>;
  /** Called for every operation update (operations slice): the inventory is re-read when ours ends. */
  noteLunOperation(op: Operation): void;
}

export type LunActionsSlice = LunActionsState & LunActionsActions;

export const initialLunActionsState: LunActionsState = { selectedLun: null, lunAction: null };

export const createLunActionsSlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], LunActionsSlice> =>
  (set, get) => {
    let openings = 0;
    return {
      ...initialLunActionsState,
      selectLun(lun) {
        set({ selectedLun: lun });
      },
      openLunAction(action, lun) {
        set({
          lunAction: {
            action,
            opening: ++openings,
            subsystemId: lun.subsystemId,
            lunId: lun.id,
            phase: 'editing',
            operationId: null,
            submitError: null,
          },
        });
      },
      closeLunAction() {
        if (get().lunAction?.phase === 'submitting') return;
        set({ lunAction: null });
      },
      editLunActionAgain() {
        const current = get().lunAction;
        if (!current || current.phase === 'submitting') return;
        set({ lunAction: { ...current, phase: 'editing', operationId: null, submitError: null } });
      },
      async submitLunOperation(what) {
        const current = get().lunAction;
        if (!current || current.phase !== 'editing') return;
        set({ lunAction: { ...current, phase: 'submitting', submitError: null } });
        const still = () =>
          get().lunAction?.lunId === current.lunId && get().lunAction?.action === current.action;
        try {
          const { operation } = await callFor(api, what);
          get().upsertOperation(operation);
          if (still())
            set((s) => ({ lunAction: { ...s.lunAction!, phase: 'submitted', operationId: operation.id } }));
        } catch (error) {
          if (still())
            set((s) => ({
              lunAction: { ...s.lunAction!, phase: 'editing', submitError: toErrorShape(error) },
            }));
        }
      },
      noteLunOperation(op) {
        if (op.kind === 'createLun' || !isFinal(op)) return;
        // The LUN changed (or is gone): the table and the details panel show it as the provider reports it.
        void get().loadInventory(true);
        const selected = get().selectedLun;
        if (op.kind === 'deleteLun' && op.state === 'succeeded' && selected?.lunId === op.request.lunId)
          set({ selectedLun: null });
      },
    };
  };

export function callFor(api: LunStudioApi, what: LunOperationRequest): Promise<{ operation: Operation }> {
  switch (what.kind) {
    case 'extendLun':
      return api.extendLun(what.request);
    case 'shrinkLun':
      return api.shrinkLun(what.request);
    case 'setLunMask':
      return api.setLunMask(what.request);
    case 'deleteLun':
      return api.deleteLun(what.request);
    case 'recoverLun':
      return api.recoverLun(what.request);
  }
}
