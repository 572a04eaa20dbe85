/** Parses `--name value`, `--name=value` and bare `--flag` (= "true") into a map; the rest are positionals. */
export interface ParsedArgs {
  flags: Record<string, string>;
  positionals: string[];
  /** Every value of each flag, in order, for flags that may repeat (`--model a --model b`). */
  all?: Record<string, string[]>;
  /** Flags given without a value (`--flag` last, or followed by another `--flag`): read as "true". */
  bare?: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags: Record<string, string> = {};
  const positionals: string[] = [];
  const all: Record<string, string[]> = {};
  const bare: string[] = [];
  const set = (name: string, value: string) => {
    flags[name] = value;
    (all[name] ??= []).push(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 2) {
      set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        set(arg.slice(2), next);
        i++;
      } else {
        set(arg.slice(2), 'true');
        bare.push(arg.slice(2));
      }
    }
  }
  return { flags, positionals, all, bare };
}
