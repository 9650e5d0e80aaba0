import type { StorageConfig } from '../storage/blob-store';

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseConfig =
  | { driver: 'pglite'; dataDir: string | null }
  | { driver: 'postgres'; url: string; poolMax: number };

export type MailConfig =
  | { transport: 'mailbox'; from: string }
  | { transport: 'smtp'; url: string; from: string };

/** The validated, typed configuration. Built once by `loadConfig`; nothing else reads the environment. */
export interface Config {
  env: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: LogLevel;
  trustProxy: boolean;
  dataDir: string;
  database: DatabaseConfig;
  storage: StorageConfig;
  mail: MailConfig;
  /** `null` outside production when unset: the server generates and keeps one in the data directory. */
  jwtSecret: string | null;
  corsOrigins: string[];
  rateLimit: { max: number; windowSeconds: number };
  shutdownDelayMs: number;
  jobs: { enabled: boolean; pollIntervalMs: number };
  seedDemo: boolean;
}
