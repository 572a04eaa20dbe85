/**
 * A prepared metric's data as plain typed arrays and JSON values (a "plan"), so that a worker
 * thread can rebuild the same PreparedMetrics from memory it shares with the main thread
 * (SharedArrayBuffer) instead of preparing (sorting) again or copying per resample.
 */

export type PlanArray = Uint8Array | Int32Array | Uint32Array | Float64Array;

export interface MetricsPlan {
  /** Which builder rebuilds it (see plan-registry.ts). */
  kind: string;
  rows: number;
  names: string[];
  arrays: Record<string, PlanArray>;
  /** Anything else the builder needs, structured-clone safe. */
  values: Record<string, number | string | number[] | string[]>;
}

const shared = new WeakMap<PlanArray, PlanArray>();

/** The plan with every array in a SharedArrayBuffer (copied once; arrays already shared are kept). */
export function sharedPlan(plan: MetricsPlan): MetricsPlan {
  const arrays: Record<string, PlanArray> = {};
  for (const [key, array] of Object.entries(plan.arrays)) arrays[key] = toShared(array);
  return { ...plan, arrays };
}

function toShared<T extends PlanArray>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const known = shared.get(array);
  if (known) return known as T;
  const Type = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Type(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  shared.set(array, copy);
  return copy;
}

/** The named array of a plan, or a clear error naming what is missing (a plan from elsewhere). */
export function planArray<T extends PlanArray>(plan: MetricsPlan, key: string, type: new (...args: never[]) => T): T {
  const array = plan.arrays[key];
  if (!(array instanceof type)) throw new TypeError(`metrics plan "${plan.kind}": array "${key}" is missing or not a ${type.name}`);
  return array;
}
