/**
 * Masks secret values in text this process writes itself (the job summary), as the runner
 * does for log lines. Values shorter than MIN_SECRET_LENGTH are not masked: hiding every "1"
 * or "cpu" would make the output unreadable and protect nothing.
 */
export const MIN_SECRET_LENGTH = 4;

export class SecretMask {
  private readonly secrets = new Set<string>();

  /** Returns false when the value is too short to mask. */
  add(value: string): boolean {
    if (value.length < MIN_SECRET_LENGTH) return false;
    this.secrets.add(value);
    return true;
  }

  apply(text: string): string {
    let masked = text;
    // Longest first, so a secret containing another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) masked = masked.split(secret).join('***');
    return masked;
  }
}
