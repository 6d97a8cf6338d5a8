import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Money } from '../../shared/gateway/money.ts';

/**
 * The JSONL file `describe --out` appends to: one line per finished file, written whole as it
 * finishes, so after a crash or Ctrl+C the files already described (paid for) are known and a
 * rerun skips them. Lines with an error are not "done": a rerun tries those again.
 */

export interface DescribeLine {
  path: string;
  text?: string;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** The stream reported no usage: tokens counted by Infill. */
  estimated?: boolean;
  /** In the currency of the gateway's price sheet. */
  cost?: Money;
  /** Set (with the text so far) when the stream broke part way. */
  incomplete?: boolean;
  error?: { code: string; message: string };
}

/** Paths (resolved) that already have a complete answer in the file; a torn last line is ignored. */
export async function describedPaths(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
  const done = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as DescribeLine;
      if (typeof entry.path === 'string' && typeof entry.text === 'string' && !entry.error && !entry.incomplete) done.add(resolve(entry.path));
    } catch {
      // A line torn by a crash mid-write: that file is described again.
    }
  }
  return done;
}

export function createDescribeLog(file: string): (line: DescribeLine) => Promise<void> {
  let queue = Promise.resolve();
  return (line) => {
    // One append per line, in order, never interleaved.
    queue = queue.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(line)}\n`);
    });
    return queue;
  };
}
