/**
 * The node pool policy, one for every pool of a cluster: the system pool (SecureAksCluster's
 * `default_node_pool`) and the user pools of NodePoolSet. Pool name rules, the temporary name for
 * rotation and the OS disk decision (ephemeral where the VM's cache or temp disk holds it), so the
 * same VM size gets the same OS disk in every pool.
 */
import { Annotations, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { ErrorSubject, PropError } from '../core/errors';
import { isKnown } from '../core/validate';
import { ephemeralCapacityGiB } from '../core/vm-sizes';

const CONSTRUCT = 'NodePoolSet';
/** Node pool names: lowercase letters and digits, starting with a letter. */
export const NAME = /^[a-z][a-z0-9]*$/;
/** The OS disk size of a pool when the VM's local disk does not decide it. */
const DEFAULT_OS_DISK_SIZE_GB = 128;

/** The OS of a pool. */
export type PoolOsType = 'Linux' | 'Windows';

/** Throws the PropError of NodePoolSet. */
export function fail(prop: string, value: unknown, problem: string, fix: string, construct: ErrorSubject = CONSTRUCT): never {
  throw new PropError(construct, prop, value, problem, fix);
}

/** The longest pool name AKS accepts for the OS: 12 characters for Linux, 6 for Windows. */
function maxPoolNameLength(osType: PoolOsType): number {
  return osType === 'Windows' ? 6 : 12;
}

/**
 * Validates a pool name for its OS (12 characters for Linux, 6 for Windows, lowercase alphanumeric).
 * A token is not checked.
 */
export function validatePoolName(name: string, osType: PoolOsType, prop = 'name', construct = CONSTRUCT): void {
  if (!isKnown(name)) {
    return;
  }
  const max = maxPoolNameLength(osType);
  if (!NAME.test(name) || name.length > max) {
    fail(prop, name, `is not a valid ${osType} node pool name (lowercase letters and digits, starting with a letter, at most ${max} characters)`, `use a name like '${osType === 'Windows' ? 'win1' : 'apps1'}'`, construct);
  }
}

/**
 * The temporary name AKS uses while rotating a pool: valid for the OS, different from the pool's
 * name and from every name in `taken`. The provider creates a pool with this name during a
 * rotation, and Terraform rotates the pools of one set in parallel (e.g. a vmSize change on zonal
 * pools), so two pools must never share it. When the name is too long for a 'tmp' suffix,
 * characters are dropped before the name's tail, which tells zonal pools apart: Windows 'winz1',
 * 'winz2', 'winz3' get 'wintmp', 'wi2tmp', 'wi3tmp'.
 */
export function rotationName(name: string, osType: PoolOsType, taken: readonly string[] = [], construct = CONSTRUCT): string {
  const keep = maxPoolNameLength(osType) - 3;
  const used = new Set([name, ...taken]);
  const candidates = [`${name.slice(0, keep)}tmp`];
  for (let tail = 1; tail < keep && name.length > keep; tail++) {
    candidates.push(`${name.slice(0, keep - tail)}${name.slice(name.length - tail)}tmp`);
  }
  candidates.push(`${name.slice(0, keep)}rot`);
  for (let n = 1; n < 100; n++) {
    candidates.push(`${name.slice(0, keep - String(n).length)}tmp${n}`);
  }
  const free = candidates.find((c) => !used.has(c));
  if (free === undefined) {
    fail('name', name, 'leaves no free temporary name for rotation in this set', 'give the pool a more distinct name', construct);
  }
  return free;
}

/** What a pool asks of its OS disk. */
export interface OsDiskRequest {
  readonly vmSize: string;
  /** @default decided from the VM size */
  readonly osDiskType?: 'Ephemeral' | 'Managed';
  /** @default the VM's ephemeral capacity up to 128 GiB when ephemeral, else 128 */
  readonly osDiskSizeGb?: number;
}

/** The OS disk a pool gets. */
export interface OsDiskChoice {
  readonly type: 'Ephemeral' | 'Managed';
  readonly sizeGb: number;
}

/** Where a decision is reported: the construct, the pool's prop prefix (`systemPool`, `apps`) and its name. */
export interface PoolContext {
  readonly scope: Construct;
  readonly construct: string;
  readonly prop: string;
  readonly pool: string;
}

/**
 * The OS disk of a pool: Ephemeral where the VM's cache or temp disk holds it (the default size is
 * then that capacity, up to 128 GiB), Managed otherwise. An unknown VM size gets a Managed disk and
 * a warning (an explicit Ephemeral one is kept, with a warning); an explicit Ephemeral disk that
 * does not fit is an error.
 */
export function chooseOsDisk(at: PoolContext, request: OsDiskRequest): OsDiskChoice {
  const { vmSize, osDiskType, osDiskSizeGb } = request;
  const err = (prop: string, value: unknown, problem: string, fix: string): never => {
    throw new PropError({ construct: at.construct, scope: at.scope }, `${at.prop}.${prop}`, value, problem, fix);
  };
  if (isKnown(osDiskSizeGb) && (!Number.isInteger(osDiskSizeGb) || osDiskSizeGb! < 30 || osDiskSizeGb! > 2048)) {
    err('osDiskSizeGb', osDiskSizeGb, 'is outside 30-2048 GiB', 'use an OS disk size between 30 and 2048 GiB (128 is a good default)');
  }
  const managed = (): OsDiskChoice => ({ type: 'Managed', sizeGb: osDiskSizeGb ?? DEFAULT_OS_DISK_SIZE_GB });
  if (Token.isUnresolved(vmSize) || Token.isUnresolved(osDiskSizeGb)) {
    return { type: osDiskType ?? 'Managed', sizeGb: osDiskSizeGb ?? DEFAULT_OS_DISK_SIZE_GB };
  }
  if (osDiskType === 'Managed') {
    return managed();
  }
  const capacity = ephemeralCapacityGiB(vmSize);
  if (capacity === undefined) {
    const size = osDiskSizeGb ?? DEFAULT_OS_DISK_SIZE_GB;
    if (osDiskType === 'Ephemeral') {
      Annotations.of(at.scope).addWarning(`${at.construct}: pool '${at.pool}' asks for an ephemeral OS disk on ${vmSize}, a size the library does not know; Azure rejects it if the cache/temp disk is smaller than ${size} GiB.`);
      return { type: 'Ephemeral', sizeGb: size };
    }
    Annotations.of(at.scope).addWarning(
      `${at.construct}: pool '${at.pool}' uses a Managed OS disk because the library does not know the cache/temp disk of ${vmSize}; use a size with a cache or temp disk (e.g. Standard_D4ds_v5), or set osDiskType 'Ephemeral' if it holds ${size} GiB.`,
    );
    return managed();
  }
  const size = osDiskSizeGb ?? Math.min(DEFAULT_OS_DISK_SIZE_GB, capacity);
  if (capacity >= 30 && size <= capacity) {
    return { type: 'Ephemeral', sizeGb: size };
  }
  if (osDiskType === 'Ephemeral') {
    err(
      'osDiskType',
      'Ephemeral',
      `needs ${size} GiB but ${vmSize} can hold an ephemeral OS disk of at most ${capacity} GiB (cache or temp disk)`,
      capacity >= 30 ? `set osDiskSizeGb to ${capacity} or less, or use a VM size with a larger cache/temp disk` : 'use a VM size with a cache or temp disk (e.g. Standard_D4ds_v5), or osDiskType Managed',
    );
  }
  if (osDiskSizeGb !== undefined && capacity >= 30) {
    Annotations.of(at.scope).addInfo(`${at.construct}: pool '${at.pool}' uses a Managed OS disk: ${vmSize} holds at most ${capacity} GiB ephemeral, less than osDiskSizeGb ${size}.`);
  }
  return managed();
}
