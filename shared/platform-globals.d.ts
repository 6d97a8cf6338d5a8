/**
 * shared/ runs in main (Node) and in the renderer (Chromium), so it may use only what both
 * provide. Its tsconfig has neither DOM nor node types; these are the few universal globals
 * it relies on, declared as narrowly as it uses them.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
  readonly origin: string;
  href: string;
  toString(): string;
}
