/**
 * How many significant digits number labels need to stay apart: as few as reads well, as many as
 * tell a narrow band far from 0 apart (bins 1000.01 … 1000.09 are not all "1000").
 */

/**
 * The fewest significant digits, from `fewest` up to `most`, at which `format` gives each of
 * `values` a label of its own; `most` when none does.
 */
export function digitsToTellApart(values: readonly number[], format: (value: number, digits: number) => string, fewest: number, most: number): number {
  for (let digits = fewest; digits < most; digits++) {
    if (new Set(values.map((value) => format(value, digits))).size === values.length) return digits;
  }
  return most;
}
