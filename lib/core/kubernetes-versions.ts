/**
 * The Kubernetes minor versions AKS supports, as data with the date it was read: a cluster or a
 * pool asking for a version outside the window fails at synth unless the user loosens it with a
 * reason (`{ version: '1.31', reason }`), which becomes a waiver.
 *
 * Source: Microsoft Learn, "Supported Kubernetes versions in AKS" (the AKS release calendar);
 * `az aks get-versions --location <region> -o table` shows today's window. Update the window when
 * AKS publishes a new minor or retires one.
 */
import { ErrorSubject, PropError } from './errors';
import { checkReason } from './checks/basic';

/** The window of Kubernetes minors AKS supports (community support, not LTS). */
export const KUBERNETES_VERSIONS = {
  /** When the window was last read from the AKS release calendar. */
  asOf: '2026-12-01',
  /** Oldest supported minor. */
  oldest: '1.33',
  /** Newest generally available minor. */
  newest: '1.36',
} as const;

const VERSION = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

function minorOf(text: string): number {
  return Number(text.split('.')[1]);
}

/** A Kubernetes version outside the supported window (KUBERNETES_VERSIONS), with why: a loosening, recorded as a waiver. */
export interface UnsupportedKubernetesVersion {
  /** The version (`1.31` or `1.31.2`, no `v`), outside the supported window. */
  readonly version: string;
  /** Why (at least 10 characters): e.g. a long-term-support version on the Premium tier, or a minor AKS published after KUBERNETES_VERSIONS.asOf. */
  readonly reason: string;
}

/** A version prop: a version in the supported window (`'1.35'`), or one outside it with why. */
export type KubernetesVersion = string | UnsupportedKubernetesVersion;

/**
 * Checks a version prop (`kubernetesVersion`, `orchestratorVersion`): a plain version must be a
 * Kubernetes version in the supported window; the object form `{ version, reason }` is the
 * loosening, accepted only for a version outside the window. Returns the plain version (what
 * Terraform gets) and, when loosened, the checked reason (the caller records the waiver).
 */
export function checkKubernetesVersion(at: ErrorSubject, prop: string, given: unknown): { readonly version?: string; readonly reason?: string } {
  if (typeof given !== 'object' || given === null) {
    checkVersion(at, prop, given, false);
    return { version: given as string | undefined };
  }
  const { version, reason } = given as { version?: unknown; reason?: unknown };
  if (checkVersion(at, `${prop}.version`, version, true)) {
    const { oldest, newest, asOf } = KUBERNETES_VERSIONS;
    throw new PropError(
      at,
      `${prop}.version`,
      version,
      `is inside the supported window (${oldest} to ${newest}, as of ${asOf}): it needs no reason and no waiver`,
      `give the plain version, ${leaf(prop)}: '${String(version)}'`,
    );
  }
  return { version: version as string, reason: checkReason(at, `${prop}.reason`, reason, 'a Kubernetes version outside the supported window') };
}

/** The plain version of a version prop (what `kubernetes_version` / `orchestrator_version` get). */
export function versionOf(given: KubernetesVersion | undefined): string | undefined {
  return typeof given === 'object' && given !== null ? given.version : given;
}

/** The waiver text of a version outside the window (`given` in the object form, checked). */
export function versionWaiver(given: UnsupportedKubernetesVersion, what = 'Kubernetes'): string {
  return `${what} ${given.version}, outside the supported window (${KUBERNETES_VERSIONS.oldest} to ${KUBERNETES_VERSIONS.newest}): ${given.reason.trim()}`;
}

/** The prop's own name (`orchestratorVersion` of `apps.orchestratorVersion`), for an example in a fix. */
function leaf(prop: string): string {
  return prop.slice(prop.lastIndexOf('.') + 1);
}

/**
 * Checks a version's syntax always, and its minor against the window: outside it, a plain version
 * throws (the fix shows the object form) and a loosened one passes. Returns whether the version
 * is known to lie inside the window (false for a token or outside the window).
 */
function checkVersion(at: ErrorSubject, prop: string, value: unknown, loosened: boolean): boolean {
  if ((value === undefined && !loosened) || (typeof value === 'string' && value.includes('${'))) {
    return false;
  }
  const m = typeof value === 'string' ? VERSION.exec(value) : null;
  if (!m || m[1] !== '1') {
    const bare = typeof value === 'string' ? value.replace(/^v/i, '').trim() : '';
    throw new PropError(at, prop, value, 'is not a Kubernetes version', `write 'major.minor' or 'major.minor.patch' without a 'v', e.g. '${VERSION.test(bare) ? bare : KUBERNETES_VERSIONS.newest}'`);
  }
  const minor = Number(m[2]);
  const { oldest, newest, asOf } = KUBERNETES_VERSIONS;
  const inside = minor >= minorOf(oldest) && minor <= minorOf(newest);
  if (!inside && !loosened) {
    throw new PropError(
      at,
      prop,
      value,
      `${minor < minorOf(oldest) ? 'is no longer supported by AKS' : 'is not yet generally available on AKS'} (supported: ${oldest} to ${newest}, as of ${asOf})`,
      `use a version from ${oldest} to ${newest} (e.g. '${minor < minorOf(oldest) ? oldest : newest}'), or leave it unset for the default; if AKS supports it (long-term support on Premium, or a minor published since ${asOf}), give ${leaf(prop)}: { version: '${value}', reason: '<why>' } (recorded as a waiver)`,
    );
  }
  return inside;
}
