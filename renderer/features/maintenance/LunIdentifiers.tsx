import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LunIdentificationData } from '../../../electron/contract/model';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: 'normal', wordBreak: 'break-all' },
  code: { fontFamily: tokens.fontFamilyMonospace },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The LUN's device identification (VDS_LUN_INFORMATION): vendor, product, revision, serial, and every
 * designator (NAA, SCSI name…). */
export function LunIdentifiers({ data }: { data: LunIdentificationData | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!data) return <p className={styles.none}>{t('maintenance.details.noIdentification')}</p>;
  const rows: [string, string, boolean][] = [];
  if (data.vendorId) rows.push([t('maintenance.details.vendor'), data.vendorId, false]);
  if (data.productId) rows.push([t('maintenance.details.product'), data.productId, false]);
  if (data.productRevision) rows.push([t('maintenance.details.revision'), data.productRevision, false]);
  if (data.serialNumber) rows.push([t('maintenance.details.serial'), data.serialNumber, true]);
  for (const id of data.identifiers)
    rows.push([
      t('maintenance.details.identifier', {
        type: t(`maintenance.identifierType.${id.type}`),
        codeSet: id.codeSet,
        association: id.association,
      }),
      id.value,
      true,
    ]);
  return (
    <dl className={styles.facts} data-testid="lun-identifiers">
      {rows.map(([term, value, code]) => (
        <div key={`${term}:${value}`} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>
            <span className={code ? styles.code : undefined}>{value}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
