/**
 * The Kubernetes minor versions AKS supports, as data with the date it was read: a cluster or a
 * pool asking for a version outside the window fails at synth unless the user overrides it with a
 * reason (`unsupportedVersionReason`), which becomes a waiver.
 *
 * Source: Microsoft Learn, "Supported Kubernetes versions in AKS" (the AKS release calendar);
 * `az aks get-versions --location <region> -o table` shows today's window. Update the window when
 * AKS publishes a new minor or retires one.
 */
import { ErrorSubject, PropError } from './errors';

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

/**
 * Checks a Kubernetes version (`1.33` or `1.33.2`, no `v`): its syntax always, and that its minor
 * lies in the supported window unless `overrideReason` is given (the caller records the waiver).
 */
export function checkKubernetesVersion(at: ErrorSubject, prop: string, value: unknown, overrideReason?: string): void {
  if (value === undefined || (typeof value === 'string' && value.includes('${'))) {
    return;
  }
  const m = typeof value === 'string' ? VERSION.exec(value) : null;
  if (!m || m[1] !== '1') {
    const bare = typeof value === 'string' ? value.replace(/^v/i, '').trim() : '';
    throw new PropError(at, prop, value, 'is not a Kubernetes version', `write 'major.minor' or 'major.minor.patch' without a 'v', e.g. '${VERSION.test(bare) ? bare : KUBERNETES_VERSIONS.newest}'`);
  }
  if (overrideReason !== undefined) {
    return;
  }
  const minor = Number(m[2]);
  const { oldest, newest, asOf } = KUBERNETES_VERSIONS;
  if (minor < minorOf(oldest) || minor > minorOf(newest)) {
    throw new PropError(
      at,
      prop,
      value,
      `${minor < minorOf(oldest) ? 'is no longer supported by AKS' : 'is not yet generally available on AKS'} (supported: ${oldest} to ${newest}, as of ${asOf})`,
      `use a version from ${oldest} to ${newest} (e.g. '${minor < minorOf(oldest) ? oldest : newest}'), or leave it unset for the default; if AKS has moved on since ${asOf}, set unsupportedVersionReason`,
    );
  }
}
