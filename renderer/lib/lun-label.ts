import { useTranslation } from 'react-i18next';

/** A name that already says it is a LUN ("LUN 1", "lun-7", "LUN"), as the simulator and many arrays name them. */
const SAYS_LUN = /^lun(?![\p{L}])/iu;

/** How a sentence names a LUN: "LUN Data" for a LUN called "Data", but "LUN 1" (not "LUN LUN 1") for one
 * called "LUN 1". `named` puts the word in front in the UI language. */
export function lunLabel(name: string, named: (name: string) => string): string {
  const trimmed = name.trim();
  return SAYS_LUN.test(trimmed) ? trimmed : named(trimmed);
}

/** lunLabel in the UI language; pass the LUN's name, or its id when it has none. */
export function useLunLabel(): (name: string) => string {
  const { t } = useTranslation();
  return (name) => lunLabel(name, (n) => t('lunLabel.named', { name: n }));
}
