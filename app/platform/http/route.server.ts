// Kept for server modules that import from here. Routes import route.ts: `route(...)` runs when a
// route module loads, also in the browser bundle, where this module is an empty stub.
export * from './route.ts';
