import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Route, ROUTES } from './use-route';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  link: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    borderBottom: `3px solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
    ':hover': { borderBottomColor: tokens.colorBrandStroke1 },
  },
});

const LABEL_KEYS: Record<Route, string> = {
  inventory: 'app.tabs.inventory',
  create: 'app.tabs.create',
  monitor: 'app.tabs.monitor',
};

/** The views as plain links to their hash routes; `onOpen` may take over (the desktop opens the monitor window). */
export function NavLinks({ current, onOpen }: { current: Route; onOpen: (route: Route) => boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const click = (route: Route) => (e: MouseEvent) => {
    if (onOpen(route)) e.preventDefault();
  };
  return (
    <ul className={styles.list}>
      {ROUTES.map((route) => (
        <li key={route}>
          <a
            href={`#/${route}`}
            className={mergeClasses(styles.link, route === current && styles.current)}
            aria-current={route === current ? 'page' : undefined}
            onClick={click(route)}
          >
            {t(LABEL_KEYS[route])}
          </a>
        </li>
      ))}
    </ul>
  );
}
