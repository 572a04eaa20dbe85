/**
 * Kubernetes' rules for object names, label keys and values and annotation keys
 * (k8s.io/apimachinery/pkg/util/validation), and the sanitising that turns free text (a
 * version, a run URL) into a legal label value. Values that cannot be labels (URLs, digests
 * longer than 63 characters) go into annotations, which take any string.
 */
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** An InferenceService name: a DNS-1035 label (KServe builds service and host names from it). */
export function nameError(name: string, max = 63): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > max) return `is ${name.length} characters, over ${max}`;
  if (!DNS_LABEL.test(name)) return 'must be lower-case letters, digits and "-", starting with a letter and ending with a letter or digit';
  return undefined;
}

function qualifiedNameError(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `has the prefix "${prefix}", which is not a DNS subdomain`;
  if (name.length === 0 || name.length > 63) return `has a name part of ${name.length} characters (1..63 allowed)`;
  if (!QUALIFIED_NAME.test(name)) return 'must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit (optionally after a DNS-subdomain prefix and "/")';
  return undefined;
}

export const labelKeyError = qualifiedNameError;
export const annotationKeyError = qualifiedNameError;

export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters, over 63`;
  if (!LABEL_VALUE.test(value)) return 'must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

/**
 * Free text as a label value: characters outside [A-Za-z0-9-_.] become "-", the ends are
 * trimmed to alphanumerics, and it is cut to 63 characters (then trimmed again).
 */
export function labelValue(text: string): string {
  const trim = (s: string) => s.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
  return trim(trim(text.replace(/[^A-Za-z0-9._-]+/g, '-')).slice(0, 63));
}

/** Free text as an annotation value: control characters dropped, capped at 4 KiB. */
export function annotationValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 4096);
}
