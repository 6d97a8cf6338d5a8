/** Runs OpenCV's Telea and NS inpainting (opencv_inpaint.py) on PNG files, in one python process. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface OpenCvJob {
  image: string;
  mask: string;
  /** Output prefix: writes `${out}_telea.png` and `${out}_ns.png`. */
  out: string;
  repeat?: number;
}

export interface OpenCvTiming {
  out: string;
  telea: number;
  ns: number;
}

const SCRIPT = fileURLToPath(new URL('./opencv_inpaint.py', import.meta.url));

/** A python3 that can import cv2: Debian's python3-opencv lives under /usr/bin/python3. */
export function findOpenCvPython(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    try {
      execFileSync(candidate, ['-c', 'import cv2'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('bench: no python3 with cv2 found (apt-get install python3-opencv)');
}

export function runOpenCv(python: string, jobs: OpenCvJob[]): OpenCvTiming[] {
  const stdout = execFileSync(python, [SCRIPT], { input: JSON.stringify(jobs), maxBuffer: 1 << 24 });
  return JSON.parse(stdout.toString()) as OpenCvTiming[];
}
