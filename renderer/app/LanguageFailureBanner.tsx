import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { languageFailure, languageFrom, onLanguageFailure } from '../i18n/i18n';

/** A language whose texts could not be fetched (at start or when chosen): says so; the page stays in the
 * language it is in. Goes away when a language is switched to successfully. */
export function LanguageFailureBanner() {
  const { t, i18n } = useTranslation();
  const subscribe = useCallback((listener: () => void) => onLanguageFailure(i18n, listener), [i18n]);
  const failure = useSyncExternalStore(subscribe, () => languageFailure(i18n));
  if (!failure) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="language-failed">
      <MessageBarBody>
        {t('loading.languageFailed', {
          language: t(`app.languageName.${failure.language}`),
          current: t(`app.languageName.${languageFrom(i18n.language)}`),
          reason: failure.reason,
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
