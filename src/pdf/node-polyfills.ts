/**
 * pdf.js 6 uses two APIs that Node 20 lacks; its legacy build otherwise runs there. These are
 * installed once, before pdf.js is loaded, and only when missing. So is a native-speed
 * `Uint8Array.prototype.toBase64` (the legacy build's own, from core-js, builds the string one
 * character at a time: slow on a whole embedded font).
 */
import { Buffer } from 'node:buffer';

declare global {
  interface ArrayBuffer {
    transferToFixedLength(length?: number): ArrayBuffer;
  }
}

/** Captured before pdf.js loads: its legacy build replaces `Array.prototype.push` on Node 20 (see `restoreNativeArrayPush`). */
const nativeArrayPush = Array.prototype.push;

/**
 * The legacy build of pdf.js (core-js) replaces `Array.prototype.push`, for everyone, on V8 ≤ 12.1
 * (Node 20), with a JavaScript version that differs only in the error thrown when pushing onto an
 * array whose length is frozen; it makes every push several times slower. Called once pdf.js and its
 * worker are loaded; a no-op when push was not replaced (or was already replaced before this module
 * was loaded).
 */
export function restoreNativeArrayPush(): void {
  if (Array.prototype.push !== nativeArrayPush) {
    Object.defineProperty(Array.prototype, 'push', { configurable: true, writable: true, enumerable: false, value: nativeArrayPush });
  }
}

if (typeof ArrayBuffer.prototype.transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

const PromiseWithResolvers = Promise as unknown as { withResolvers?: unknown };
if (typeof PromiseWithResolvers.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

interface ToBase64Options {
  alphabet?: unknown;
  omitPadding?: unknown;
}
const Uint8ArrayProto = Uint8Array.prototype as Uint8Array & { toBase64?: unknown };
if (typeof Uint8ArrayProto.toBase64 !== 'function') {
  const isDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    configurable: true,
    writable: true,
    value: function toBase64(this: Uint8Array, options?: ToBase64Options): string {
      if (!(this instanceof Uint8Array)) throw new TypeError('Uint8Array.prototype.toBase64 called on a non-Uint8Array');
      if (options !== undefined && (options === null || (typeof options !== 'object' && typeof options !== 'function'))) {
        throw new TypeError('toBase64: options must be an object');
      }
      const alphabet = options?.alphabet ?? 'base64';
      if (alphabet !== 'base64' && alphabet !== 'base64url') throw new TypeError('toBase64: alphabet must be "base64" or "base64url"');
      const omitPadding = Boolean(options?.omitPadding);
      if (isDetached?.call(this.buffer)) throw new TypeError('toBase64: the buffer is detached');
      const text = Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString(alphabet);
      // Node pads base64 and never pads base64url.
      if (alphabet === 'base64') return omitPadding ? text.replace(/=+$/, '') : text;
      return omitPadding || text.length % 4 === 0 ? text : text + '='.repeat(4 - (text.length % 4));
    },
  });
}
