import { LanguageSwitch } from './LanguageSwitch';
import { ProviderPicker } from './ProviderPicker';

/** The header's controls: a chunk of their own (with Fluent's Button and Select), fetched at start beside the
 * view's; the title and the navigation are shown without them. */
export function HeaderTools({ monitorWindow }: { monitorWindow: boolean }) {
  return (
    <>
      {!monitorWindow && <ProviderPicker />}
      <LanguageSwitch />
    </>
  );
}
