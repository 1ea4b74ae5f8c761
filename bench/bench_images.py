"""Image throughput: listlint's measurements against the floor of decoding alone.

Draws N photo-like 1000x1000 JPEGs (a product of a named colour, with texture and shading, on a
light backdrop) for a catalog of N listings that name that colour, then times, best of --repeat
rounds (1-3 take turns in each round):

1. the floor: Pillow opening and decoding each file at the reduced size listlint uses (JPEG
   draft), nothing else, in one process;
2. listlint's ImageMeasurer with 1 worker and no cache (read, hash, decode, every measurement),
   by the wall clock and by this process's CPU time (steadier on a shared machine);
3. the same with 2 workers;
4. `listlint check --select LL5` on a catalog of those images, cold (empty cache) and warm
   (second run, same catalog).

    python bench/bench_images.py 400
    python bench/bench_images.py 400 --size 2000 --keep
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from listlint.images.decode import WORKING_SIDE, WORKING_TOLERANCE
from listlint.images.options import ImageOptions
from listlint.images.pipeline import ImageMeasurer

# Product colours, as a listing's colour attribute names them.
PALETTE = {
    "Red": (190, 35, 45),
    "Navy": (30, 40, 90),
    "Green": (40, 130, 60),
    "Black": (25, 25, 28),
    "Beige": (215, 195, 160),
    "Blue": (40, 90, 190),
    "Pink": (230, 140, 170),
    "Gray": (130, 130, 135),
    "Brown": (110, 70, 40),
    "Yellow": (230, 200, 40),
}


def draw_photo(rng: random.Random, side: int, name: str) -> bytes:
    backdrop = tuple(rng.randint(235, 255) for _ in range(3))
    image = Image.new("RGB", (side, side), backdrop)
    draw = ImageDraw.Draw(image)
    colour = tuple(max(0, min(255, c + rng.randint(-12, 12))) for c in PALETTE[name])
    left, top = rng.randint(side // 10, side // 4), rng.randint(side // 10, side // 4)
    right, bottom = (
        side - rng.randint(side // 10, side // 4),
        side - rng.randint(side // 20, side // 6),
    )
    draw.rounded_rectangle((left, top, right, bottom), radius=side // 12, fill=colour)
    for _ in range(40):  # seams, print and folds: edges at every scale
        x, y = rng.randint(left, right), rng.randint(top, bottom)
        shade = tuple(max(0, min(255, c + rng.randint(-60, 60))) for c in colour)
        draw.line(
            (x, y, x + rng.randint(-200, 200), y + rng.randint(-200, 200)), fill=shade, width=3
        )
    texture = Image.effect_noise((side, side), 18).convert("RGB")
    image = Image.blend(image, texture, 0.08).filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def floor(paths: list[Path]) -> None:
    for path in paths:
        with Image.open(path) as image:
            scale = WORKING_SIDE * (1 - WORKING_TOLERANCE) / max(image.size)
            image.draft("RGB", (int(image.width * scale), int(image.height * scale)))
            image.load()


def best_of(
    actions: dict[str, Callable[[], object]],
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    """The best time of each action over ``repeat`` rounds, the actions taking turns in each:
    when the machine's speed drifts during a run (a shared machine's does), it moves them all
    alike instead of the one that happened to be timed at the time."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = clock()
            action()
            times[name].append(clock() - start)
    return {name: min(runs) for name, runs in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=400, help="photos (default 400)")
    parser.add_argument("--size", type=int, default=1000, help="side in px (default 1000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the folder and print it")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="listlint-images-"))
    rng = random.Random(0)
    paths, records = [], []
    for number in range(args.n):
        path = folder / f"photo-{number}.jpg"
        colour = rng.choice(sorted(PALETTE))
        path.write_bytes(draw_photo(rng, args.size, colour))
        paths.append(path)
        # As a shop lists it: the colour in the title and the attributes, which
        # image-color-mismatch reads and compares with the photo.
        records.append(
            {
                "id": f"P{number}",
                "title": f"Classic {colour} Jacket",
                "attributes": {"color": colour},
                "images": [path.name],
            }
        )
    catalog = folder / "catalog.jsonl"
    catalog.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    keys = [(str(catalog), path.name) for path in paths]
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{args.n} JPEGs of {args.size}x{args.size} px ({megabytes:.1f} MB) in {folder}")

    def pipeline(jobs: int) -> Callable[[], object]:
        def run() -> object:
            measurer = ImageMeasurer(ImageOptions(jobs=jobs, cache_dir=None))
            try:
                return measurer.measure(keys)
            finally:
                measurer.close()

        return run

    walls = best_of(
        {"floor": lambda: floor(paths), "one": pipeline(1), "two": pipeline(2)}, args.repeat
    )
    floor_s, one, two = walls["floor"], walls["one"], walls["two"]
    # On a shared machine the wall clock counts other processes' time too; the CPU time of this
    # process (the floor and 1 worker run in it) does not.
    cpus = best_of(
        {"floor": lambda: floor(paths), "one": pipeline(1)}, args.repeat, time.process_time
    )
    floor_cpu, one_cpu = cpus["floor"], cpus["one"]
    print(f"floor (decode at reduced size only): {args.n / floor_s:8.1f} images/s")
    print(f"listlint, 1 worker:  {args.n / one:8.1f} images/s ({one / floor_s:.2f}x the floor)")
    print(
        f"  CPU time per image: floor {floor_cpu / args.n * 1000:.2f} ms, listlint "
        f"{one_cpu / args.n * 1000:.2f} ms ({one_cpu / floor_cpu:.2f}x the floor)"
    )
    print(f"listlint, 2 workers: {args.n / two:8.1f} images/s ({one / two:.2f}x 1 worker)")

    command = [sys.executable, "-m", "listlint", "check", str(catalog), "--select", "LL5"]
    command += ["--format", "json", "-o", str(folder / "run.json")]
    cache = folder / ".listlint_cache"

    def lint() -> tuple[float, float]:
        """Wall time, and CPU time of listlint and its workers."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=folder, check=False, capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    cold_runs, warm_runs = [], []
    for _ in range(args.repeat):
        subprocess.run(["rm", "-rf", str(cache)], check=True)
        cold_runs.append(lint())
        warm_runs.append(lint())
    cold, warm = min(run[0] for run in cold_runs), min(run[0] for run in warm_runs)
    cold_cpu, warm_cpu = min(run[1] for run in cold_runs), min(run[1] for run in warm_runs)
    print(f"listlint check, cold cache:          {cold:8.2f} s ({cold_cpu:.2f} s CPU)")
    print(
        f"listlint check, warm cache:          {warm:8.2f} s ({warm_cpu:.2f} s CPU): "
        f"{warm / cold:.1%} of cold ({warm_cpu / cold_cpu:.1%} by CPU)"
    )
    if not args.keep:
        subprocess.run(["rm", "-rf", str(folder)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
