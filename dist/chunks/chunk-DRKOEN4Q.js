import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/report/distinct-digits.ts
function digitsToTellApart(values, format, fewest, most) {
  for (let digits = fewest; digits < most; digits++) {
    if (new Set(values.map((value) => format(value, digits))).size === values.length) return digits;
  }
  return most;
}

export {
  digitsToTellApart
};
