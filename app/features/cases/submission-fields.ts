// The shape of the submission form, without the validator: the browser bundle needs these
// names and limits, but not zod.
export const LIMITS = {
  areaMax: 100,
  subjectMin: 4,
  subjectMax: 120,
  bodyMin: 20,
  bodyMax: 5000,
  nameMax: 100,
  emailMax: 254,
  addressMax: 300,
  coSignersMax: 100_000,
  officialMax: 200,
} as const;

/** The choice for a report about a body outside the unit tree, or one the reporter does not know. */
export const UNKNOWN_REPORTED_UNIT = 'unknown';

/** A report of misconduct names the body it is about, and optionally the official (arts. 22, 30). */
export const REPORTED_FIELDS = ['reportedUnit', 'reportedOfficial'] as const;
export type ReportedField = (typeof REPORTED_FIELDS)[number];

/**
 * Who wrote, how the answer should reach them and whether they may be asked afterwards if it solved
 * their problem (回访, check-in.ts), in the form's order.
 */
export const CONTACT_FIELDS = ['anonymous', 'name', 'phone', 'email', 'postalAddress', 'preferredReplyChannel', 'checkIn'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The fields in the order they appear on the form: the error summary lists them in this order. */
export const SUBMISSION_FIELDS = [
  'kind',
  ...REPORTED_FIELDS,
  'categoryId',
  'area',
  'subject',
  'body',
  'coSignerCount',
  ...CONTACT_FIELDS,
  'consent',
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];
export type SubmissionErrors = Partial<Record<SubmissionField, string>>;
