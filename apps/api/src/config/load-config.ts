import { isIP } from 'node:net';
import path from 'node:path';
import type { Config, DatabaseConfig, LogLevel, MailConfig, NodeEnv } from './config';
import { type Setting, type SettingName, settings } from './settings';

/** A setting that cannot be used. Its message is one line naming the setting, fit to print as-is. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function reader(env: Env) {
  const raw = (name: SettingName): string | undefined => {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') return value;
    const setting: Setting = settings[name];
    return setting.default;
  };
  const fail = (name: SettingName, problem: string, value?: string): never => {
    throw new ConfigError(
      `Invalid configuration: ${name} ${problem}${value === undefined ? '' : ` (got "${value}")`}.`,
    );
  };
  const oneOf = <T extends string>(name: SettingName, allowed: readonly T[]): T => {
    const value = raw(name) ?? '';
    if (!(allowed as readonly string[]).includes(value))
      fail(name, `must be one of ${allowed.join(', ')}`, value);
    return value as T;
  };
  const integer = (name: SettingName, min: number, max: number): number => {
    const value = raw(name) ?? '';
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      fail(name, `must be a whole number from ${min} to ${max}`, value);
    return n;
  };
  const boolean = (name: SettingName): boolean => oneOf(name, ['true', 'false'] as const) === 'true';
  const url = (name: SettingName, protocols: readonly string[]): string | undefined => {
    const value = raw(name);
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return fail(name, `must be a URL starting with ${protocols.join(' or ')}`, redact(value));
    }
    if (!protocols.includes(parsed.protocol)) {
      fail(name, `must be a URL starting with ${protocols.join(' or ')}`, redact(value));
    }
    return value;
  };
  return { raw, fail, oneOf, integer, boolean, url };
}

/** Hides a password embedded in a URL before it is echoed in an error. */
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

export function loadConfig(env: Env = process.env): Config {
  const r = reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production']);
  const production = nodeEnv === 'production';
  const port = r.integer('PORT', 0, 65535);
  const dataDir = path.resolve(r.raw('DATA_DIR') ?? '.data');

  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const database: DatabaseConfig = databaseUrl
    ? { driver: 'postgres', url: databaseUrl, poolMax: r.integer('DATABASE_POOL_MAX', 1, 1000) }
    : { driver: 'pglite', dataDir: path.join(dataDir, 'db') };

  const storageDriver = r.oneOf('STORAGE_DRIVER', ['disk', 's3'] as const);
  const storage: Config['storage'] =
    storageDriver === 'disk'
      ? { driver: 'disk', diskPath: path.resolve(r.raw('STORAGE_DISK_PATH') ?? path.join(dataDir, 'blobs')) }
      : {
          driver: 's3',
          s3: {
            endpoint: r.url('S3_ENDPOINT', ['http:', 'https:']),
            region: r.raw('S3_REGION') ?? 'us-east-1',
            bucket: r.raw('S3_BUCKET') ?? r.fail('S3_BUCKET', 'is required when STORAGE_DRIVER=s3'),
            accessKeyId: r.raw('S3_ACCESS_KEY_ID'),
            secretAccessKey: r.raw('S3_SECRET_ACCESS_KEY'),
            forcePathStyle: r.boolean('S3_FORCE_PATH_STYLE'),
          },
        };

  const from = r.raw('MAIL_FROM') ?? '';
  const smtpUrl = r.url('SMTP_URL', ['smtp:', 'smtps:']);
  if (production && !smtpUrl)
    r.fail('SMTP_URL', 'is required in production (the dev mailbox is for development only)');
  const mail: MailConfig = smtpUrl
    ? { transport: 'smtp', url: smtpUrl, from }
    : { transport: 'mailbox', from };

  const jwtSecret = r.raw('JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) r.fail('JWT_SECRET', 'must be at least 32 characters');
  if (production && jwtSecret === null) r.fail('JWT_SECRET', 'is required in production');

  const corsOrigins = (r.raw('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      r.fail('CORS_ORIGINS', 'must list origins like https://app.example.com', origin);
    }
  }

  const rateLimitExempt = (r.raw('RATE_LIMIT_EXEMPT') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of rateLimitExempt) {
    if (isIP(address) === 0) r.fail('RATE_LIMIT_EXEMPT', 'must list IP addresses like 127.0.0.1', address);
  }

  const publicUrl = r.url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const seedDemo = env.SEED_DEMO?.trim() ? r.boolean('SEED_DEMO') : !production;

  return {
    env: nodeEnv,
    host: r.raw('HOST') ?? '127.0.0.1',
    port,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    logLevel: r.oneOf<LogLevel>('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    trustProxy: r.boolean('TRUST_PROXY'),
    dataDir,
    database,
    storage,
    mail,
    jwtSecret,
    corsOrigins,
    rateLimit: {
      max: r.integer('RATE_LIMIT_MAX', 1, 1_000_000),
      windowSeconds: r.integer('RATE_LIMIT_WINDOW_SECONDS', 1, 86_400),
      exempt: rateLimitExempt,
    },
    shutdownDelayMs: r.integer('SHUTDOWN_DELAY_MS', 0, 600_000),
    jobs: {
      enabled: r.boolean('JOBS_ENABLED'),
      pollIntervalMs: r.integer('JOBS_POLL_INTERVAL_MS', 10, 600_000),
      sweepIntervalSeconds: r.integer('SWEEP_INTERVAL_SECONDS', 1, 86_400),
    },
    seedDemo,
    documents: {
      maxFileBytes: r.integer('UPLOAD_MAX_FILE_BYTES', 1, 5 * 2 ** 40),
      maxRequestBytes: r.integer('UPLOAD_MAX_REQUEST_BYTES', 1, 5 * 2 ** 40),
      maxFiles: r.integer('UPLOAD_MAX_FILES', 1, 10_000),
      pendingUploadTtlSeconds: r.integer('UPLOAD_PENDING_TTL_SECONDS', 60, 7 * 86_400),
      retentionDays: r.integer('DOCUMENT_RETENTION_DAYS', 1, 3650),
      presignedDownloads:
        r.boolean('S3_PRESIGNED_DOWNLOADS') &&
        (storage.driver === 's3' || r.fail('S3_PRESIGNED_DOWNLOADS', 'needs STORAGE_DRIVER=s3')),
    },
    conversationNotifyDelaySeconds: r.integer('CONVERSATION_NOTIFY_DELAY_SECONDS', 0, 86_400),
  };
}
