import { Label, makeStyles, Select, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageFrom, rememberLanguage, switchLanguage } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { whiteSpace: 'nowrap' },
});

/** The language choice. A language other than English is fetched first; the page changes when it is there
 * (LanguageFailureBanner says so if it cannot be fetched). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId('language');
  const [switching, setSwitching] = useState(false);
  const current = languageFrom(i18n.language);
  return (
    <div className={styles.root}>
      <Label htmlFor={id} className={styles.label}>
        {t('app.language')}
      </Label>
      <Select
        id={id}
        value={current}
        aria-busy={switching || undefined}
        onChange={(_, data) => {
          const language = languageFrom(data.value);
          setSwitching(true);
          void switchLanguage(i18n, language).then((changed) => {
            setSwitching(false);
            if (changed) rememberLanguage(language);
          });
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`app.languageName.${lng}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
