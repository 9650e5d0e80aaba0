import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3BlobStore } from '../../src/storage/s3-blob-store';
import { startS3rver } from '../support/s3rver';
import { describeBlobStoreContract } from './blob-store-contract';

describeBlobStoreContract('s3 (s3rver over HTTP)', async () => {
  const s3rver = await startS3rver();
  const store = new S3BlobStore(s3rver.config);
  // An independent client, so the listing does not depend on the code under test.
  const inspector = new S3Client({
    endpoint: s3rver.endpoint,
    region: s3rver.config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3rver.config.accessKeyId, secretAccessKey: s3rver.config.secretAccessKey },
  });
  return {
    store,
    presigns: true,
    async listStored() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await inspector.send(
          new ListObjectsV2Command({ Bucket: s3rver.bucket, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    async unusableStore() {
      return new S3BlobStore({ ...s3rver.config, bucket: 'no-such-bucket' });
    },
    async cleanup() {
      await store.close();
      inspector.destroy();
      await s3rver.stop();
    },
  };
});
