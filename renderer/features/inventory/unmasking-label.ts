import { useTranslation } from 'react-i18next';

/** An unmasking list as words: "All hosts", "No host" or the initiators separated by commas. */
export function useUnmaskingLabel() {
  const { t } = useTranslation();
  return (list: string) =>
    list === '*' ? t('unmasking.allHosts') : list === '' ? t('unmasking.none') : list.split(';').join(', ');
}
