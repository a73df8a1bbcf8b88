import { Button, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DrivesEntry } from '../store/drives-slice';
import { useApp } from '../store/store-context';
import { ErrorDetails } from './ErrorDetails';

/** While a subsystem's drives are read for the first time: a spinner; when that read failed: the error (code,
 * HRESULT, message) and Retry. Nothing once they are shown. */
export function DrivesLoadState({
  subsystemId,
  entry,
}: {
  subsystemId: string;
  entry: DrivesEntry | undefined;
}) {
  const { t } = useTranslation();
  const loadDrives = useApp((s) => s.loadDrives);
  if (entry?.error && !entry.loading)
    return (
      <div data-testid="drives-load-error">
        <ErrorDetails error={entry.error} title={t('inventory.drives.loadFailed')} />
        <Button onClick={() => void loadDrives(subsystemId)}>{t('inventory.drives.retry')}</Button>
      </div>
    );
  if (entry?.drives) return null;
  return <Spinner size="small" label={t('inventory.drives.loading')} data-testid="drives-loading" />;
}
