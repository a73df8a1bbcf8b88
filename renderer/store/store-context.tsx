import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import type { AppState } from './app-state';
import type { AppStore } from './create-app-store';

interface AppContextValue {
  store: AppStore;
  api: LunStudioApi;
  desktop: boolean;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppStoreProvider(props: AppContextValue & { children: ReactNode }) {
  const { store, api, desktop, children } = props;
  return <AppContext.Provider value={{ store, api, desktop }}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppStoreProvider is missing');
  return value;
}

/** Select from the window's store. Selectors must return stable references (state fields, primitives). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useAppApi(): LunStudioApi {
  return useAppContext().api;
}

export function useIsDesktop(): boolean {
  return useAppContext().desktop;
}
