import type { S3rverInstance } from '../support/s3rver';

/** The settings that point a test app's blob store at a running s3rver. */
export function s3Env(s3rver: S3rverInstance): Record<string, string> {
  return {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: s3rver.endpoint,
    S3_BUCKET: s3rver.bucket,
    S3_REGION: s3rver.config.region,
    S3_ACCESS_KEY_ID: s3rver.config.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3rver.config.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
