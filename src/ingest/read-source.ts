import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { JixiaoError } from '../errors.js';
import { detectKind, type InputKind } from './detect-kind.js';

/** The ingest stage's output: the bytes of one input and what they are. */
export interface Source {
  /** The file name as given on output (`source.file`). */
  file: string;
  sha256: string;
  kind: InputKind;
  bytes: Uint8Array;
}

/** Inputs above this size are refused before being read into memory. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export function sourceFromBytes(bytes: Uint8Array, file: string): Source {
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), kind: detectKind(bytes), bytes };
}

export async function readSource(path: string): Promise<Source> {
  const file = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new JixiaoError('READ_FAILED', `${path} is not a regular file`, { file, stage: 'ingest' });
    size = info.size;
  } catch (err) {
    if (err instanceof JixiaoError) throw err;
    throw new JixiaoError('READ_FAILED', `cannot read ${path}: ${(err as Error).message}`, { file, stage: 'ingest' }, { cause: err });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new JixiaoError('INPUT_TOO_LARGE', `${path} is ${size} bytes; the limit is ${MAX_INPUT_BYTES}`, { file, stage: 'ingest' });
  }
  const bytes = new Uint8Array(await readFile(path));
  return sourceFromBytes(bytes, file);
}
