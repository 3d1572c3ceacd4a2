import { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
// The worker half, in this thread: it registers itself as `globalThis.pdfjsWorker` (untyped).
import './pdf-worker.js';

interface WorkerHalf {
  WorkerMessageHandler: { initializeFromPort(port: SameThreadPort): void };
}

type Listener = (this: SameThreadPort, event: { data: unknown }) => void;

/**
 * pdf.js's two halves in this thread, joined without copying. pdf.js's own "fake worker" port
 * structured-clones every message between them, though both live in the same thread: on text-layer
 * PDFs that copy (operator lists, text items) was a tenth of all extraction time. Here a message is
 * handed over as it is, except what the sending half changes after sending: a stream chunk's arrays
 * (`OperatorList.flush` empties `fnArray` and `argsArray` once sent; the text stream replaces its
 * `items`), which are copied one level deep. Delivery stays asynchronous, as between threads.
 */
export class SameThreadPort {
  readonly #listeners = new Set<Listener>();
  /** Always resolved: each message is delivered in a microtask of its own, in the order sent (as pdf.js's port does). */
  readonly #deferred = Promise.resolve();

  postMessage(message: unknown): void {
    const event = { data: handOver(message) };
    void this.#deferred.then(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: 'message', listener: Listener, options?: { signal?: AbortSignal }): void {
    if (options?.signal?.aborted) return;
    this.#listeners.add(listener);
    options?.signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

/** A message as the other half may keep it: a stream chunk's own arrays copied, the rest as sent. */
function handOver(message: unknown): unknown {
  if (message === null || typeof message !== 'object' || !('chunk' in message)) return message;
  const { chunk } = message as { chunk: unknown };
  return { ...message, chunk: copyArrays(chunk) };
}

function copyArrays(chunk: unknown): unknown {
  if (Array.isArray(chunk)) return chunk.slice();
  if (chunk === null || typeof chunk !== 'object' || ArrayBuffer.isView(chunk)) return chunk;
  const copy: Record<string, unknown> = { ...(chunk as Record<string, unknown>) };
  for (const key of Object.keys(copy)) if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).slice();
  return copy;
}

/** A pdf.js worker for one document, in this thread, on a `SameThreadPort`; destroy it with the document. */
export function sameThreadWorker(): { worker: PDFWorker; close: () => void } {
  const port = new SameThreadPort();
  (globalThis as unknown as { pdfjsWorker: WorkerHalf }).pdfjsWorker.WorkerMessageHandler.initializeFromPort(port);
  const worker = new PDFWorker({ port: port as never });
  return {
    worker,
    close: () => {
      worker.destroy();
      port.terminate();
    },
  };
}
