/** Version numbering and the difference between a version tag and an alias. */
import { AUTO_VERSION_PATTERN } from './reference.js';
import { ANNOTATION } from './media-types.js';
import type { ImageManifest } from './oci-schema.js';

/** The next v<N> after the highest existing one (v1 for an empty repository). */
export function nextVersion(tags: readonly string[]): string {
  return `v${highestVersionNumber(tags) + 1}`;
}

export function highestVersionNumber(tags: readonly string[]): number {
  let highest = 0;
  for (const tag of tags) {
    const match = AUTO_VERSION_PATTERN.exec(tag);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/** `latest` resolves to the highest v<N>; undefined when there is none. */
export function latestVersion(tags: readonly string[]): string | undefined {
  const highest = highestVersionNumber(tags);
  return highest > 0 ? `v${highest}` : undefined;
}

/** A tag is a version (immutable) when the manifest it points at was registered under that very name. */
export function isVersionTag(tag: string, manifest: ImageManifest): boolean {
  return manifest.annotations?.[ANNOTATION.version] === tag;
}

/** Sorts tags: versions by number, then other tags alphabetically. */
export function sortTags(tags: readonly string[]): string[] {
  const number = (tag: string) => Number(AUTO_VERSION_PATTERN.exec(tag)?.[1] ?? Number.POSITIVE_INFINITY);
  return [...tags].sort((a, b) => number(a) - number(b) || a.localeCompare(b));
}
