import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/ws-client';

export type ConnectionSource = (handler: (state: ConnectionState) => void) => () => void;

/** Browser shell only: says so while the WebSocket to the host is down (the client keeps reconnecting),
 * or when the host refuses this page's access token (the printed URL gives a good one). */
export function ConnectionBanner({ source }: { source: ConnectionSource }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<'none' | 'lost' | 'unauthorized'>('none');
  useEffect(
    () =>
      source((state) => {
        if (state === 'open') setShown('none');
        if (state === 'closed') setShown('lost');
        if (state === 'unauthorized') setShown('unauthorized');
      }),
    [source],
  );
  if (shown === 'none') return null;
  if (shown === 'unauthorized') {
    return (
      <MessageBar intent="error" role="alert" data-testid="connection-unauthorized">
        <MessageBarBody>{t('app.connectionUnauthorized')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" role="status" data-testid="connection-lost">
      <MessageBarBody>{t('app.connectionLost')}</MessageBarBody>
    </MessageBar>
  );
}
