// Object bodies read from their files 1 MiB at a time, for server.mjs.
//
// s3rver streams an object's file with Node's default 64 KiB reads, and every piece is a new buffer, a trip through
// libuv's thread pool and a pass through Node's streams and http. This is s3rver's getObject (stores/filesystem.js)
// with only the read size changed: the same range handling, quirks included, and the same objects returned.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

const S3Object = createRequire(import.meta.url)('@20minutes/s3rver/lib/models/object');

const ReadBytes = 1 << 20;

export function installLargeObjectReads(store) {
  store.getObject = async (bucket, key, options) => {
    try {
      const metadata = await store.getMetadata(bucket, key);
      const lastByte = Math.max(0, Number(metadata['content-length']) - 1);
      // s3rver's reading of a Range, kept as it is: an end of 0 counts as no end.
      const range = {
        start: options?.start || 0,
        end: Math.min(options?.end || Infinity, lastByte),
      };
      const ranged = Boolean(options) && (options.start !== undefined || Boolean(options.end));

      if (range.start < 0 || range.end < range.start) {
        // Not satisfiable: s3rver's caller answers InvalidRange for an object with a range and no content.
        const object = new S3Object(bucket, key, null, metadata);
        if (ranged) object.range = range;
        return object;
      }

      const content = await new Promise((resolve, reject) => {
        const stream = createReadStream(store.getResourcePath(bucket, key, 'object'), { ...range, highWaterMark: ReadBytes })
          .on('error', reject)
          .on('open', () => resolve(stream));
      });
      const object = new S3Object(bucket, key, content, metadata);
      if (ranged) object.range = range;
      return object;
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  };
}
