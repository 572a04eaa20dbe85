/**
 * A series that keeps at most `capacity` points however long the run: when full, every other
 * point is dropped and from then on only every 2nd (4th, 8th, …) new point is kept, so the
 * kept points stay evenly spread over the whole run. The latest point is always kept.
 */
export class BoundedSeries<T> {
  private kept: T[] = [];
  private stride = 1;
  private seen = 0;
  private latest: T | undefined;

  constructor(private readonly capacity = 1000) {
    if (capacity < 2) throw new Error('BoundedSeries capacity must be at least 2');
  }

  push(point: T): void {
    if (this.seen % this.stride === 0) {
      this.kept.push(point);
      if (this.kept.length >= this.capacity) {
        this.kept = this.kept.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
    this.seen++;
    this.latest = point;
  }

  /** How many points were pushed (kept or not). */
  get count(): number {
    return this.seen;
  }

  get last(): T | undefined {
    return this.latest;
  }

  points(): T[] {
    const { latest } = this;
    return latest !== undefined && this.kept[this.kept.length - 1] !== latest ? [...this.kept, latest] : [...this.kept];
  }
}

/** At most `max` items, evenly spread, first and last included. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.length ? [items[items.length - 1]!] : [];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]!);
  return out;
}
