/**
 * The few Web-platform APIs `shared/` may use, declared for the portable
 * type-check (tsconfig.shared.json: no DOM, no Node types). Node and browsers
 * both have them; anything else `shared/` reaches for fails that check.
 */
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
interface SubtleCrypto {
  digest(algorithm: 'SHA-256' | 'SHA-1' | 'SHA-384' | 'SHA-512', data: Uint8Array): Promise<ArrayBuffer>;
}
declare var crypto: { readonly subtle: SubtleCrypto; getRandomValues<T extends Uint8Array>(array: T): T };
