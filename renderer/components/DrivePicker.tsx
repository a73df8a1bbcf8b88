import {
  Button,
  Checkbox,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { driveUnusableReason } from '../../electron/contract/lun-rules';
import type { Drive } from '../../electron/contract/model';
import { compareDriveLocation } from '../lib/drive-location';
import { formatBytes } from '../lib/format';
import { useEnumLabels } from './use-enum-label';
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
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  tool: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  count: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  degraded: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export const DRIVE_PICKER_SORTS = ['location', 'name', 'free'] as const;
export type DrivePickerSort = (typeof DRIVE_PICKER_SORTS)[number];

const byName = new Intl.Collator(undefined, { numeric: true });
const PICKER_ORDER: Record<DrivePickerSort, (a: Drive, b: Drive) => number> = {
  location: compareDriveLocation,
  name: (a, b) => byName.compare(a.name, b.name) || compareDriveLocation(a, b),
  free: (a, b) => b.freeBytes - a.freeBytes || compareDriveLocation(a, b),
};

/** A usable drive that is not fully healthy: it can be picked, with a warning. */
export function isDegradedDrive(drive: Drive): boolean {
  return drive.health === 'degraded' || drive.health === 'rebuilding';
}

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
  const labels = useEnumLabels();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<DrivePickerSort>('location');
  const filterId = useId();
  const sortId = useId();
  const where = (d: Drive) =>
    t('wizard.drives.driveWhere', { bus: d.bus, slot: d.slot, health: labels.health(d.health) });
  const sorted = useMemo(() => [...drives].sort(PICKER_ORDER[sort]), [drives, sort]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? sorted.filter((d) => `${d.name} ${d.identification} ${where(d)}`.toLowerCase().includes(needle))
    : sorted;
  const degradedChosen = selected.filter(isDegradedDrive);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <>
      <div className={styles.tools}>
        <div className={styles.tool}>
          <label htmlFor={filterId}>{t('wizard.drives.filter')}</label>
          <Input
            id={filterId}
            type="search"
            value={filter}
            onChange={(_, data) => setFilter(data.value)}
            placeholder={t('wizard.drives.filterPlaceholder')}
            data-testid="drive-filter"
          />
        </div>
        <div className={styles.tool}>
          <label htmlFor={sortId}>{t('wizard.drives.sort')}</label>
          <Select
            id={sortId}
            value={sort}
            onChange={(_, data) => setSort(data.value as DrivePickerSort)}
            data-testid="drive-sort"
          >
            {DRIVE_PICKER_SORTS.map((option) => (
              <option key={option} value={option}>
                {t(`wizard.drives.sortBy.${option}`)}
              </option>
            ))}
          </Select>
        </div>
        <span className={styles.count} aria-live="polite" data-testid="drive-count">
          {t('wizard.drives.count', { shown: shown.length, total: drives.length })}
        </span>
      </div>
      <div
        ref={scrollRef}
        className={styles.list}
        role="group"
        aria-label={t('wizard.drives.listLabel')}
        data-testid="drive-picker"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const d = shown[item.index]!;
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
                      <span className={isDegradedDrive(d) ? styles.degraded : step.optionHint}>
                        {where(d)}
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
      {degradedChosen.length > 0 && (
        <MessageBar intent="warning" data-testid="drive-degraded-warning">
          <MessageBarBody>
            {t('wizard.drives.degradedWarning', {
              count: degradedChosen.length,
              names: degradedChosen.map((d) => d.name).join(', '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
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
