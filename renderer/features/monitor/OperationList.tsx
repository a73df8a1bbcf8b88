import { makeStyles, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { type FocusEvent, useCallback, useRef, useState } from 'react';
import type { ApiErrorShape, Operation } from '../../../electron/contract/model';
import { isActive } from '../../store/operations-slice';
import type { MonitorLabels } from './monitor-labels';
import { OperationRow } from './OperationRow';

/** A typical row (title, progress bar, facts); rows are measured as they render. */
const ESTIMATED_ROW_PX = 108;
const GAP_PX = 8;
const OVERSCAN = 4;

const useStyles = makeStyles({
  // The list scrolls itself (what is off screen is not rendered) and takes the rest of the window's height.
  scroller: {
    height: 'max(20rem, calc(100vh - 17rem))',
    overflowY: 'auto',
    overflowAnchor: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // The rows not rendered are the list's padding above and below the rendered ones.
  list: {
    listStyle: 'none',
    margin: 0,
    paddingLeft: 0,
    paddingRight: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: `${GAP_PX}px`,
  },
});

const noCancelErrors: Record<string, ApiErrorShape> = {};

/** The operations, virtualised: only the rows in view (and a few around them) are in the DOM, each saying its
 * place in the whole list (aria-posinset/setsize). The row that has focus stays rendered when it scrolls away,
 * so focus is never dropped to the page. */
export function OperationList(props: {
  operations: readonly Operation[];
  nameOf: (subsystemId: string) => string;
  now: number;
  cancelErrors?: Record<string, ApiErrorShape>;
  onCancel: (id: string) => void;
  labels: MonitorLabels;
  label: string;
}) {
  const { operations, labels } = props;
  const cancelErrors = props.cancelErrors ?? noCancelErrors;
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? -1 : operations.findIndex((op) => op.id === focusedId);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex < 0 || indexes.includes(focusedIndex)) return indexes;
      return [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );

  const virtualizer = useVirtualizer({
    count: operations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => operations[index]!.id,
    overscan: OVERSCAN,
    gap: GAP_PX,
    rangeExtractor,
    // The first screen renders in the first commit, before the list has been measured.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
  });

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-operation-id]');
    setFocusedId(row?.dataset.operationId ?? null);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
  };

  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const first = items[0];
  const last = items[items.length - 1];
  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      // Keyboard users scroll the list with the arrow keys once it has focus.
      tabIndex={0}
      data-testid="operation-list"
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <ul
        className={styles.list}
        aria-label={props.label}
        aria-live="off"
        style={{
          paddingTop: first ? first.start : 0,
          paddingBottom: last ? Math.max(0, total - last.end) : 0,
        }}
      >
        {items.map((item) => {
          const op = operations[item.index]!;
          return (
            <OperationRow
              key={op.id}
              ref={virtualizer.measureElement}
              index={item.index}
              setSize={operations.length}
              operation={op}
              subsystemName={props.nameOf(op.subsystemId)}
              now={isActive(op) ? props.now : 0}
              cancelError={cancelErrors[op.id]}
              onCancel={props.onCancel}
              labels={labels}
            />
          );
        })}
      </ul>
    </div>
  );
}
