import { type Theme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { usePrefersDark } from './use-color-scheme';

// The light theme is in the first chunk; the dark one is a chunk of its own, fetched when the system asks
// for it (main waits for it before the first render then, so the page does not flash light).
let dark: Theme | undefined;

export async function loadDarkTheme(): Promise<Theme> {
  dark ??= (await import('./dark-theme')).webDarkTheme;
  return dark;
}

export function prefersDarkNow(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** Fluent's theme for the system's colour scheme; light until the dark theme's chunk is there. */
export function useTheme(): Theme {
  const prefersDark = usePrefersDark();
  const [, setArrived] = useState(0);
  useEffect(() => {
    if (prefersDark && !dark)
      void loadDarkTheme().then(
        () => setArrived((n) => n + 1),
        () => {}, // stays light
      );
  }, [prefersDark]);
  return prefersDark && dark ? dark : webLightTheme;
}
