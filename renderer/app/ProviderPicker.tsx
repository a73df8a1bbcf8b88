import { Button } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/store-context';
import type { ProviderDialogProps } from './ProviderDialog';
import { Deferred, lazyPart } from './lazy-part';
import { LoadingFallback } from './LoadingFallback';

export const providerDialog = lazyPart<ProviderDialogProps>(() =>
  import('./ProviderDialog').then((m) => m.ProviderDialog),
);

/** The header's provider button; its dialog (ProviderDialog) is a chunk fetched when it is first pressed. */
export function ProviderPicker() {
  const { t } = useTranslation();
  const inUse = useApp((s) => s.inventory?.provider.name);
  const [open, setOpen] = useState(false);
  const [openings, setOpenings] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <Button
        ref={button}
        aria-haspopup="dialog"
        data-testid="provider-picker-open"
        onClick={() => {
          setOpenings((n) => n + 1);
          setOpen(true);
        }}
      >
        {inUse
          ? t('providerPicker.open', { provider: t(`provider.${inUse}`) })
          : t('providerPicker.openUnknown')}
      </Button>
      {openings > 0 && (
        <Deferred fallback={open ? <LoadingFallback /> : null}>
          <providerDialog.Part key={openings} open={open} onClose={close} />
        </Deferred>
      )}
    </>
  );
}
