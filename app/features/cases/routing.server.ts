// The statute's routing as the server runs it: the settings' codes as active unit and category ids
// (routing.ts holds the rules).
import { getSetting } from '#app/features/settings/settings.server.ts';
import { db } from '#app/platform/db.server.ts';
import type { RoutingTargets } from './routing.ts';

// Read on every submission and changed rarely: like the settings themselves, kept a few seconds
// per process (other instances see a change within that time).
const CACHE_MS = 5_000;
let cache: { at: number; value: Promise<RoutingTargets> } | null = null;

export function routingTargets(now = Date.now()): Promise<RoutingTargets> {
  if (!cache || now - cache.at > CACHE_MS || now < cache.at) {
    const value = readRoutingTargets();
    value.catch(() => {
      cache = null;
    });
    cache = { at: now, value };
  }
  return cache.value;
}

/** Forgets this process's routing, so the next case reads the settings again (after a change, and in tests). */
export function forgetRoutingTargets(): void {
  cache = null;
}

async function readRoutingTargets(): Promise<RoutingTargets> {
  const routing = await getSetting('routing');
  const codes = [routing.disciplineUnit, routing.legalUnit, routing.reviewOffice].filter((code): code is string => code !== null);
  const [units, categories] = await Promise.all([
    db().unit.findMany({ where: { code: { in: codes }, active: true }, select: { id: true, code: true } }),
    db().category.findMany({ where: { code: { in: routing.courtCategories } }, select: { id: true } }),
  ]);
  const unit = (code: string | null) => units.find((u) => u.code === code)?.id ?? null;
  return {
    disciplineUnitId: unit(routing.disciplineUnit),
    legalUnitId: unit(routing.legalUnit),
    reviewOfficeUnitId: unit(routing.reviewOffice),
    courtCategoryIds: new Set(categories.map((c) => c.id)),
  };
}
