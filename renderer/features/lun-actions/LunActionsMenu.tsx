import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Lun } from '../../../electron/contract/model';
import { LUN_ACTIONS } from '../../store/lun-actions-slice';
import { useLunLabel } from '../../lib/lun-label';
import { useApp } from '../../store/store-context';

/** A row's "Actions" button: Extend, Shrink, Host access, Delete for that LUN. */
export function LunActionsMenu({ lun }: { lun: Lun }) {
  const { t } = useTranslation();
  const open = useApp((s) => s.openLunAction);
  const lunLabel = useLunLabel();
  // When its dialog closes, focus comes back here (not to the top of the page).
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          {...restoreFocus}
          aria-label={t('lunActions.menuNamed', { lun: lunLabel(lun.name || lun.id) })}
          data-testid="lun-actions"
        >
          {t('lunActions.menu')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {LUN_ACTIONS.map((action) => (
            <MenuItem key={action} onClick={() => open(action, lun)} data-testid={`lun-action-${action}`}>
              {t(`lunActions.${action}.action`)}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
