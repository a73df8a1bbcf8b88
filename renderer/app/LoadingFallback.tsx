import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  ring: {
    width: '16px',
    height: '16px',
    boxSizing: 'border-box',
    borderRadius: '50%',
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { to: { transform: 'rotate(360deg)' } },
    animationDuration: '0.9s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
});

/** What a code-split part of the page shows while its chunk is fetched: a spinner with text, announced.
 * (Not Fluent's Spinner: this is in the first chunk, which stays small.) */
export function LoadingFallback() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div role="status" className={styles.root} data-testid="view-loading">
      <span className={styles.ring} aria-hidden="true" />
      {t('loading.view')}
    </div>
  );
}
