// Whether the page has hydrated. False on the server and during hydration, true after, so a
// component can render its no-JavaScript form first (identical on server and client) and switch
// to the scripted one once scripts run. Without JavaScript it stays false forever.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
