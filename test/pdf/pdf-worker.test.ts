import { describe, expect, it } from 'vitest';
import { fixTextStateCopy, textStateFixed } from '../../src/pdf/pdf-worker.js';

const SLOW = 'const clone = Object.assign(Object.create(this), this);';
const source = (body: string) => `class EvalState {\n  clone() {\n    return Object.create(this);\n  }\n}\nclass TextState {\n  clone() {\n    ${body}\n    return clone;\n  }\n}\n`;

describe('pdf.js worker with the text-state copy fixed', () => {
  it('is the one loaded: the installed pdf.js has the line where the fix expects it', () => {
    // Fails after a pdf.js update that changed TextState.clone: look at the new code, then at the fix.
    expect(textStateFixed).toBe(true);
    expect(globalThis).toHaveProperty('pdfjsWorker.WorkerMessageHandler');
  });

  it("changes only TextState's copy, to inherit from the class, not from the copied state", () => {
    expect(fixTextStateCopy(source(SLOW))).toBe(source('const clone = Object.assign(Object.create(TextState.prototype), this);'));
  });

  it('leaves the source alone when the line is missing, repeated, or in another class', () => {
    expect(fixTextStateCopy(source('const clone = Object.create(this);'))).toBeNull();
    expect(fixTextStateCopy(source(`${SLOW}\n    ${SLOW}`))).toBeNull();
    expect(fixTextStateCopy(`class Other {\n  clone() {\n    ${SLOW}\n  }\n}\n`)).toBeNull();
  });
});
