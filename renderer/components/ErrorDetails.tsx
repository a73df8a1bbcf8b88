import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../electron/contract/model';
import { formatHresult } from '../../electron/contract/model';

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace },
  body: { whiteSpace: 'normal' },
});

/** An error as the product shows it everywhere: symbolic code, HRESULT in hex, plain message, what to do. */
export function ErrorDetails({
  error,
  title,
  intent = 'error',
}: {
  error: ApiErrorShape;
  title?: string;
  intent?: 'error' | 'warning' | 'info';
}) {
  const { t } = useTranslation();
  const styles = useStyles();
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
        <div data-testid="error-message">{error.message}</div>
        {error.action && (
          <div data-testid="error-action">
            {t('error.action')}: {error.action}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
