import type { ApiErrorShape, BooleanHintName, Lun } from '../../electron/contract/model';
import { BOOLEAN_HINT_NAMES } from '../../electron/contract/model';
import { MAX_BATCH_COUNT } from '../../electron/contract/lun-rules';

export const WIZARD_STEPS = [
  'subsystem',
  'type',
  'drives',
  'size',
  'options',
  'access',
  'count',
  'summary',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export type DriveMode = 'auto' | 'manual';
export type { AccessMode } from '../lib/host-access';

export const HINT_NAMES = BOOLEAN_HINT_NAMES;
export type HintName = BooleanHintName;

/** The contract's limit (schemas.ts): the wizard offers what a request may ask for. */
export const MAX_BATCH = MAX_BATCH_COUNT;

export interface MaxSizeState {
  /** Which choices the answer belongs to (a stale answer is dropped). */
  requestKey: string;
  loading: boolean;
  maxBytes: number | null;
  error: ApiErrorShape | null;
}

export type RunPhase = 'idle' | 'submitting' | 'running' | 'finished';

export interface RunState {
  phase: RunPhase;
  operationIds: string[];
  /** createLuns itself failed (nothing started). */
  submitError: ApiErrorShape | null;
  /** The LUNs re-read from the inventory after the operations finished, by operation id. */
  resultLuns: Record<string, Lun>;
  resultsLoaded: boolean;
}

/** A field-level problem: an i18n key and its values (sizes already formatted by the view). */
export interface FieldError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}
