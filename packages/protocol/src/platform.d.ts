// Web Crypto's random source is a global in browsers and in Node 20; this package compiles with
// neither DOM nor Node types, so it declares the one function it uses.
declare global {
  const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
}

export {};
