// What a review (art. 35) or re-review (art. 36) opinion decides about the decision it looks at
// again: it is upheld (维持), changed (变更) or overturned (撤销). The citizen sees it with the reasons.
export const OPINION_OUTCOMES = ['UPHELD', 'CHANGED', 'OVERTURNED'] as const;
export type OpinionOutcome = (typeof OPINION_OUTCOMES)[number];

export function isOpinionOutcome(value: unknown): value is OpinionOutcome {
  return typeof value === 'string' && (OPINION_OUTCOMES as readonly string[]).includes(value);
}
