import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OPERATION_KINDS,
  OPERATION_STATES,
  type Operation,
  type OperationKind,
  type OperationState,
} from '../../../electron/contract/model';
import { formatBytes } from '../../lib/format';
import { useOperationTitle } from '../operations/use-operation-title';

/** Everything a monitor row says that does not depend on the operation, translated once per language, and the
 * formatters it uses (an Intl.DateTimeFormat costs far more to build than to use). */
export interface MonitorLabels {
  language: string;
  percent: string;
  estimating: string;
  elapsed: string;
  remaining: string;
  unknown: string;
  instant: string;
  neverStarted: string;
  startedAt: string;
  endedAt: string;
  cancel: string;
  cancelFailed: string;
  state: Record<OperationState, string>;
  kind: Record<OperationKind, string>;
  outcome: { createCanceled: string; resizeCanceled: string; interrupted: string; failed: string };
  cancelNamed: (title: string) => string;
  progressLabel: (title: string) => string;
  lunName: (name: string) => string;
  newSize: (beforeBytes: number, afterBytes: number) => string;
  dateTime: (iso: string) => string;
  title: (op: Operation, subsystemName: string) => string;
}

/** The same fields Date.prototype.toLocaleString shows by default. */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

export function useMonitorLabels(): MonitorLabels {
  const { t, i18n } = useTranslation();
  const titles = useOperationTitle();
  const language = i18n.language;
  // t and the title helpers are new functions every render but say the same thing for one language.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => buildLabels(t, language, titles.title), [language]);
}

function buildLabels(
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
  title: MonitorLabels['title'],
): MonitorLabels {
  const dates = new Intl.DateTimeFormat(language, DATE_TIME);
  const size = (bytes: number) => formatBytes(bytes, language);
  return {
    language,
    percent: t('monitor.percent'),
    estimating: t('monitor.estimating'),
    elapsed: t('monitor.elapsed'),
    remaining: t('monitor.remaining'),
    unknown: t('monitor.unknown'),
    instant: t('monitor.instant'),
    neverStarted: t('monitorTools.neverStarted'),
    startedAt: t('monitor.startedAt'),
    endedAt: t('monitor.endedAt'),
    cancel: t('monitor.cancel'),
    cancelFailed: t('wizard.run.cancelFailed'),
    state: Object.fromEntries(OPERATION_STATES.map((s) => [s, t(`opState.${s}`)])) as MonitorLabels['state'],
    kind: Object.fromEntries(
      OPERATION_KINDS.map((k) => [k, t(`operationKind.${k}`)]),
    ) as MonitorLabels['kind'],
    outcome: {
      createCanceled: t('monitor.canceledTitle'),
      resizeCanceled: t('lunActions.progress.canceled'),
      interrupted: t('monitor.interruptedTitle'),
      failed: t('monitor.failed'),
    },
    cancelNamed: (what) => t('monitor.cancelNamed', { title: what }),
    progressLabel: (what) => t('monitor.progressLabel', { title: what }),
    lunName: (name) => t('monitor.lunName', { name }),
    newSize: (before, after) => t('monitor.newSize', { before: size(before), after: size(after) }),
    dateTime: (iso) => dates.format(new Date(iso)),
    title,
  };
}
