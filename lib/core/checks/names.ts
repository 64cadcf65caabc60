/** The validation kit (lib/core/validate.ts): DNS names, host names, Git URLs, Azure resource names and resource tags. */
import { parseIp } from '../cidr';
import { ErrorSubject, PropError } from '../errors';
import { isToken } from './tokens';

// ---------------------------------------------------------------------------------------------
// DNS names and URLs

/** DNS-1123 label: Kubernetes namespace and most object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** DNS-1123 subdomain: labels joined by dots, at most 253 characters. */
export const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A host name (FQDN) with at least two labels. */
const HOST_NAME = /^(?=.{1,253}$)([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/;

/** Checks a DNS-1123 label (1-63 lowercase letters, digits and '-'). */
export function checkDnsLabel(at: ErrorSubject, prop: string, value: unknown, what = 'name'): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !DNS_LABEL.test(value)) {
    throw new PropError(at, prop, value, `is not a valid Kubernetes ${what} (a DNS-1123 label)`, `use 1-63 lowercase letters, digits and "-", starting and ending with a letter or digit${typeof value === 'string' ? suggestLabel(value) : ''}`);
  }
}

function suggestLabel(value: string): string {
  const s = value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return s && s !== value ? `, e.g. '${s}'` : '';
}

/** Checks a DNS-1123 subdomain (e.g. a service account or a label key prefix). */
export function checkDnsSubdomain(at: ErrorSubject, prop: string, value: unknown, what = 'name'): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !DNS_SUBDOMAIN.test(value)) {
    throw new PropError(at, prop, value, `is not a valid ${what} (a DNS-1123 subdomain)`, 'use lowercase letters, digits, "-" and ".", at most 253 characters, each part starting and ending with a letter or digit');
  }
}

/** Whether a string is a host name (FQDN) such as `app.contoso.com`. */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value) && !/^\d+\.\d+\.\d+\.\d+$/.test(value);
}

/** Checks a host name (FQDN), not a URL and not an address. */
export function checkHostName(at: ErrorSubject, prop: string, value: unknown, example = 'app.contoso.com'): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !isHostName(value)) {
    const url = typeof value === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(value) : null;
    throw new PropError(at, prop, value, url ? 'is a URL, not a host name' : 'is not a host name (FQDN)', url ? `give the host name alone: '${url[1]}'` : `give a fully qualified host name such as ${example}`);
  }
}

/** A Git repository location as Flux reads it. */
export interface GitUrl {
  readonly scheme: 'https' | 'ssh';
  readonly host: string;
}

/**
 * Parses a Git repository URL as Flux accepts it: `https://host/org/repo`, `ssh://git@host/org/repo`
 * or scp-style `git@host:org/repo.git`. Plain HTTP, credentials and query strings (often a token)
 * are rejected: credentials belong in a Kubernetes secret. Undefined for a token.
 */
export function checkGitUrl(at: ErrorSubject, prop: string, value: unknown): GitUrl | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const fix = "give 'https://<host>/<org>/<repo>', 'ssh://git@<host>/<org>/<repo>' or 'git@<host>:<org>/<repo>.git'";
  const scp = typeof value === 'string' ? /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/\/)(\S+)$/.exec(value) : null;
  if (scp && isHostName(scp[2])) {
    return { scheme: 'ssh', host: scp[2].toLowerCase() };
  }
  let url: URL | undefined;
  try {
    url = typeof value === 'string' && value.trim() === value && !/\s/.test(value) ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    throw new PropError(at, prop, value, 'is not a Git repository URL', fix);
  }
  const bad = (problem: string, how = fix): never => {
    throw new PropError(at, prop, redactUrl(url as URL), problem, how);
  };
  if (url.protocol === 'http:') {
    bad('uses plain HTTP (the source and any credentials travel unencrypted)', 'use the https:// URL of the repository');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'ssh:') {
    bad(`uses the unsupported scheme '${url.protocol}'`);
  }
  if (url.password || (url.protocol === 'https:' && url.username)) {
    bad('embeds credentials in the URL (they would be stored in Terraform state and the Flux configuration)', 'remove them from the URL; for a private repository create a Kubernetes secret outside Terraform and pass its name as localAuthReference');
  }
  if (url.search) {
    bad('has a query string (often a token)', 'give the plain repository URL; put credentials in a Kubernetes secret named by localAuthReference');
  }
  if (!isHostName(url.hostname) && parseIp(url.hostname) === undefined) {
    bad(`has no valid host ('${url.hostname}')`);
  }
  if (url.pathname === '/' || url.pathname === '') {
    bad('names a host but no repository');
  }
  return { scheme: url.protocol === 'https:' ? 'https' : 'ssh', host: url.hostname.toLowerCase() };
}

function redactUrl(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.username && copy.protocol !== 'ssh:') copy.username = '***';
  if (copy.password) copy.password = '***';
  if (copy.search) copy.search = '?***';
  return copy.toString();
}

// ---------------------------------------------------------------------------------------------
// Azure resource names

/** An Azure naming rule: a pattern and the sentence that explains it (for `checkName`). */
export interface NameRule {
  readonly pattern: RegExp;
  readonly rule: string;
}

/** Naming rules of resource types several constructs create (Azure's and the provider's). */
export const NAME_RULES = {
  backupVault: { pattern: /^[A-Za-z][-A-Za-z0-9]{0,48}[A-Za-z0-9]$/, rule: '2-50 letters, digits and hyphens, starting with a letter and ending with a letter or digit' },
  storageAccount: { pattern: /^[a-z0-9]{3,24}$/, rule: '3-24 lowercase letters and digits (globally unique)' },
  storageContainer: { pattern: /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, rule: '3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit' },
  fluxName: { pattern: /^[a-z\d]([-a-z\d]{0,28}[a-z\d])?$/, rule: '1-30 lowercase letters, digits and hyphens, starting and ending with a letter or digit' },
  kubernetesName: { pattern: /^[a-z\d]([-a-z\d]{0,61}[a-z\d])?$/, rule: '1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit' },
  trafficManagerProfile: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/, rule: '1-63 letters, digits and hyphens, starting and ending with a letter or digit' },
  trafficManagerEndpoint: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9._]{0,78}[A-Za-z0-9_])?$/, rule: '1-80 letters, digits, hyphens, periods and underscores, starting with a letter or digit' },
  applicationGateway: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9._]{0,78}[A-Za-z0-9_])?$/, rule: '1-80 letters, digits, hyphens, periods and underscores, starting with a letter or digit and ending with a letter, digit or underscore' },
  wafPolicy: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9._]{0,126}[A-Za-z0-9_])?$/, rule: '1-128 letters, digits, hyphens, periods and underscores, starting with a letter or digit and ending with a letter, digit or underscore' },
} as const satisfies Record<string, NameRule>;

// ---------------------------------------------------------------------------------------------
// Tags

/** Azure's limits on resource tags. */
export const TAG_LIMITS = {
  /** Tags per resource, resource group or subscription. */
  maxTags: 50,
  /** Key length; storage accounts allow only 128. */
  maxKeyLength: 512,
  maxKeyLengthStorage: 128,
  maxValueLength: 256,
  /** Characters Azure forbids in tag keys. */
  forbiddenKeyCharacters: ['<', '>', '%', '&', '\\', '?', '/'],
} as const;

/**
 * Checks a tag map against Azure's limits: at most 50 tags, keys of 1-512 characters (128 on
 * storage accounts) without `< > % & \ ? /`, values of at most 256 characters.
 */
export function checkTags(at: ErrorSubject, prop: string, tags: Readonly<Record<string, unknown>> | undefined, options: { readonly storage?: boolean } = {}): void {
  if (tags === undefined || isToken(tags as unknown)) {
    return;
  }
  const keys = Object.keys(tags);
  if (keys.length > TAG_LIMITS.maxTags) {
    throw new PropError(at, prop, `${keys.length} tags`, `has more than the ${TAG_LIMITS.maxTags} tags Azure allows on a resource`, `keep at most ${TAG_LIMITS.maxTags} tags; move detail into fewer, structured values`);
  }
  const maxKey = options.storage ? TAG_LIMITS.maxKeyLengthStorage : TAG_LIMITS.maxKeyLength;
  for (const key of keys) {
    const bad = TAG_LIMITS.forbiddenKeyCharacters.filter((c) => key.includes(c));
    if (key.trim() === '' || bad.length > 0) {
      throw new PropError(at, `${prop}.${key}`, key, key.trim() === '' ? 'is an empty tag key' : `is a tag key with ${bad.map((c) => `'${c}'`).join(', ')}, which Azure forbids in keys`, `use a key without ${TAG_LIMITS.forbiddenKeyCharacters.join(' ')}, e.g. '${key.replace(/[<>%&\\?/]+/g, '-') || 'owner'}'`);
    }
    if (key.length > maxKey) {
      throw new PropError(at, `${prop}.${key.slice(0, 40)}…`, `${key.length} characters`, `is longer than the ${maxKey} characters Azure allows in a tag key${options.storage ? ' of a storage account' : ''}`, `shorten the key to at most ${maxKey} characters`);
    }
    const value = tags[key];
    if (isToken(value)) {
      continue;
    }
    if (typeof value !== 'string') {
      throw new PropError(at, `${prop}.${key}`, value, 'is not a string', 'give every tag a string value');
    }
    if (value.length > TAG_LIMITS.maxValueLength) {
      throw new PropError(at, `${prop}.${key}`, `${value.slice(0, 40)}… (${value.length} characters)`, `is longer than the ${TAG_LIMITS.maxValueLength} characters Azure allows in a tag value`, `shorten the value to at most ${TAG_LIMITS.maxValueLength} characters`);
    }
  }
}
