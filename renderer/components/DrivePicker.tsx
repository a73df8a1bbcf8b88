import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { driveUnusableReason } from '../../electron/contract/lun-rules';
import type { Drive } from '../../electron/contract/model';
import { formatBytes } from '../lib/format';
import { virtualRowStyle } from '../lib/virtual-row';
import { useStepStyles } from '../features/wizard/steps/step-styles';

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
});

/** Drives chosen by hand, in order: a (virtualised) list of checkboxes and the chosen order with move
 * buttons. The wizard's drive step and the extend dialog both use it. */
export function DrivePicker(props: {
  drives: readonly Drive[];
  /** The chosen drives, in order. */
  selectedIds: readonly string[];
  onToggle: (id: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  disabled?: boolean;
}) {
  const { drives, selectedIds, disabled = false } = props;
  const { t, i18n } = useTranslation();
  const step = useStepStyles();
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(drives.map((d) => [d.id, d])), [drives]);
  const selected = selectedIds.map((id) => byId.get(id)).filter((d): d is Drive => d !== undefined);
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  const virtualizer = useVirtualizer({
    count: drives.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
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
            const position = selectedIds.indexOf(d.id);
            const checked = position >= 0;
            return (
              <div key={d.id} className={styles.row} style={virtualRowStyle(item.start, ROW_HEIGHT)}>
                <Checkbox
                  checked={checked}
                  disabled={disabled || (reason !== null && !checked)}
                  onChange={() => props.onToggle(d.id)}
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
                      {reason && <span className={step.reason}>{t(`wizard.drives.reason.${reason}`)}</span>}
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
                    disabled={disabled || i === 0}
                    onClick={() => props.onMove(d.id, -1)}
                    aria-label={t('wizard.drives.moveUpNamed', { name: d.name })}
                  >
                    {t('wizard.drives.moveUp')}
                  </Button>
                  <Button
                    size="small"
                    disabled={disabled || i === selected.length - 1}
                    onClick={() => props.onMove(d.id, 1)}
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
  );
}
