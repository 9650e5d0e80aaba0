import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config';
import { type Setting, settings } from './settings';

const errorFor = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ driver: 'pglite', dataDir: path.resolve('.data', 'db') });
    expect(config.storage).toEqual({ driver: 'disk', diskPath: path.resolve('.data', 'blobs') });
    expect(config.mail.transport).toBe('mailbox');
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.conversationNotifyDelaySeconds).toBe(60);
  });

  it('takes a conversation notification delay of zero (mail as soon as the worker runs)', () => {
    expect(loadConfig({ CONVERSATION_NOTIFY_DELAY_SECONDS: '0' }).conversationNotifyDelaySeconds).toBe(0);
  });

  it('uses PostgreSQL, S3 and SMTP when configured', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app:pw@db:5432/chambers',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'blobs',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: 'true',
      SMTP_URL: 'smtp://mail:1025',
    });
    expect(config.database).toEqual({
      driver: 'postgres',
      url: 'postgres://app:pw@db:5432/chambers',
      poolMax: 10,
    });
    expect(config.storage).toMatchObject({ driver: 's3', s3: { bucket: 'blobs', forcePathStyle: true } });
    expect(config.mail).toMatchObject({ transport: 'smtp', url: 'smtp://mail:1025' });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_BUCKET'],
    [{ PORT: '99999' }, 'PORT'],
    [{ PORT: '3o00' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ CONVERSATION_NOTIFY_DELAY_SECONDS: '-5' }, 'CONVERSATION_NOTIFY_DELAY_SECONDS'],
    [{ CONVERSATION_NOTIFY_DELAY_SECONDS: '86401' }, 'CONVERSATION_NOTIFY_DELAY_SECONDS'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ CORS_ORIGINS: 'https://ok.example,https://bad.example/path' }, 'CORS_ORIGINS'],
    [{ RATE_LIMIT_EXEMPT: '127.0.0.1,localhost' }, 'RATE_LIMIT_EXEMPT'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, 'SMTP_URL'],
    [{ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25' }, 'JWT_SECRET'],
  ])('refuses %o with one line naming %s', (env, name) => {
    const error = errorFor(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message.startsWith(`Invalid configuration: ${name} `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('never echoes a database password', () => {
    const error = errorFor({ DATABASE_URL: 'mysql://app:hunter2@db/x' });
    expect(error.message).not.toContain('hunter2');
  });

  it('turns the demo seed off in production unless asked for', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://m:25', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('is documented setting by setting in .env.example', () => {
    const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1], match[2]]);
    expect(listed.map(([name]) => name).sort()).toEqual(Object.keys(settings).sort());
    for (const [name, value] of listed) {
      const setting: Setting = settings[name as keyof typeof settings];
      expect(value, name).toBe(setting.default ?? '');
    }
  });
});
