import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { LunStudioApi } from '../../electron/contract/api';
import type { AppStore } from '../store/create-app-store';
import { AppStoreProvider } from '../store/store-context';
import type { ConnectionSource } from './ConnectionBanner';
import { HeaderTools, InventoryView, MonitorView, ShellBanners, Wizard } from './lazy-views';
import { NavLinks } from './NavLinks';
import { useTheme } from './theme';
import { type Route, useRoute } from './use-route';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    minHeight: '32px', // the controls' height: the header does not grow when their chunk arrives
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  nav: { flexGrow: 1 },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalL, minWidth: 0 },
});

export interface AppProps {
  store: AppStore;
  api: LunStudioApi;
  i18n: I18n;
  desktop: boolean;
  /** Browser shell: the WebSocket's state changes. */
  connection?: ConnectionSource;
}

export function App({ store, api, i18n, desktop, connection }: AppProps) {
  const theme = useTheme();
  return (
    <I18nextProvider i18n={i18n}>
      <AppStoreProvider store={store} api={api} desktop={desktop}>
        <FluentProvider theme={theme}>
          <Shell desktop={desktop} api={api} connection={connection} />
        </FluentProvider>
      </AppStoreProvider>
    </I18nextProvider>
  );
}

function Shell({
  desktop,
  api,
  connection,
}: {
  desktop: boolean;
  api: LunStudioApi;
  connection?: ConnectionSource;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [route, navigate] = useRoute();
  // The desktop monitor is a window of its own that loads this bundle at #/monitor.
  const monitorWindow = desktop && route === 'monitor';

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = monitorWindow ? t('monitor.windowTitle') : t('app.title');
  }, [i18n.language, monitorWindow, t]);

  /** Desktop: the monitor is its own window. Returns whether the route was handled here. */
  const openOwnWindow = (value: Route): boolean => {
    if (value !== 'monitor' || !desktop) return false;
    void api.openMonitor();
    return true;
  };
  const showMonitor = () => {
    if (!openOwnWindow('monitor')) navigate('monitor');
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{monitorWindow ? t('monitor.windowTitle') : t('app.title')}</h1>
        {!monitorWindow && (
          <nav className={styles.nav} aria-label={t('app.navigation')}>
            <NavLinks current={route} onOpen={openOwnWindow} />
          </nav>
        )}
        <HeaderTools monitorWindow={monitorWindow} />
      </header>
      <ShellBanners connection={connection} />
      <main className={styles.main}>
        {route === 'inventory' && <InventoryView />}
        {route === 'create' && <Wizard onShowMonitor={showMonitor} />}
        {route === 'monitor' && <MonitorView monitorWindow={monitorWindow} />}
      </main>
    </div>
  );
}
