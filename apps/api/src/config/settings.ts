/**
 * Every setting Chambers reads from the environment, with its default and what it is for.
 * `load-config.ts` is the only reader of `process.env`; `.env.example` lists these same names
 * (a test keeps the two in step).
 */
export interface Setting {
  /** Default when unset; `undefined` means "unset". */
  default?: string;
  doc: string;
}

export const settings = {
  NODE_ENV: { default: 'development', doc: 'development | test | production' },
  HOST: { default: '127.0.0.1', doc: 'Interface to listen on (0.0.0.0 in containers).' },
  PORT: { default: '3000', doc: 'Port serving the API, Manage (/) and Connect (/connect/).' },
  PUBLIC_URL: {
    doc: 'Base URL users reach Chambers at, used in mailed links. Default http://localhost:$PORT.',
  },
  LOG_LEVEL: { default: 'info', doc: 'fatal | error | warn | info | debug | trace | silent' },
  TRUST_PROXY: { default: 'false', doc: 'true when behind a load balancer that sets X-Forwarded-For.' },
  DATA_DIR: { default: './.data', doc: 'Where the embedded database and disk blobs live.' },
  DATABASE_URL: { doc: 'postgres:// URL. Unset: embedded PGlite under $DATA_DIR/db.' },
  DATABASE_POOL_MAX: { default: '10', doc: 'Connections per API process (PostgreSQL only).' },
  STORAGE_DRIVER: { default: 'disk', doc: 'disk | s3' },
  STORAGE_DISK_PATH: { doc: 'Blob directory for the disk driver. Default $DATA_DIR/blobs.' },
  S3_ENDPOINT: { doc: 'S3-compatible endpoint URL (MinIO, R2). Unset: AWS S3.' },
  S3_REGION: { default: 'us-east-1', doc: 'S3 region.' },
  S3_BUCKET: { doc: 'Bucket holding the blobs (required when STORAGE_DRIVER=s3).' },
  S3_ACCESS_KEY_ID: { doc: 'S3 access key. Unset: the AWS SDK default credential chain.' },
  S3_SECRET_ACCESS_KEY: { doc: 'S3 secret key.' },
  S3_FORCE_PATH_STYLE: { default: 'false', doc: 'true for MinIO and most self-hosted stores.' },
  UPLOAD_MAX_FILE_BYTES: { default: '2147483648', doc: 'Largest file one upload may carry (bytes; 2 GiB).' },
  UPLOAD_MAX_REQUEST_BYTES: {
    default: '5368709120',
    doc: 'Largest multipart upload request, all files together (bytes; 5 GiB).',
  },
  UPLOAD_MAX_FILES: { default: '100', doc: 'Most files one upload request may carry.' },
  UPLOAD_PENDING_TTL_SECONDS: {
    default: '3600',
    doc: 'How long a direct-to-storage upload may stay unconfirmed before it is swept with its blob.',
  },
  DOCUMENT_RETENTION_DAYS: {
    default: '30',
    doc: 'How long a deleted document stays restorable before it is purged with its blobs.',
  },
  S3_PRESIGNED_DOWNLOADS: {
    default: 'false',
    doc: 'true: downloads answer 303 to a short-lived presigned S3 URL instead of streaming through the API.',
  },
  SMTP_URL: { doc: 'smtp:// or smtps:// URL. Unset: mail goes to the dev mailbox at /dev/mailbox.' },
  MAIL_FROM: { default: 'Chambers <no-reply@chambers.localhost>', doc: 'Sender of every mail.' },
  JWT_SECRET: {
    doc: 'Secret signing access tokens (at least 32 characters). Unset outside production: generated once into $DATA_DIR.',
  },
  CORS_ORIGINS: { default: '', doc: 'Comma-separated origins allowed to call the API cross-origin.' },
  RATE_LIMIT_MAX: { default: '600', doc: 'Requests per client per RATE_LIMIT_WINDOW_SECONDS.' },
  RATE_LIMIT_WINDOW_SECONDS: { default: '60', doc: 'Rate limit window.' },
  RATE_LIMIT_EXEMPT: {
    default: '',
    doc: 'Comma-separated client IP addresses never rate limited (a monitor, a test runner); as the API sees them.',
  },
  SHUTDOWN_DELAY_MS: {
    default: '0',
    doc: 'On SIGTERM, how long to keep serving (readiness 503) before closing, so a load balancer can drain.',
  },
  JOBS_ENABLED: { default: 'true', doc: 'Run the background-job worker in this process.' },
  JOBS_POLL_INTERVAL_MS: { default: '1000', doc: 'How often an idle worker looks for due jobs.' },
  SWEEP_INTERVAL_SECONDS: {
    default: '300',
    doc: 'How often the document sweeper removes orphaned blobs, expired uploads and purged documents (with JOBS_ENABLED).',
  },
  CONVERSATION_NOTIFY_DELAY_SECONDS: {
    default: '60',
    doc: 'How long after a new message participants who have not read it are mailed (messages in between share one mail).',
  },
  SEED_DEMO: { doc: 'Seed a demo firm into an empty database. Default true, false in production.' },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof settings;
