// The case's other enumerations, shared by forms and filters in the browser and on the server.
export const CHANNELS = ['ONLINE', 'LETTER', 'VISIT', 'PHONE', 'HOTLINE', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels a clerk registers by hand; online and API cases arrive by themselves. */
export const REGISTRATION_CHANNELS = ['LETTER', 'VISIT', 'PHONE', 'HOTLINE'] as const satisfies readonly Channel[];

export const WARNING_LEVELS = ['NONE', 'BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
