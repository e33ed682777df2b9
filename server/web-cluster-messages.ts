// What the cluster's processes tell each other over node:cluster's channel, and the one check of
// what arrives there (it also carries prom-client's and node's own messages).
export const STOP_MESSAGE = { type: 'petition-desk:stop' } as const;
export const METRICS_REQUEST = 'petition-desk:metrics-request';
export const METRICS_RESPONSE = 'petition-desk:metrics-response';

export interface MetricsRequest {
  type: typeof METRICS_REQUEST;
  id: string;
}

export interface MetricsResponse {
  type: typeof METRICS_RESPONSE;
  id: string;
  text?: string;
  error?: string;
}

type ClusterMessage = typeof STOP_MESSAGE | MetricsRequest | MetricsResponse;

/** Whether `message` is ours and of this type. */
export function isClusterMessage<T extends ClusterMessage['type']>(
  message: unknown,
  type: T,
): message is Extract<ClusterMessage, { type: T }> {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === type;
}
