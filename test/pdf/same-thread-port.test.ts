import { describe, expect, it } from 'vitest';
import { SameThreadPort } from '../../src/pdf/same-thread-port.js';

const received = (port: SameThreadPort, options?: { signal?: AbortSignal }) => {
  const messages: unknown[] = [];
  port.addEventListener('message', ({ data }) => messages.push(data), options);
  return messages;
};
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SameThreadPort (pdf.js halves in one thread, no structured clone)', () => {
  it('hands a message over as it is, after the sender goes on (asynchronously, in order)', async () => {
    const port = new SameThreadPort();
    const messages = received(port);
    const first = { action: 'GetPage', data: { pageIndex: 0 } };
    port.postMessage(first);
    port.postMessage({ action: 'GetPage', data: { pageIndex: 1 } });
    expect(messages).toEqual([]);
    await delivered();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(first);
    expect((messages[1] as { data: { pageIndex: number } }).data.pageIndex).toBe(1);
  });

  it("copies a stream chunk's arrays: the sender empties them once sent (OperatorList.flush)", async () => {
    const port = new SameThreadPort();
    const messages = received(port);
    const args = [[1, 2, 3]];
    const chunk = { fnArray: [91, 92], argsArray: args, lastChunk: false, length: 2 };
    port.postMessage({ stream: 4, streamId: 1, chunk });
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    await delivered();
    const got = (messages[0] as { chunk: typeof chunk }).chunk;
    expect(got.fnArray).toEqual([91, 92]);
    expect(got.argsArray).toEqual([[1, 2, 3]]);
    expect(got.length).toBe(2);
  });

  it('a listener that throws does not stop later messages from being delivered', async () => {
    const port = new SameThreadPort();
    const messages = received(port);
    port.addEventListener('message', ({ data }) => {
      if ((data as { action: string }).action === 'bad') throw new Error('listener failed');
    });
    const quiet = (reason: unknown) => void reason;
    process.on('unhandledRejection', quiet);
    try {
      port.postMessage({ action: 'bad' });
      port.postMessage({ action: 'good' });
      await delivered();
    } finally {
      process.off('unhandledRejection', quiet);
    }
    expect(messages.map((m) => (m as { action: string }).action)).toEqual(['bad', 'good']);
  });

  it('a listener removed by its abort signal hears nothing more, and terminate removes them all', async () => {
    const port = new SameThreadPort();
    const controller = new AbortController();
    const aborted = received(port, { signal: controller.signal });
    const kept = received(port);
    controller.abort();
    port.postMessage({ action: 'test' });
    await delivered();
    expect(aborted).toEqual([]);
    expect(kept).toHaveLength(1);
    port.terminate();
    port.postMessage({ action: 'test' });
    await delivered();
    expect(kept).toHaveLength(1);
  });
});
