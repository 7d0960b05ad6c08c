import type { IncomingMessage, ServerResponse } from "node:http";

export declare const GZIP_LEVEL: number;
export declare const BROTLI_QUALITY: number;
export declare function compressResponses(): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
