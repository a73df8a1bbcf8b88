import { useEffect, useState } from 'react';

export const ROUTES = ['inventory', 'create', 'monitor'] as const;
export type Route = (typeof ROUTES)[number];

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'inventory';
}

/** The view named by location.hash ("#/monitor", "#/create", "#/inventory"). */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = (next: Route) => {
    window.location.hash = `#/${next}`;
    setRoute(next);
  };
  return [route, navigate];
}
