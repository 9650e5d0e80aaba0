import type { BlobStore, StorageConfig } from './blob-store';
import { DiskBlobStore } from './disk-blob-store';
import { S3BlobStore } from './s3-blob-store';

export function createBlobStore(config: StorageConfig): BlobStore {
  switch (config.driver) {
    case 'disk':
      return new DiskBlobStore(config.diskPath);
    case 's3':
      return new S3BlobStore(config.s3);
  }
}
