import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Clear finished…" and the confirmation naming how many entries go; disabled when none has finished. */
export function ClearFinishedDialog(props: { finished: number; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={props.finished === 0} data-testid="clear-finished">
          {t('monitorTools.clearFinished')}
        </Button>
      </DialogTrigger>
      <DialogSurface data-testid="clear-finished-dialog">
        <DialogBody>
          <DialogTitle>{t('monitorTools.clearTitle')}</DialogTitle>
          <DialogContent>{t('monitorTools.clearBody', { count: props.finished })}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button data-testid="clear-keep">{t('monitorTools.clearKeep')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              data-testid="clear-confirm"
              onClick={() => {
                setOpen(false);
                props.onConfirm();
              }}
            >
              {t('monitorTools.clearConfirm', { count: props.finished })}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
