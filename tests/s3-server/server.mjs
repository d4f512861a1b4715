// A local S3 server for tests: s3rver on 127.0.0.1, its objects as files under --directory.
//
//   node --openssl-legacy-provider server.mjs --port 0 --directory /tmp/s3 [--bucket name]...
//
// Prints "s3rver listening on 127.0.0.1:PORT" once it accepts requests (with --port 0 the OS picks the port, and
// the line says which). Exits when stdin reaches end of file: the test process holds the other end of the pipe, so
// when it dies, however it dies, the server goes with it instead of keeping the port.
import { createCipheriv } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import S3rver from '@20minutes/s3rver';
import { installDelimiterListing } from './delimiter-listing.mjs';
import { installSyncBucketLookups } from './bucket-lookups.mjs';
import { installLargeObjectReads } from './object-reads.mjs';
import { installSyncMetadata } from './object-metadata.mjs';

const usage = 'usage: node --openssl-legacy-provider server.mjs --port N --directory PATH [--bucket NAME]...';

// s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.
// Without it every truncated listing is a 500 InternalError, so refuse to start rather than fail only on page 2.
try {
  createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
} catch {
  console.error(`DES is not available: run node with --openssl-legacy-provider (or NODE_OPTIONS=--openssl-legacy-provider).\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      directory: { type: 'string' },
      bucket: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  }));
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}

const port = Number(values.port);
if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535 || !values.directory) {
  console.error(usage);
  process.exit(2);
}
mkdirSync(values.directory, { recursive: true });

const server = new S3rver({
  address: '127.0.0.1',
  port,
  directory: values.directory,
  silent: true,
  // s3rver rebuilds the canonical request of most AWS SDK v4 requests (listings, puts) differently from the SDK, so
  // their signatures never match. The access key is still checked: only S3RVER is known.
  allowMismatchedSignatures: true,
  // Existing buckets are kept (a restart reuses the directory); s3rver only warns, and silent hides that.
  configureBuckets: values.bucket.map((name) => ({ name })),
});

installSyncMetadata(server.store);
installSyncBucketLookups(server.store);
installLargeObjectReads(server.store);
installDelimiterListing(server.store);

// s3rver logs every request through koa-logger into a silenced Winston logger: a line is colored, formatted and thrown
// away, for nothing, on the cores the code under test runs on. Its own logger (app.logger) stays for its errors.
const requestLogger = server.middleware.findIndex((m) => m.name === 'logger');
if (requestLogger < 0) throw new Error("s3rver's request logger (koa-logger) is not where server.mjs expects it");
server.middleware.splice(requestLogger, 1);

// S3 decodes a CopyObject's x-amz-copy-source fully; s3rver uses decodeURI, which keeps %2F and %3D encoded, so a
// copy of a key with '/' or '=' names a bucket that does not exist. Hand it a value that decodeURI turns into the
// fully decoded source.
server.middleware.unshift(async (ctx, next) => {
  const source = ctx.headers['x-amz-copy-source'];
  if (source) ctx.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(source));
  await next();
});

// Registered before run(): stdin may already be closed, and the server must not outlive its parent in any case.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

try {
  const address = await server.run();
  process.stdout.write(`s3rver listening on ${address.address}:${address.port}\n`);
} catch (e) {
  console.error(`s3rver did not start: ${e.stack ?? e}`);
  process.exit(1);
}
