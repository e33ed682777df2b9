// The fields of a clerk's registration, in the order of the form (the error summary's order): how
// and when it arrived, then the submission's own fields.
import { SUBMISSION_FIELDS } from './submission-fields.ts';

export const REGISTRATION_FIELDS = ['channel', 'receivedOn', ...SUBMISSION_FIELDS] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
