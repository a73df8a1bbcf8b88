import type { StateCreator } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import type { ApiErrorShape, Drive, Lun, Operation } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import type { AppState } from './app-state';

/** What became of the last identify or hot-spare change: refused (error), or the operation to follow. */
export interface DriveFeedback {
  subsystemId: string;
  driveId: string;
  driveName: string;
  kind: 'identifyDrive' | 'setHotSpare';
  on: boolean;
  operationId: string | null;
  error: ApiErrorShape | null;
}

export type ReplacePhase = 'editing' | 'submitting' | 'submitted';

/** The replace dialog: the failed drive, the replacement's operation, then the recoveries it started. */
export interface ReplaceDialogState {
  subsystemId: string;
  driveId: string;
  phase: ReplacePhase;
  operationId: string | null;
  submitError: ApiErrorShape | null;
  /** recoverLun operations queued from the dialog, by LUN id. */
  recoverOperationIds: Record<string, string>;
  recoverErrors: Record<string, ApiErrorShape>;
}

export interface DriveActionsState {
  driveFeedback: DriveFeedback | null;
  replaceDialog: ReplaceDialogState | null;
}

export interface DriveActionsActions {
  setDriveIdentify(drive: Drive, on: boolean): Promise<void>;
  setDriveHotSpare(drive: Drive, hotSpare: boolean): Promise<void>;
  dismissDriveFeedback(): void;
  openReplaceDrive(drive: Drive): void;
  closeReplaceDrive(): void;
  submitReplaceDrive(replacementDriveId: string): Promise<void>;
  /** After a replacement that failed or was canceled: back to the form, the choices kept. */
  editReplaceAgain(): void;
  recoverAfterReplace(lun: Lun): Promise<void>;
}

export type DriveActionsSlice = DriveActionsState & DriveActionsActions;

export const initialDriveActionsState: DriveActionsState = { driveFeedback: null, replaceDialog: null };

export const createDriveActionsSlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], DriveActionsSlice> =>
  (set, get) => {
    const sendDriveChange = async (
      drive: Drive,
      kind: DriveFeedback['kind'],
      on: boolean,
      call: () => Promise<{ operation: Operation }>,
    ) => {
      const feedback: DriveFeedback = {
        subsystemId: drive.subsystemId,
        driveId: drive.id,
        driveName: drive.name || drive.id,
        kind,
        on,
        operationId: null,
        error: null,
      };
      set({ driveFeedback: feedback });
      const still = () => get().driveFeedback === feedback;
      try {
        const { operation } = await call();
        get().upsertOperation(operation);
        if (still()) set({ driveFeedback: { ...feedback, operationId: operation.id } });
      } catch (error) {
        if (still()) set({ driveFeedback: { ...feedback, error: toErrorShape(error) } });
      }
    };

    return {
      ...initialDriveActionsState,
      setDriveIdentify(drive, on) {
        return sendDriveChange(drive, 'identifyDrive', on, () =>
          api.identifyDrive({ subsystemId: drive.subsystemId, driveId: drive.id, on }),
        );
      },
      setDriveHotSpare(drive, hotSpare) {
        return sendDriveChange(drive, 'setHotSpare', hotSpare, () =>
          api.setHotSpare({ subsystemId: drive.subsystemId, driveId: drive.id, hotSpare }),
        );
      },
      dismissDriveFeedback() {
        set({ driveFeedback: null });
      },
      openReplaceDrive(drive) {
        set({
          replaceDialog: {
            subsystemId: drive.subsystemId,
            driveId: drive.id,
            phase: 'editing',
            operationId: null,
            submitError: null,
            recoverOperationIds: {},
            recoverErrors: {},
          },
        });
      },
      closeReplaceDrive() {
        if (get().replaceDialog?.phase === 'submitting') return;
        set({ replaceDialog: null });
      },
      editReplaceAgain() {
        const current = get().replaceDialog;
        if (!current || current.phase !== 'submitted') return;
        set({ replaceDialog: { ...current, phase: 'editing', operationId: null, submitError: null } });
      },
      async submitReplaceDrive(replacementDriveId) {
        const current = get().replaceDialog;
        if (!current || current.phase !== 'editing') return;
        set({ replaceDialog: { ...current, phase: 'submitting', submitError: null } });
        const still = () => get().replaceDialog?.driveId === current.driveId;
        try {
          const { operation } = await api.replaceDrive({
            subsystemId: current.subsystemId,
            driveId: current.driveId,
            replacementDriveId,
          });
          get().upsertOperation(operation);
          if (still())
            set((s) => ({
              replaceDialog: { ...s.replaceDialog!, phase: 'submitted', operationId: operation.id },
            }));
        } catch (error) {
          if (still())
            set((s) => ({
              replaceDialog: { ...s.replaceDialog!, phase: 'editing', submitError: toErrorShape(error) },
            }));
        }
      },
      async recoverAfterReplace(lun) {
        const current = get().replaceDialog;
        if (!current) return;
        const clearError = (errors: Record<string, ApiErrorShape>) => {
          const next = { ...errors };
          delete next[lun.id];
          return next;
        };
        set({ replaceDialog: { ...current, recoverErrors: clearError(current.recoverErrors) } });
        try {
          const { operation } = await api.recoverLun({ subsystemId: lun.subsystemId, lunId: lun.id });
          get().upsertOperation(operation);
          set((s) =>
            s.replaceDialog
              ? {
                  replaceDialog: {
                    ...s.replaceDialog,
                    recoverOperationIds: { ...s.replaceDialog.recoverOperationIds, [lun.id]: operation.id },
                  },
                }
              : {},
          );
        } catch (error) {
          set((s) =>
            s.replaceDialog
              ? {
                  replaceDialog: {
                    ...s.replaceDialog,
                    recoverErrors: { ...s.replaceDialog.recoverErrors, [lun.id]: toErrorShape(error) },
                  },
                }
              : {},
          );
        }
      },
    };
  };
