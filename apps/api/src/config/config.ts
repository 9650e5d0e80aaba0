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
  /** `exempt`: client addresses no limit applies to, neither the global one nor a route's own. */
  rateLimit: { max: number; windowSeconds: number; exempt: string[] };
  shutdownDelayMs: number;
  /** The outbox worker and the document sweeper, which run together (or not at all) in a process. */
  jobs: { enabled: boolean; pollIntervalMs: number; sweepIntervalSeconds: number };
  seedDemo: boolean;
  documents: DocumentsConfig;
  /** Seconds a new message waits before unread participants are mailed; later messages join that mail. */
  conversationNotifyDelaySeconds: number;
}

/** Upload limits and document lifetimes. */
export interface DocumentsConfig {
  maxFileBytes: number;
  maxRequestBytes: number;
  maxFiles: number;
  pendingUploadTtlSeconds: number;
  retentionDays: number;
  /** Only with the S3 driver: redirect downloads to presigned URLs. */
  presignedDownloads: boolean;
}
