// Delimiter listings (ListObjectsV2 with a delimiter) as S3 answers them, for server.mjs.
//
// s3rver's delimiter listing walks only one folder level below the prefix, so a folder holding only folders (AWS's
// AWSLogs/{account}/ and every level down to the day) is missing from CommonPrefixes, where S3 lists it. The loader
// looks into a bucket level by level with delimiter listings, as it must on S3: take every key under the prefix and
// fold them into common prefixes as S3 does. Listings without a delimiter keep s3rver's own code.
//
// Keys come from the object files' names alone. Reading each key's metadata (a stat and two file reads, as s3rver's
// flat listing does) cost as much as the whole listing of a bucket, once per level; only the objects a page returns
// need it.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import S3Object from '@20minutes/s3rver/lib/models/object.js';

// s3rver keeps an object's bytes in "<last key segment>._S3rver_object" inside folders named as the key's segments.
const objectSuffix = '._S3rver_object';

export function installDelimiterListing(store) {
  const listObjects = store.listObjects.bind(store);
  store.listObjects = async (bucket, options) => {
    const { delimiter = '', prefix = '', startAfter = '', maxKeys = Infinity } = options;
    if (!delimiter) return listObjects(bucket, options);
    const keys = await keysUnder(store, bucket, prefix);
    const start = Buffer.from(startAfter);
    const after = (name) => Buffer.compare(Buffer.from(name), start) > 0 && !startAfter.startsWith(name);
    const candidates = [];
    const commonPrefixes = new Set();
    for (const key of sortByUtf8(keys)) {
      const rest = key.slice(prefix.length);
      const cut = rest.indexOf(delimiter);
      if (cut >= 0) {
        const folder = prefix + rest.slice(0, cut + delimiter.length);
        if (after(folder)) commonPrefixes.add(folder);
      } else if (after(key)) {
        candidates.push(key);
      }
    }
    // Continuation tokens carry the last object's key, so only objects count towards a page, and a truncated page holds
    // the folders before its last object; the next page starts after that key and holds the rest.
    const found = await firstObjects(store, bucket, candidates, maxKeys + 1);
    const isTruncated = found.length > maxKeys;
    const objects = found.slice(0, maxKeys);
    const last = isTruncated ? Buffer.from(objects[objects.length - 1].key) : null;
    const folders = [...commonPrefixes].filter((folder) => last === null || Buffer.compare(Buffer.from(folder), last) < 0);
    return { objects, commonPrefixes: folders, isTruncated };
  };
}

// Every key under the prefix, from the deepest folder the prefix names down.
async function keysUnder(store, bucket, prefix) {
  const bucketPath = store.getBucketPath(bucket);
  const top = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const keys = [];
  const walk = async (folder) => {
    let entries;
    try {
      entries = await readdir(join(bucketPath, store.constructor.encodeKeyPath(folder)), { withFileTypes: true });
    } catch (e) {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return;
      throw e;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        await walk(`${folder}${store.constructor.decodeKeyPath(entry.name)}/`);
      } else if (entry.name.endsWith(objectSuffix)) {
        const key = folder + store.constructor.decodeKeyPath(entry.name.slice(0, -objectSuffix.length));
        if (key.startsWith(prefix)) keys.push(key);
      }
    }
  };
  await walk(top);
  return keys;
}

// S3 lists keys in the order of their UTF-8 bytes, which JavaScript's string order (UTF-16 units) is not: compared as
// strings, a key above U+FFFF sorts before one in U+E000..U+FFFF, and a page would resume past it.
function sortByUtf8(keys) {
  return keys
    .map((key) => ({ key, bytes: Buffer.from(key) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ key }) => key);
}

// The first `count` of `keys` that still exist, as s3rver's objects with their metadata; a key deleted since the walk
// is skipped, as s3rver's own listing skips it.
async function firstObjects(store, bucket, keys, count) {
  const objects = [];
  let next = 0;
  while (objects.length < count && next < keys.length) {
    const batch = keys.slice(next, next + Math.min(count - objects.length, keys.length - next));
    next += batch.length;
    const read = await Promise.all(batch.map((key) => objectOf(store, bucket, key)));
    objects.push(...read.filter((object) => object !== undefined));
  }
  return objects;
}

async function objectOf(store, bucket, key) {
  try {
    return new S3Object(bucket, key, null, await store.getMetadata(bucket, key));
  } catch (e) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
}
