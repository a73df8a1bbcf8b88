import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../electron/contract/model';
import { formatHresult } from '../../electron/contract/model';
import { localizeError } from '../lib/localize-error';

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace },
  body: { whiteSpace: 'normal' },
  original: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer' },
});

/** An error as the product shows it everywhere: symbolic code, HRESULT in hex, plain message, what to do
 * (in the UI language), the request field at fault, and the host's original wording when it says more. */
export function ErrorDetails({
  error,
  title,
  intent = 'error',
}: {
  error: ApiErrorShape;
  title?: string;
  intent?: 'error' | 'warning' | 'info';
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const text = localizeError(error, i18n);
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="error-details">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title ?? t('error.title')}</MessageBarTitle>
        <div>
          <span className={styles.code} data-testid="error-code">
            {error.code}
          </span>{' '}
          (
          <span className={styles.code} data-testid="error-hresult">
            {formatHresult(error.hresult)}
          </span>
          )
        </div>
        <div data-testid="error-message">{text.message}</div>
        {text.field && (
          <div data-testid="error-field">
            {t('error.field')}:{' '}
            {text.fieldLabel ? (
              <>
                {text.fieldLabel} (<span className={styles.code}>{text.field}</span>)
              </>
            ) : (
              <span className={styles.code}>{text.field}</span>
            )}
          </div>
        )}
        {text.action && (
          <div data-testid="error-action">
            {t('error.action')}: {text.action}
          </div>
        )}
        {text.original && (
          <details className={styles.original} data-testid="error-original">
            <summary className={styles.summary}>{t('error.original')}</summary>
            <div lang="en">{text.original.message}</div>
            {text.original.action && <div lang="en">{text.original.action}</div>}
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
