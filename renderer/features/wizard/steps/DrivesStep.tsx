import { Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drive } from '../../../../electron/contract/model';
import { formatBytes } from '../../../lib/format';
import { estimateCapacity, isAutomagic } from '../../../../electron/contract/lun-rules';
import { selectDrives } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import { useErrorText } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';
import { DrivePicker } from '../../../components/DrivePicker';

const useStyles = makeStyles({
  errors: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function DrivesStep({ errors, showErrors, locked }: StepProps) {
  const { t, i18n } = useTranslation();
  const step = useStepStyles();
  const styles = useStyles();
  const errorText = useErrorText();
  const type = useApp((s) => s.type);
  const mode = useApp((s) => s.driveMode);
  const driveIds = useApp((s) => s.driveIds);
  const drives = useApp((s) => selectDrives(s, s.subsystemId));
  const max = useApp((s) => s.max);
  const setDriveMode = useApp((s) => s.setDriveMode);
  const toggleDrive = useApp((s) => s.toggleDrive);
  const moveDrive = useApp((s) => s.moveDrive);
  const automagic = type !== null && isAutomagic(type);

  const byId = useMemo(() => new Map(drives.map((d) => [d.id, d])), [drives]);
  const selected = driveIds.map((id) => byId.get(id)).filter((d): d is Drive => d !== undefined);
  const estimate = type
    ? estimateCapacity(
        type,
        selected.map((d) => d.freeBytes),
      )
    : 0;

  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const driveErrors = errors.filter((e) => e.field === 'drives');
  const showDriveErrors = mode === 'manual' && (showErrors || driveIds.length > 0);

  return (
    <div className={step.stack}>
      <Field label={t('wizard.drives.modeLabel')}>
        <RadioGroup
          value={mode}
          onChange={(_, data) => setDriveMode(data.value as 'auto' | 'manual')}
          disabled={locked}
        >
          <Radio value="auto" label={t('wizard.drives.auto')} />
          <Radio
            value="manual"
            disabled={automagic}
            label={
              <span className={step.option}>
                <span>{t('wizard.drives.manual')}</span>
                {automagic && <span className={step.reason}>{t('wizard.drives.manualNotForAutomagic')}</span>}
              </span>
            }
          />
        </RadioGroup>
      </Field>
      {mode === 'manual' && (
        <DrivePicker
          drives={drives}
          selectedIds={driveIds}
          onToggle={toggleDrive}
          onMove={moveDrive}
          disabled={locked}
        />
      )}
      <div className={step.info} aria-live="polite" data-testid="capacity-math">
        {mode === 'manual' && (
          <div>
            {t('wizard.drives.selectedSummary', { count: selected.length, capacity: size(estimate) })}
          </div>
        )}
        {max.maxBytes !== null ? (
          <div>{t('wizard.size.largestPossible', { max: size(max.maxBytes) })}</div>
        ) : (
          max.loading && <div>{t('wizard.size.calculating')}</div>
        )}
      </div>
      {showDriveErrors && driveErrors.length > 0 && (
        <div role="alert" data-testid="drive-errors">
          <ul className={styles.errors}>
            {driveErrors.map((e, i) => (
              <li key={i}>{errorText(e)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
