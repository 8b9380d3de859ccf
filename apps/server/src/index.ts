export type { ServerConfig } from './config.ts';
export { loadConfig } from './config.ts';
export type { PlumeServer } from './plume-server.ts';
export { startPlumeServer } from './plume-server.ts';
