import type { FieldError } from '../store/wizard-model';
import { normalizeInitiatorName } from '../../electron/contract/unmasking-list';
import { duplicateInitiators, invalidInitiators, overlongInitiators, splitInitiators } from './initiators';

/** Who may see a LUN, as the UI offers it: no host, all hosts, or a list of initiators typed as text. */
export type AccessMode = 'none' | 'all' | 'list';

export interface HostAccessChoice {
  mode: AccessMode;
  /** The initiators, separated by new lines, ";" or "," (read only in list mode). */
  text: string;
}

/** The one check of a host-access choice, for the wizard's access step and the host access dialog. */
export function hostAccessErrors(choice: HostAccessChoice, maskingCapable: boolean): FieldError[] {
  if (choice.mode !== 'list') return [];
  if (!maskingCapable) return [{ field: 'access', key: 'wizard.access.notMaskingCapable' }];
  const entries = splitInitiators(choice.text);
  if (entries.length === 0) return [{ field: 'initiators', key: 'wizard.errors.initiatorsRequired' }];
  const overlong = overlongInitiators(entries);
  if (overlong.length > 0)
    return overlong.map(({ entry, bytes }) => ({
      field: 'initiators',
      key: 'wizard.errors.initiatorTooLong',
      params: { entry: shortened(entry), bytes },
    }));
  const bad = invalidInitiators(entries);
  if (bad.length > 0)
    return [
      {
        field: 'initiators',
        key: 'wizard.errors.initiatorInvalid',
        params: { count: bad.length, entry: bad[0]!, entries: bad.join(', ') },
      },
    ];
  const duplicates = duplicateInitiators(entries);
  if (duplicates.length > 0)
    return [
      {
        field: 'initiators',
        key: 'wizard.errors.initiatorDuplicate',
        params: { count: duplicates.length, entry: duplicates[0]!, entries: duplicates.join(', ') },
      },
    ];
  return [];
}

/** The VDS unmasking list of a choice: "*", "" or ";"-separated initiators. */
export function unmaskingListOf(choice: HostAccessChoice): string {
  if (choice.mode === 'all') return '*';
  if (choice.mode === 'none') return '';
  return splitInitiators(choice.text).map(normalizeInitiatorName).join(';');
}

/** A LUN's current unmasking list as a choice (one initiator a line). */
export function choiceOf(unmaskingList: string): HostAccessChoice {
  if (unmaskingList === '*') return { mode: 'all', text: '' };
  if (unmaskingList === '') return { mode: 'none', text: '' };
  return { mode: 'list', text: unmaskingList.split(';').join('\n') };
}

/** A 266-character entry would fill the message: its start and end are enough to find it. */
function shortened(entry: string): string {
  return entry.length <= 60 ? entry : `${entry.slice(0, 40)}…${entry.slice(-12)}`;
}
