import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/store-context';

/** While the host cannot write its operation journal (full or read-only disk) it refuses new operations
 * with E_JOURNAL_UNWRITABLE; this says so, on every screen, until the journal can be written again (the
 * host reports both with the inventory). */
export function JournalBanner() {
  const { t } = useTranslation();
  const problem = useApp((s) => s.inventory?.provider.journalProblem);
  if (!problem) return null;
  return (
    <MessageBar intent="error" role="alert" data-testid="journal-unwritable">
      <MessageBarBody>{t('app.journalUnwritable', { path: problem.path })}</MessageBarBody>
    </MessageBar>
  );
}
