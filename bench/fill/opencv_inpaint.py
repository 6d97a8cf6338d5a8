"""OpenCV's inpainting (Telea and Navier-Stokes) for the fill benchmark.

Reads a JSON list of jobs on stdin: {"image": png, "mask": png, "out": prefix, "repeat": n}.
Writes <out>_telea.png and <out>_ns.png and prints JSON with the median seconds per method
(the cv2.inpaint call only; decoding and encoding excluded). Radius 5, like ours.
"""
import json
import sys
import time

import cv2

def timed(fn, repeat):
    times = []
    result = None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return result, times[len(times) // 2]

def main():
    jobs = json.load(sys.stdin)
    report = []
    for job in jobs:
        image = cv2.imread(job["image"], cv2.IMREAD_COLOR)
        mask = cv2.imread(job["mask"], cv2.IMREAD_GRAYSCALE)
        entry = {"out": job["out"]}
        for name, flag in (("telea", cv2.INPAINT_TELEA), ("ns", cv2.INPAINT_NS)):
            result, seconds = timed(lambda: cv2.inpaint(image, mask, 5, flag), job.get("repeat", 1))
            cv2.imwrite(job["out"] + "_" + name + ".png", result)
            entry[name] = seconds
        report.append(entry)
    json.dump(report, sys.stdout)

if __name__ == "__main__":
    main()
