import { Label, makeStyles, Select, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageFrom, rememberLanguage } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { whiteSpace: 'nowrap' },
});

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId('language');
  const current = languageFrom(i18n.language);
  return (
    <div className={styles.root}>
      <Label htmlFor={id} className={styles.label}>
        {t('app.language')}
      </Label>
      <Select
        id={id}
        value={current}
        onChange={(_, data) => {
          const language = languageFrom(data.value);
          rememberLanguage(language);
          void i18n.changeLanguage(language);
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
