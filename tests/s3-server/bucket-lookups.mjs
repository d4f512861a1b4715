// The bucket lookups s3rver makes for every request, answered with synchronous file calls, for server.mjs.
//
// Before it serves a request s3rver looks up the bucket (a stat) and the bucket's CORS and website configurations (a
// whole-file read each, which fails for a bucket without them, as ours are). Through promise-based calls that is three
// trips through libuv's thread pool and two errors built and thrown per request: about 0.1 ms of the server's CPU,
// against 9 us answered here (the three lookups, 5,000 times each way). A configuration that exists is still read
// and parsed by s3rver; only a missing one is answered here.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const S3Bucket = createRequire(import.meta.url)('@20minutes/s3rver/lib/models/bucket');

export function installSyncBucketLookups(store) {
  const getSubresource = store.getSubresource.bind(store);
  store.getSubresource = async (bucket, key, type) =>
    existsSync(store.getResourcePath(bucket, key, `${type}.xml`)) ? getSubresource(bucket, key, type) : null;

  // As s3rver's: null when the bucket's folder is missing or not a folder; any other error is thrown.
  store.getBucket = async (bucket) => {
    const stat = statSync(store.getBucketPath(bucket), { throwIfNoEntry: false });
    return stat?.isDirectory() ? new S3Bucket(bucket, stat.birthtime) : null;
  };
}
