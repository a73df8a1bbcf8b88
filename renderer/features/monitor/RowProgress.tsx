import { makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import { formatDuration } from '../../lib/format';
import type { MonitorLabels } from './monitor-labels';

// A plain bar rather than Fluent's ProgressBar: 256 running operations change their bars ten times a second,
// and a Fluent component's hooks and class merging on every change cost more than the change. Same look
// (Fluent's medium bar: 2 px, brand colour on the neutral track), same semantics (role progressbar, value
// 0–1, no value while estimating). The fill moves by transform, so a change needs no layout.
const useStyles = makeStyles({
  track: {
    position: 'relative',
    height: '2px',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText' },
  },
  fill: {
    position: 'absolute',
    inset: 0,
    transformOrigin: 'left',
    backgroundColor: tokens.colorCompoundBrandBackground,
    '@media (forced-colors: active)': { backgroundColor: 'Highlight' },
  },
  estimating: {
    width: '33%',
    right: 'auto',
    animationName: {
      from: { transform: 'translateX(-100%)' },
      to: { transform: 'translateX(300%)' },
    },
    animationDuration: '3s',
    animationTimingFunction: 'linear',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none', width: '100%', opacity: 0.4 },
  },
});

/** The bar of an operation that reports progress; `percent` null = not known yet (an estimating animation). */
export const RowProgressBar = memo(function RowProgressBar(props: {
  percent: number | null;
  title: string;
  labels: MonitorLabels;
}) {
  const styles = useStyles();
  const { percent } = props;
  const fraction = percent === null ? null : Math.min(1, Math.max(0, percent / 100));
  return (
    <div
      role="progressbar"
      aria-label={props.labels.progressLabel(props.title)}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={fraction ?? undefined}
      className={styles.track}
      data-testid="operation-progress"
    >
      {fraction === null ? (
        <div className={`${styles.fill} ${styles.estimating}`} />
      ) : (
        <div className={styles.fill} style={{ transform: `scaleX(${fraction})` }} />
      )}
    </div>
  );
});

/** The facts that move while an operation runs: its percent, how long it has run and how long it still needs
 * (undefined = not shown, null = not known). */
export const ProgressFacts = memo(function ProgressFacts(props: {
  mode: 'neverStarted' | 'progressive' | 'instant';
  percent: number | null;
  elapsed: number | null;
  etaSeconds: number | null | undefined;
  labels: MonitorLabels;
}) {
  const { labels } = props;
  if (props.mode === 'neverStarted')
    return <span data-testid="operation-never-started">{labels.neverStarted}</span>;
  if (props.mode === 'instant') return <span data-testid="operation-instant">{labels.instant}</span>;
  return (
    <>
      <span data-testid="operation-percent">
        {labels.percent}: {props.percent === null ? labels.estimating : `${Math.round(props.percent)} %`}
      </span>
      <span>
        {labels.elapsed}: {props.elapsed === null ? '–' : formatDuration(props.elapsed)}
      </span>
      {props.etaSeconds !== undefined && (
        <span>
          {labels.remaining}: {props.etaSeconds === null ? labels.unknown : formatDuration(props.etaSeconds)}
        </span>
      )}
    </>
  );
});
