// The inputs of the early-warning pages' forms, in the order each page shows them: the services
// name them in a refusal, the pages list the problems in this order and mark each field.

/** The warning page: record a milestone, then override the level. */
export const WARNING_FIELDS = ['milestone', 'note', 'level', 'reason'] as const;
export type WarningField = (typeof WARNING_FIELDS)[number];

/** The cluster page: the cases to split off; the coordinated reply (its outcome and reasons for every claim, its basis, its text). */
export const CLUSTER_FIELDS = ['caseIds', 'outcome', 'reasons', 'legalBasis', 'legalReferences', 'message'] as const;
export type ClusterField = (typeof CLUSTER_FIELDS)[number];
