import { Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLunLabel } from '../../lib/lun-label';
import type { Drive } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { formatBytes } from '../../lib/format';
import {
  DRIVE_COLUMNS,
  type DriveColumn,
  filterDrives,
  searchTexts,
  type SortDirection,
  sortDrives,
} from './drive-sorting';
import { virtualRowStyle } from '../../lib/virtual-row';
import { driveAttention } from '../../lib/attention';
import { useAttentionRowStyles } from '../../components/attention-styles';
import { StateIcon } from '../../components/StateIcon';
import { useApp } from '../../store/store-context';
import { selectSelectedLun } from '../../store/inventory-slice';
import { DriveActionsButton, DriveActionsMenu } from '../maintenance/DriveActionsMenu';

const ROW_HEIGHT = 44;
const NO_IDS: string[] = [];
const GRID =
  'minmax(8rem, 2fr) minmax(7rem, 1fr) minmax(7rem, 1fr) minmax(6rem, 1fr) minmax(6rem, 1fr) minmax(4rem, 0.5fr) minmax(7rem, 0.6fr) minmax(9rem, 1.5fr) minmax(6rem, 0.7fr)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scrollX: { overflowX: 'auto' },
  table: {
    minWidth: '63rem',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: GRID,
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  header: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightSemibold },
  headerButton: {
    appearance: 'none',
    background: 'none',
    border: 'none',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: 'normal',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  scroller: { maxHeight: '360px', overflowY: 'auto', position: 'relative' },
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  wrapCell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    whiteSpace: 'normal',
    lineHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase200,
  },
  count: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  nameCell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  nameText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  ofSelectedLun: { backgroundColor: tokens.colorBrandBackground2 },
  actionsHeader: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

export function DrivesTable({ drives }: { drives: readonly Drive[] }) {
  const { t, i18n } = useTranslation();
  const lunLabel = useLunLabel();
  const labels = useEnumLabels();
  const styles = useStyles();
  const attentionStyles = useAttentionRowStyles();
  const selectedLun = useApp(selectSelectedLun);
  const selectedLunDrives = selectedLun?.driveIds ?? NO_IDS;
  const selectedLunName = selectedLun ? selectedLun.name || selectedLun.id : '';
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ column: DriveColumn; direction: SortDirection }>({
    column: 'bus',
    direction: 'ascending',
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ driveId: string; target: HTMLElement } | null>(null);
  const menuDrive = menu ? drives.find((d) => d.id === menu.driveId) : undefined;

  const flagText = (d: Drive) =>
    [...d.flags.map(labels.driveFlag), ...(d.identifying ? [t('maintenance.icon.identifying')] : [])].join(
      ', ',
    );
  // Sorted once per sort change; a keystroke in the filter only filters (32,768 drives: docs/PERFORMANCE.md).
  const sorted = useMemo(() => sortDrives(drives, sort.column, sort.direction), [drives, sort]);
  const filtering = filter.trim() !== '';
  const texts = useMemo(() => {
    if (!filtering) return [];
    // A handful of enum values across thousands of drives: translate each value once.
    const once = (label: (value: string) => string) => {
      const cache = new Map<string, string>();
      return (value: string) => cache.get(value) ?? cache.set(value, label(value)).get(value)!;
    };
    const status = once(labels.status);
    const health = once(labels.health);
    const flag = once(labels.driveFlag);
    return searchTexts(sorted, (d) =>
      [
        d.name,
        d.identification,
        status(d.status),
        health(d.health),
        d.flags.map(flag).join(', '),
        d.bus,
        d.slot,
      ].join(' '),
    );
    // labels change only with the language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sorted, filtering, i18n.language]);
  const rows = useMemo(() => filterDrives(sorted, filter, texts), [sorted, filter, texts]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const toggleSort = (column: DriveColumn) =>
    setSort((s) => ({
      column,
      direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <div className={styles.root}>
      <Input
        value={filter}
        onChange={(_, data) => setFilter(data.value)}
        placeholder={t('inventory.drives.filterPlaceholder')}
        aria-label={t('inventory.drives.filter')}
        type="search"
      />
      <span className={styles.count} aria-live="polite">
        {t('inventory.drives.count', { shown: rows.length, total: drives.length })}
      </span>
      <div className={styles.scrollX}>
        <div
          role="table"
          aria-label={t('inventory.drives.title')}
          aria-rowcount={rows.length + 1}
          className={styles.table}
        >
          <div role="rowgroup">
            <div role="row" aria-rowindex={1} className={`${styles.row} ${styles.header}`}>
              {DRIVE_COLUMNS.map((column) => (
                <div
                  role="columnheader"
                  key={column}
                  aria-sort={sort.column === column ? sort.direction : 'none'}
                >
                  <button type="button" className={styles.headerButton} onClick={() => toggleSort(column)}>
                    {t(`inventory.drives.columns.${column}`)}
                    {sort.column === column && (
                      // aria-sort on the header says it; the arrow is for the eye only
                      <span aria-hidden="true">{sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>
                    )}
                  </button>
                </div>
              ))}
              <div role="columnheader" className={styles.actionsHeader}>
                {t('maintenance.drives.actionsColumn')}
              </div>
            </div>
          </div>
          <div
            ref={scrollRef}
            className={styles.scroller}
            data-testid="drives-scroller"
            role="rowgroup"
            // Keyboard users scroll the rows with the arrow keys once the list has focus.
            tabIndex={0}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item, slot) => {
                const d = rows[item.index]!;
                const attention = driveAttention(d);
                const ofSelectedLun = selectedLunDrives.includes(d.id);
                return (
                  <div
                    role="row"
                    // Keyed by window position, not drive: scrolling rewrites the rows' text in place
                    // instead of unmounting and mounting a whole window of rows (docs/PERFORMANCE.md, B3).
                    key={slot}
                    aria-rowindex={item.index + 2}
                    className={mergeClasses(
                      styles.row,
                      attention ? attentionStyles[attention] : undefined,
                      ofSelectedLun && styles.ofSelectedLun,
                    )}
                    data-testid="drive-row"
                    data-drive-id={d.id}
                    data-attention={attention ?? undefined}
                    style={virtualRowStyle(item.start, ROW_HEIGHT)}
                  >
                    <div role="cell" className={styles.nameCell} title={d.identification}>
                      {attention && <StateIcon kind={attention} />}
                      {ofSelectedLun && (
                        <StateIcon
                          kind="selectedLun"
                          label={t('maintenance.attention.usedBy', { name: lunLabel(selectedLunName) })}
                        />
                      )}
                      <span className={styles.nameText}>{d.name}</span>
                    </div>
                    <div role="cell" className={styles.cell}>
                      {labels.status(d.status)}
                    </div>
                    <div role="cell" className={styles.cell}>
                      {labels.health(d.health)}
                    </div>
                    <div role="cell" className={styles.cell}>
                      {formatBytes(d.sizeBytes, i18n.language)}
                    </div>
                    <div role="cell" className={styles.cell}>
                      {formatBytes(d.freeBytes, i18n.language)}
                    </div>
                    <div role="cell" className={styles.cell}>
                      {d.bus}
                    </div>
                    <div role="cell" className={styles.cell}>
                      {d.slot}
                    </div>
                    <div role="cell" className={styles.wrapCell}>
                      {d.identifying && <StateIcon kind="identifying" decorative />} {flagText(d)}
                    </div>
                    <div role="cell" className={styles.cell}>
                      <DriveActionsButton
                        drive={d}
                        expanded={menu?.driveId === d.id}
                        onOpen={(target) => setMenu({ driveId: d.id, target })}
                      />
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {menu && menuDrive && (
        <DriveActionsMenu
          key={menu.driveId}
          drive={menuDrive}
          target={menu.target}
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  );
}
