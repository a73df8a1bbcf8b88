import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../lib/format';
import { isStriped } from '../../../../electron/contract/lun-rules';
import { selectDrives, selectSubsystem } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import { selectBatchFit, selectCount, selectSizeBytes } from '../../../store/wizard-selectors';
import { roundUpToUnit } from '../../../lib/size-units';
import { buildUnmaskingList } from '../../../store/wizard-slice';
import { useUnmaskingLabel } from '../../inventory/unmasking-label';
import { useErrorText } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'normal', wordBreak: 'break-word' },
  errors: { color: tokens.colorPaletteRedForeground1 },
});

export function SummaryStep({ errors }: StepProps) {
  const { t, i18n } = useTranslation();
  const step = useStepStyles();
  const styles = useStyles();
  const errorText = useErrorText();
  const unmasking = useUnmaskingLabel();
  const state = useApp((s) => s);
  const subsystem = selectSubsystem(state, state.subsystemId);
  const drives = selectDrives(state, state.subsystemId);
  const sizeBytes = selectSizeBytes(state);
  const count = selectCount(state);
  const fit = selectBatchFit(state);
  const bytesText = (bytes: number) => new Intl.NumberFormat(i18n.language).format(bytes);
  const type = state.type;
  const driveNames =
    state.driveMode === 'auto'
      ? t('wizard.drives.auto')
      : state.driveIds.map((id) => drives.find((d) => d.id === id)?.name ?? id).join(', ');
  const hints = Object.entries(state.hints)
    .filter(([, on]) => on)
    .map(([name]) => t(`wizard.options.hint.${name}`));

  const rows: [string, string][] = [
    [t('wizard.summary.subsystem'), subsystem?.name ?? ''],
    [t('wizard.summary.type'), type ? t(`lunType.${type}`) : ''],
    [t('wizard.summary.drives'), driveNames],
    [
      t('wizard.summary.size'),
      sizeBytes !== null
        ? t('wizard.summary.sizeExact', {
            size: formatBytes(sizeBytes, i18n.language),
            bytes: bytesText(roundUpToUnit(sizeBytes)),
          })
        : '',
    ],
    ...(type && isStriped(type)
      ? [
          [
            t('wizard.summary.stripeSize'),
            state.stripeSizeBytes !== null
              ? formatBytes(state.stripeSizeBytes, i18n.language)
              : t('wizard.options.providerDefault'),
          ] as [string, string],
        ]
      : []),
    [t('wizard.summary.hints'), hints.length > 0 ? hints.join(', ') : t('wizard.summary.noHints')],
    [t('wizard.summary.access'), unmasking(buildUnmaskingList(state))],
    [t('wizard.summary.count'), count !== null ? String(count) : ''],
  ];
  if (fit && fit.count > 1)
    rows.push([
      t('wizard.summary.fit'),
      t(fit.exact ? 'wizard.summary.fitExact' : 'wizard.summary.fitEstimate', {
        fit: fit.fit,
        count: fit.count,
        free: formatBytes(fit.freeBytes, i18n.language),
      }),
    ]);

  return (
    <div className={step.stack}>
      <dl className={styles.list} data-testid="summary">
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {errors.length > 0 && (
        <div role="alert">
          <ul className={styles.errors}>
            {errors.map((e, i) => (
              <li key={i}>{errorText(e)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
