// The one typed refusal that features throw: "not there, or not yours". A case a handler may not
// see answers exactly as a case that does not exist, so nothing tells them it is there.
// Expected refusals (a field error, a rule, a stale version) are values, never exceptions; this is
// for the rest. platform/http/route.ts turns it into a 404 in one place.
export class NotFoundError extends Error {
  constructor(what = 'not found') {
    super(what);
    this.name = 'NotFoundError';
  }
}

/** A role that may not use a page or an action at all (a 403, unlike a case they may not see). */
export class ForbiddenError extends Error {
  constructor(what = 'forbidden') {
    super(what);
    this.name = 'ForbiddenError';
  }
}
