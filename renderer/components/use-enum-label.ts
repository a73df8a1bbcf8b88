import { useTranslation } from 'react-i18next';

/** Translated names of the contract's enumerations (status, health, LUN type, drive flag, operation state). */
export function useEnumLabels() {
  const { t } = useTranslation();
  return {
    status: (value: string) => t(`status.${value}`),
    health: (value: string) => t(`health.${value}`),
    lunType: (value: string) => t(`lunType.${value}`),
    driveFlag: (value: string) => t(`driveFlag.${value}`),
    opState: (value: string) => t(`opState.${value}`),
  };
}
