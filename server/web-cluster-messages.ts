// What the cluster's primary tells its web processes.
export const STOP_MESSAGE = { type: 'petition-desk:stop' } as const;

export const isStopMessage = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && 'type' in message && message.type === STOP_MESSAGE.type;
