import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type FocusEvent,
  type KeyboardEvent,
  memo,
  type MouseEvent,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLunLabel } from '../../lib/lun-label';
import type { DriveExtent } from '../../../electron/contract/model';
import { StateIcon } from '../../components/StateIcon';
import { virtualRowStyle } from '../../lib/virtual-row';
import { useApp } from '../../store/store-context';
import { closestExtent, lunColor, type MapModel, type MapRow } from './map-model';
import { useExtentLabel } from './use-extent-label';

const ROW_HEIGHT = 36;
const MAX_VISIBLE_ROWS = 13;
const PAGE_ROWS = 10;
/** Extents narrower than this share of their bar show no text (their name is in the hover line and for screen
 * readers). */
const LABEL_MIN_FRACTION = 0.06;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  info: {
    margin: 0,
    minHeight: tokens.lineHeightBase300,
    fontSize: tokens.fontSizeBase300,
    whiteSpace: 'normal',
  },
  grid: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // A fixed height and strict containment: scrolling the map never lays out the rest of the page.
  scroller: { overflowY: 'auto', position: 'relative', contain: 'strict' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, 14rem) 1fr',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
  },
  rowOfSelected: { backgroundColor: tokens.colorBrandBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase200,
  },
  driveName: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis' },
  driveState: { color: tokens.colorNeutralForeground2 },
  barTrack: { height: '26px', minWidth: 0 },
  bar: {
    display: 'flex',
    height: '100%',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: 'border-box',
  },
  failedBar: { border: `2px dashed ${tokens.colorPaletteRedBorderActive}` },
  extent: {
    flexBasis: 0,
    flexShrink: 1,
    minWidth: '3px',
    height: '100%',
    boxSizing: 'border-box',
    borderRight: '1px solid rgba(0, 0, 0, 0.45)',
    color: '#1a1a1a',
    fontSize: tokens.fontSizeBase100,
    lineHeight: '24px',
    paddingLeft: '3px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    cursor: 'pointer',
    outlineStyle: 'none',
    ':focus-visible': {
      outline: `3px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-3px',
    },
  },
  free: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    cursor: 'default',
  },
  onFailed: {
    backgroundImage: 'repeating-linear-gradient(135deg, transparent 0 5px, rgba(196, 49, 75, 0.35) 5px 7px)',
  },
  selected: {
    boxShadow: `inset 0 0 0 3px ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightBold,
  },
});

interface Active {
  row: number;
  col: number;
}

/** The capacity map as a grid: a row per drive (bus, slot order), a cell per extent. One tab stop; the arrow
 * keys move between extents and drives, Enter opens the LUN's details. Only the rows in view are rendered. */
export function ExtentGrid({ model, subsystemId }: { model: MapModel; subsystemId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const selectedLunId = useApp((s) =>
    s.selectedLun?.subsystemId === subsystemId ? s.selectedLun.lunId : null,
  );
  const selectLun = useApp((s) => s.selectLun);
  const label = useExtentLabel(model);
  const scrollRef = useRef<HTMLDivElement>(null);
  const infoRef = useRef<HTMLParagraphElement>(null);
  const focusWanted = useRef(false);
  const [active, setActive] = useState<Active>({ row: 0, col: 0 });
  const rows = model.rows;
  const row = Math.max(0, Math.min(active.row, rows.length - 1));
  const col = Math.max(0, Math.min(active.col, (rows[row]?.extents.length ?? 1) - 1));

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  const idleInfo = t('capacityMap.infoIdle');
  useLayoutEffect(() => {
    if (infoRef.current) infoRef.current.textContent = idleInfo;
  }, [idleInfo]);

  // After a keyboard move the cell may only exist once its row scrolled into view: focus it when it does.
  useEffect(() => {
    if (!focusWanted.current) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
    if (cell) {
      focusWanted.current = false;
      cell.focus();
    }
  });

  const showInfo = (target: EventTarget | null) => {
    const cell = (target as HTMLElement | null)?.closest?.('[data-cell]');
    if (cell && infoRef.current) infoRef.current.textContent = cell.getAttribute('aria-label');
  };

  const cellAt = (target: EventTarget | null): Active | null => {
    const at = (target as HTMLElement | null)?.closest?.('[data-cell]')?.getAttribute('data-cell');
    if (!at) return null;
    const [r, c] = at.split(':').map(Number);
    return { row: r!, col: c! };
  };

  const open = (at: Active) => {
    const e = rows[at.row]?.extents[at.col];
    if (!e?.lunId) return;
    selectLun({ subsystemId, lunId: e.lunId });
    // The details panel opens below the LUNs table: take the user there.
    requestAnimationFrame(() => {
      const heading = document.getElementById('lun-details-heading');
      heading?.scrollIntoView({ block: 'nearest' });
      heading?.focus();
    });
  };

  const moveTo = (r: number, c: number) => {
    focusWanted.current = true;
    setActive({ row: r, col: c });
    virtualizer.scrollToIndex(r, { align: 'auto' });
  };

  const moveRows = (delta: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row + delta));
    if (r === row) return;
    moveTo(r, Math.max(0, closestExtent(rows[row]!, col, rows[r]!)));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = (rows[row]?.extents.length ?? 1) - 1;
    const keys: Record<string, () => void> = {
      ArrowRight: () => moveTo(row, Math.min(last, col + 1)),
      ArrowLeft: () => moveTo(row, Math.max(0, col - 1)),
      ArrowDown: () => moveRows(1),
      ArrowUp: () => moveRows(-1),
      PageDown: () => moveRows(PAGE_ROWS),
      PageUp: () => moveRows(-PAGE_ROWS),
      Home: () => (event.ctrlKey ? moveTo(0, 0) : moveTo(row, 0)),
      End: () =>
        event.ctrlKey
          ? moveTo(rows.length - 1, (rows[rows.length - 1]?.extents.length ?? 1) - 1)
          : moveTo(row, last),
      Enter: () => open({ row, col }),
      ' ': () => open({ row, col }),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const onClick = (event: MouseEvent) => {
    const at = cellAt(event.target);
    if (!at) return;
    setActive(at);
    open(at);
  };

  const onFocus = (event: FocusEvent) => {
    const at = cellAt(event.target);
    if (at && (at.row !== row || at.col !== col)) setActive(at);
    showInfo(event.target);
  };

  return (
    <div className={styles.root}>
      <p ref={infoRef} className={styles.info} aria-hidden="true" data-testid="capacity-map-info" />
      <div
        role="grid"
        aria-label={t('capacityMap.gridLabel')}
        aria-rowcount={rows.length}
        className={styles.grid}
        data-testid="capacity-grid"
      >
        <div
          ref={scrollRef}
          role="rowgroup"
          className={styles.scroller}
          style={{ height: Math.min(rows.length, MAX_VISIBLE_ROWS) * ROW_HEIGHT + 2 }}
          data-testid="capacity-scroller"
          onKeyDown={onKeyDown}
          onClick={onClick}
          onFocus={onFocus}
          onMouseOver={(e) => showInfo(e.target)}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index]!;
              return (
                <MapRowView
                  key={r.drive.id}
                  row={r}
                  index={item.index}
                  start={item.start}
                  activeCol={item.index === row ? col : -1}
                  selectedLunId={selectedLunId}
                  model={model}
                  label={label}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

interface MapRowProps {
  row: MapRow;
  index: number;
  start: number;
  /** The roving tab stop's column in this row, -1 when it is in another row. */
  activeCol: number;
  selectedLunId: string | null;
  model: MapModel;
  label: (row: MapRow, e: DriveExtent) => string;
}

const MapRowView = memo(function MapRowView(props: MapRowProps) {
  const { row, index, activeCol, selectedLunId, model, label } = props;
  const { t } = useTranslation();
  const lunLabel = useLunLabel();
  const styles = useStyles();
  const { drive, attention, extents } = row;
  const failed = attention === 'failed' || attention === 'offline';
  const ofSelected = selectedLunId !== null && extents.some((e) => e.lunId === selectedLunId);
  const selectedLun = ofSelected ? model.lunsById.get(selectedLunId) : undefined;
  const size = drive.sizeBytes || 1;
  const width = model.largestDriveBytes > 0 ? (drive.sizeBytes / model.largestDriveBytes) * 100 : 100;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      className={mergeClasses(styles.row, ofSelected && styles.rowOfSelected)}
      style={virtualRowStyle(props.start, ROW_HEIGHT)}
      data-testid="capacity-row"
      data-drive-id={drive.id}
      data-attention={attention ?? undefined}
      data-of-selected-lun={ofSelected || undefined}
    >
      <div role="rowheader" className={styles.header}>
        {attention && <StateIcon kind={attention} decorative />}
        {selectedLun && (
          <StateIcon
            kind="selectedLun"
            label={t('maintenance.attention.usedBy', { name: lunLabel(selectedLun.name || selectedLun.id) })}
          />
        )}
        <span className={styles.driveName}>{drive.name || drive.id}</span>
        <span className={styles.driveState}>
          {attention ? `${t(`status.${drive.status}`)} · ` : ''}
          {t('capacityMap.busSlot', { bus: drive.bus, slot: drive.slot })}
        </span>
      </div>
      <div className={styles.barTrack}>
        <div
          className={mergeClasses(styles.bar, failed && styles.failedBar)}
          style={{ width: `${width}%` }}
          role="presentation"
        >
          {extents.length === 0 ? (
            <div
              role="gridcell"
              tabIndex={activeCol === 0 ? 0 : -1}
              data-cell={`${index}:0`}
              aria-label={t('capacityMap.noExtents', { drive: drive.name || drive.id })}
              className={mergeClasses(styles.extent, styles.free)}
              style={{ flexGrow: 1 }}
            />
          ) : (
            extents.map((e, i) => {
              const lunIndex = e.lunId === null ? undefined : model.lunIndex.get(e.lunId);
              const lun = e.lunId === null ? undefined : model.lunsById.get(e.lunId);
              const fraction = e.sizeBytes / size;
              return (
                <div
                  key={e.offsetBytes}
                  role="gridcell"
                  tabIndex={activeCol === i ? 0 : -1}
                  data-cell={`${index}:${i}`}
                  data-lun-id={e.lunId ?? undefined}
                  aria-label={label(row, e)}
                  aria-selected={e.lunId !== null && e.lunId === selectedLunId}
                  className={mergeClasses(
                    styles.extent,
                    e.lunId === null && styles.free,
                    e.lunId !== null && failed && styles.onFailed,
                    e.lunId !== null && e.lunId === selectedLunId && styles.selected,
                  )}
                  style={{
                    flexGrow: fraction,
                    backgroundColor: e.lunId === null ? undefined : lunColor(lunIndex ?? 0),
                  }}
                >
                  {fraction >= LABEL_MIN_FRACTION &&
                    (e.lunId === null ? t('capacityMap.freeShort') : lun ? lun.name || lun.id : e.lunId)}
                </div>
              );
            })
          )}
        </div>
      </div>
    </div>
  );
});
