import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/ws-client';

export type ConnectionSource = (handler: (state: ConnectionState) => void) => () => void;

/** Browser shell only: says so while the WebSocket to the host is down (the client keeps reconnecting). */
export function ConnectionBanner({ source }: { source: ConnectionSource }) {
  const { t } = useTranslation();
  const [lost, setLost] = useState(false);
  useEffect(
    () =>
      source((state) => {
        if (state === 'open') setLost(false);
        if (state === 'closed') setLost(true);
      }),
    [source],
  );
  if (!lost) return null;
  return (
    <MessageBar intent="warning" role="status" data-testid="connection-lost">
      <MessageBarBody>{t('app.connectionLost')}</MessageBarBody>
    </MessageBar>
  );
}
