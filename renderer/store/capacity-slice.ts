import type { StateCreator } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import type { ApiErrorShape, DriveExtent, LunDetails } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import type { AppState } from './app-state';

/** One subsystem's extents as the capacity map draws them. */
export interface ExtentsState {
  subsystemId: string;
  loading: boolean;
  extents: DriveExtent[] | null;
  error: ApiErrorShape | null;
}

export interface LunDetailsState {
  subsystemId: string;
  lunId: string;
  loading: boolean;
  details: LunDetails | null;
  error: ApiErrorShape | null;
}

export interface CapacityState {
  subsystemExtents: ExtentsState | null;
  lunDetails: LunDetailsState | null;
}

export interface CapacityActions {
  /** Reads a subsystem's extents; a later call wins over an earlier one still on its way. */
  loadExtents(subsystemId: string): Promise<void>;
  loadLunDetails(ref: { subsystemId: string; lunId: string }): Promise<void>;
}

export type CapacitySlice = CapacityState & CapacityActions;

export const initialCapacityState: CapacityState = { subsystemExtents: null, lunDetails: null };

export const createCapacitySlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], CapacitySlice> =>
  (set, get) => {
    let extentsRequest = 0;
    let detailsRequest = 0;
    return {
      ...initialCapacityState,
      async loadExtents(subsystemId) {
        const request = ++extentsRequest;
        const before = get().subsystemExtents;
        // The map keeps showing what it had for this subsystem while it re-reads.
        const kept = before?.subsystemId === subsystemId ? before.extents : null;
        set({ subsystemExtents: { subsystemId, loading: true, extents: kept, error: null } });
        try {
          const { extents } = await api.listExtents({ subsystemId });
          if (request === extentsRequest)
            set({ subsystemExtents: { subsystemId, loading: false, extents, error: null } });
        } catch (error) {
          if (request === extentsRequest)
            set({
              subsystemExtents: { subsystemId, loading: false, extents: kept, error: toErrorShape(error) },
            });
        }
      },
      async loadLunDetails({ subsystemId, lunId }) {
        const request = ++detailsRequest;
        const before = get().lunDetails;
        const kept = before?.lunId === lunId ? before.details : null;
        set({ lunDetails: { subsystemId, lunId, loading: true, details: kept, error: null } });
        try {
          const details = await api.lunDetails({ subsystemId, lunId });
          if (request === detailsRequest)
            set({ lunDetails: { subsystemId, lunId, loading: false, details, error: null } });
        } catch (error) {
          if (request === detailsRequest)
            set({
              lunDetails: { subsystemId, lunId, loading: false, details: kept, error: toErrorShape(error) },
            });
        }
      },
    };
  };
