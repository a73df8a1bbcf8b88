import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Attention } from '../lib/attention';

/** What an icon can say: a reason for attention, or one of the drive marks (identify light, selected LUN). */
export type StateIconKind = Attention | 'identifying' | 'selectedLun';

const useStyles = makeStyles({
  icon: { flexShrink: 0, verticalAlign: 'text-bottom' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  offline: { color: tokens.colorNeutralForeground2 },
  degraded: { color: tokens.colorPaletteDarkOrangeForeground1 },
  rebuilding: { color: tokens.colorPaletteBlueForeground2 },
  hotSpareInUse: { color: tokens.colorPaletteBerryForeground1 },
  identifying: { color: tokens.colorPaletteMarigoldForeground1 },
  selectedLun: { color: tokens.colorBrandForeground1 },
});

// 16×16 glyphs, each its own shape so that colour is never the only cue.
const PATHS: Record<StateIconKind, string> = {
  // a circle with an X
  failed:
    'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-2.3 3.6-1.1 1.1L6.9 8l-2.3 2.3 1.1 1.1L8 9.1l2.3 2.3 1.1-1.1L9.1 8l2.3-2.3-1.1-1.1L8 6.9Z',
  // a circle with a slash
  offline:
    'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.5a5.5 5.5 0 0 0-4.3 8.9l7.7-7.7A5.5 5.5 0 0 0 8 2.5Zm4.3 2.1-7.7 7.7a5.5 5.5 0 0 0 7.7-7.7Z',
  // a triangle with an exclamation mark
  degraded: 'M8 1 15.5 14.5H.5Zm-.8 4.5v5h1.6v-5Zm0 6v1.6h1.6v-1.6Z',
  // two arrows in a circle
  rebuilding:
    'M8 2a6 6 0 0 1 5.6 3.8L15 4.5V9h-4.5l1.9-1.9A4.5 4.5 0 0 0 3.6 7H2.1A6 6 0 0 1 8 2ZM2 11.5 1 7h4.5L3.6 8.9A4.5 4.5 0 0 0 12.4 9h1.5A6 6 0 0 1 2.4 10.2Z',
  // a square with a plus
  hotSpareInUse: 'M2 2h12v12H2Zm5.2 3v2.2H5v1.6h2.2V11h1.6V8.8H11V7.2H8.8V5Z',
  // a light bulb
  identifying: 'M8 1a5 5 0 0 1 3 9v2H5v-2a5 5 0 0 1 3-9Zm-2.5 12h5v1.2a.8.8 0 0 1-.8.8H6.3a.8.8 0 0 1-.8-.8Z',
  // a filled diamond
  selectedLun: 'M8 1.5 14.5 8 8 14.5 1.5 8Z',
};

/** An icon with an accessible name (e.g. "Failed") in a colour of its own. */
export function StateIcon({
  kind,
  label,
  decorative = false,
  className,
}: {
  kind: StateIconKind;
  label?: string;
  /** Next to text that already says it: hidden from screen readers. */
  decorative?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <svg
      {...(decorative
        ? { 'aria-hidden': true }
        : { role: 'img', 'aria-label': label ?? t(`maintenance.icon.${kind}`) })}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="currentColor"
      className={mergeClasses(styles.icon, styles[kind], className)}
      data-icon={kind}
    >
      <path fillRule="evenodd" d={PATHS[kind]} />
    </svg>
  );
}
