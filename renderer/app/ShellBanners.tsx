import { type ConnectionSource, ConnectionBanner } from './ConnectionBanner';
import { JournalBanner } from './JournalBanner';
import { LanguageFailureBanner } from './LanguageFailureBanner';

/** The page-wide notices (Fluent's MessageBar): a chunk of their own, fetched at start. */
export function ShellBanners({ connection }: { connection?: ConnectionSource }) {
  return (
    <>
      {connection && <ConnectionBanner source={connection} />}
      <LanguageFailureBanner />
      <JournalBanner />
    </>
  );
}
