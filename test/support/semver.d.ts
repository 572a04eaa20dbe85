/** The part of npm's `semver` (installed with npm's own tree, untyped) the tests use. */
declare module 'semver' {
  interface SemVer {
    version: string;
  }
  const semver: {
    minVersion(range: string): SemVer | null;
    satisfies(version: string, range: string): boolean;
  };
  export default semver;
}
