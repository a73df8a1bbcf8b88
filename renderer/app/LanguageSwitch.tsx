import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageFrom, rememberLanguage } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = languageFrom(i18n.language);
  return (
    <Field label={t('app.language')} orientation="horizontal">
      <Select
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
    </Field>
  );
}
