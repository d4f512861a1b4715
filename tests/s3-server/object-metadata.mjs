// An object's metadata (ETag, size, last modified, stored headers) read with synchronous file calls, for server.mjs.
//
// s3rver reads it with promise-based calls (a stat and two whole-file reads), each several round trips through
// libuv's thread pool. A listing needs it for every object on its page, and runs while the client under test waits, on
// the same two cores: 576 objects took 0.17-0.19 CPU-s and 0.14-0.16 s; read synchronously, 0.05-0.09 CPU-s and
// 0.06-0.08 s, the same bytes answered. The object built is s3rver's own; an object without an MD5 file (s3rver hashes
// its bytes and stores the hash) is left to s3rver.
import { readFileSync, statSync } from 'node:fs';

export function installSyncMetadata(store) {
  const getMetadata = store.getMetadata.bind(store);
  store.getMetadata = async (bucket, key) => {
    const objectPath = store.getResourcePath(bucket, key, 'object');
    // A missing object throws ENOENT here, as in s3rver: its callers skip or report the key on that code.
    const stat = statSync(objectPath);
    const md5 = readIfPresent(`${objectPath}.md5`);
    if (md5 === undefined) return getMetadata(bucket, key);
    const stored = readIfPresent(store.getResourcePath(bucket, key, 'metadata.json'));
    return {
      ...(stored === undefined ? {} : JSON.parse(stored)),
      etag: JSON.stringify(md5),
      'last-modified': stat.mtime.toUTCString(),
      'content-length': stat.size,
    };
  };
}

function readIfPresent(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
}
