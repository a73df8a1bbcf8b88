import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Drive } from '../../../electron/contract/model';
import { useApp } from '../../store/store-context';
import { canBeReplaced, isHotSpare } from './drive-rules';

/** A drive row's "Actions": identify light on/off, hot spare on/off, and (for a failed drive) replace. */
export function DriveActionsMenu({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  const identify = useApp((s) => s.setDriveIdentify);
  const hotSpare = useApp((s) => s.setDriveHotSpare);
  const replace = useApp((s) => s.openReplaceDrive);
  const name = drive.name || drive.id;
  const spare = isHotSpare(drive);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          aria-label={t('maintenance.drives.menuNamed', { name })}
          data-testid="drive-actions"
        >
          {t('maintenance.drives.menu')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem
            onClick={() => void identify(drive, !drive.identifying)}
            data-testid="drive-action-identify"
          >
            {t(drive.identifying ? 'maintenance.drives.identifyOff' : 'maintenance.drives.identifyOn')}
          </MenuItem>
          <MenuItem onClick={() => void hotSpare(drive, !spare)} data-testid="drive-action-hot-spare">
            {t(spare ? 'maintenance.drives.hotSpareOff' : 'maintenance.drives.hotSpareOn')}
          </MenuItem>
          {canBeReplaced(drive) && (
            <MenuItem onClick={() => replace(drive)} data-testid="drive-action-replace">
              {t('maintenance.drives.replace')}
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
