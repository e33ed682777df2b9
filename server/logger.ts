// Structured logs for the server and the worker: JSON lines (pino) that a log collector can parse,
// or readable lines when a terminal is attached. Logs carry no personal data, no letter text and no
// access codes: requests are logged by method, route pattern, status and duration only.
import pino from 'pino';
import { serverEnv } from './env.ts';

export const logger = pino({
  level: serverEnv().LOG_LEVEL,
  base: { service: 'petition-desk' },
  timestamp: pino.stdTimeFunctions.isoTime,
  transport: process.stdout.isTTY
    ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } }
    : undefined,
});

/** A plain message, for the places that take a `log(line)` function (the worker, the scripts). */
export function log(message: string): void {
  logger.info(message);
}
