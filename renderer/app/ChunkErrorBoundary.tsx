import { makeStyles, tokens } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  error?: Error;
}

/** A code-split part whose chunk could not be fetched (the host went away, the app was updated underneath):
 * says so in its place, with a reload, instead of taking the whole page down. */
export class ChunkErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    return this.state.error ? <ChunkFailed reason={this.state.error.message} /> : this.props.children;
  }
}

// Plain elements, not Fluent's MessageBar and Button: those are in chunks that may be what failed.
const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorNeutralForeground1,
  },
  text: { flexGrow: 1, margin: 0 },
  button: {
    font: 'inherit',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

function ChunkFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div role="alert" className={styles.root} data-testid="chunk-failed">
      <p className={styles.text}>{t('loading.failed', { reason })}</p>
      <button type="button" className={styles.button} onClick={() => window.location.reload()}>
        {t('loading.reload')}
      </button>
    </div>
  );
}
