import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { env } from "@/lib/config/env";

/** How a download is answered by the store: the headers the browser must get with the bytes. */
export interface DownloadHeaders {
  contentType: string;
  contentDisposition: string;
}

/**
 * Where attachments' bytes live. Keys are random (see newStorageKey) and never enough to read a
 * file: Baton authorizes every download first, then streams the bytes itself (disk) or answers
 * a short-lived signed URL (object storage).
 */
export interface FileStorage {
  readonly kind: "disk" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null if the key holds nothing. */
  read(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
  /** A signed URL valid for a short while that answers the file with these headers; null when Baton serves the bytes itself. */
  signedUrl(key: string, headers: DownloadHeaders): Promise<string | null>;
}

const KEY_PATTERN = /^[a-z]+\/[0-9a-f-]{36}$/;

/** A fresh, unguessable key: "files/<uuid>" for a file, "thumbs/<uuid>" for its thumbnail. */
export function newStorageKey(kind: "files" | "thumbs"): string {
  return `${kind}/${crypto.randomUUID()}`;
}

function checkedKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}

/** Files on this machine's disk, one file per key under `dir`. */
export function diskStorage(dir: string): FileStorage {
  const fileOf = (key: string) => path.join(dir, ...checkedKey(key).split("/"));
  return {
    kind: "disk",
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
    },
    async read(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
    async signedUrl() {
      return null;
    },
  };
}

export interface S3Options {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Lifetime of a download's signed URL. */
  urlTtlSeconds: number;
}

/** An S3-compatible bucket through the AWS SDK v3; downloads are presigned GETs that carry the response headers. */
export function s3Storage(options: S3Options): FileStorage {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.accessKeyId && options.secretAccessKey ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } } : {}),
    // Checksums only where S3 demands them: many S3-compatible services reject the SDK's newer default trailers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkedKey(key), Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async read(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
        return answer.Body ? await answer.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkedKey(key) }));
    },
    async signedUrl(key, headers) {
      const command = new GetObjectCommand({
        Bucket,
        Key: checkedKey(key),
        ResponseContentType: headers.contentType,
        ResponseContentDisposition: headers.contentDisposition,
        ResponseCacheControl: "private, no-store",
      });
      return getSignedUrl(client, command, { expiresIn: options.urlTtlSeconds });
    },
  };
}

let chosen: FileStorage | undefined;

/** The store chosen once from the environment: the bucket when S3_BUCKET is set, else the disk. */
export function fileStorage(): FileStorage {
  if (chosen) return chosen;
  const e = env();
  chosen = e.S3_BUCKET
    ? s3Storage({
        bucket: e.S3_BUCKET,
        region: e.S3_REGION ?? "us-east-1",
        endpoint: e.S3_ENDPOINT,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        urlTtlSeconds: e.S3_URL_TTL_SECONDS,
      })
    : diskStorage(path.resolve(/*turbopackIgnore: true*/ e.ATTACHMENTS_DIR ?? path.join(process.cwd(), ".data", "attachments")));
  return chosen;
}

/** Tests put a store of their own in place (undefined: choose from the environment again). */
export function setFileStorage(storage: FileStorage | undefined): void {
  chosen = storage;
}
