import { Button, Menu, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Drive } from '../../../electron/contract/model';
import { useApp } from '../../store/store-context';
import { canBeReplaced, isHotSpare } from './drive-rules';

/** A drive row's "Actions" button. One menu serves every row (a menu per row made scrolling 32,768 drives
 * twice as slow): the button only says which drive it is for. */
export function DriveActionsButton(props: {
  drive: Drive;
  expanded: boolean;
  onOpen: (target: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  const name = props.drive.name || props.drive.id;
  return (
    <Button
      size="small"
      aria-label={t('maintenance.drives.menuNamed', { name })}
      aria-haspopup="menu"
      aria-expanded={props.expanded}
      onClick={(e) => props.onOpen(e.currentTarget)}
      data-testid="drive-actions"
    >
      {t('maintenance.drives.menu')}
    </Button>
  );
}

/** The drive's actions: identify light on/off, hot spare on/off, and (for a failed drive) replace. */
export function DriveActionsMenu(props: { drive: Drive; target: HTMLElement; onClose: () => void }) {
  const { drive, target, onClose } = props;
  const { t } = useTranslation();
  const identify = useApp((s) => s.setDriveIdentify);
  const hotSpare = useApp((s) => s.setDriveHotSpare);
  const replace = useApp((s) => s.openReplaceDrive);
  const spare = isHotSpare(drive);
  const close = () => {
    onClose();
    target.focus();
  };
  return (
    <Menu open positioning={{ target }} onOpenChange={(_, data) => !data.open && close()}>
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
