import { Button, Checkbox, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drive } from '../../../../electron/contract/model';
import { formatBytes } from '../../../lib/format';
import { driveUnusableReason, estimateCapacity, isAutomagic } from '../../../../electron/contract/lun-rules';
import { selectDrives } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import { useErrorText } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';
import { virtualRowStyle } from '../../../lib/virtual-row';

const ROW_HEIGHT = 48;

const useStyles = makeStyles({
  list: {
    height: '280px',
    overflowY: 'auto',
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  order: { listStyle: 'decimal', margin: 0, paddingLeft: tokens.spacingHorizontalXXL },
  orderItem: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const automagic = type !== null && isAutomagic(type);

  const byId = useMemo(() => new Map(drives.map((d) => [d.id, d])), [drives]);
  const selected = driveIds.map((id) => byId.get(id)).filter((d): d is Drive => d !== undefined);
  const estimate = type
    ? estimateCapacity(
        type,
        selected.map((d) => d.freeBytes),
      )
    : 0;

  const virtualizer = useVirtualizer({
    count: mode === 'manual' ? drives.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

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
        <>
          <div
            ref={scrollRef}
            className={styles.list}
            role="group"
            aria-label={t('wizard.drives.listLabel')}
            data-testid="drive-picker"
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const d = drives[item.index]!;
                const reason = driveUnusableReason(d);
                const position = driveIds.indexOf(d.id);
                const checked = position >= 0;
                return (
                  <div key={d.id} className={styles.row} style={virtualRowStyle(item.start, ROW_HEIGHT)}>
                    <Checkbox
                      checked={checked}
                      disabled={locked || (reason !== null && !checked)}
                      onChange={() => toggleDrive(d.id)}
                      data-testid="drive-option"
                      label={
                        <span className={step.option}>
                          <span>
                            {checked ? `${position + 1}. ` : ''}
                            {t('wizard.drives.driveLine', {
                              name: d.name,
                              free: size(d.freeBytes),
                              size: size(d.sizeBytes),
                            })}
                          </span>
                          {reason && (
                            <span className={step.reason}>{t(`wizard.drives.reason.${reason}`)}</span>
                          )}
                        </span>
                      }
                    />
                  </div>
                );
              })}
            </div>
          </div>
          {selected.length > 0 && (
            <section aria-label={t('wizard.drives.orderLabel')}>
              <p className={step.info}>{t('wizard.drives.orderHint')}</p>
              <ol className={styles.order}>
                {selected.map((d, i) => (
                  <li key={d.id}>
                    <span className={styles.orderItem}>
                      <span>{d.name}</span>
                      <Button
                        size="small"
                        disabled={locked || i === 0}
                        onClick={() => moveDrive(d.id, -1)}
                        aria-label={t('wizard.drives.moveUpNamed', { name: d.name })}
                      >
                        {t('wizard.drives.moveUp')}
                      </Button>
                      <Button
                        size="small"
                        disabled={locked || i === selected.length - 1}
                        onClick={() => moveDrive(d.id, 1)}
                        aria-label={t('wizard.drives.moveDownNamed', { name: d.name })}
                      >
                        {t('wizard.drives.moveDown')}
                      </Button>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
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
