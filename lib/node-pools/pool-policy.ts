/**
 * The node pool policy of NodePoolSet: pool name rules, the temporary name for rotation and the OS
 * disk decision (ephemeral where the VM's cache or temp disk holds it).
 */
import { Annotations, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { PropError } from '../core/errors';
import { ephemeralCapacityGiB } from '../core/vm-sizes';
import type { NodePoolProps } from './node-pool-props';

const CONSTRUCT = 'NodePoolSet';
/** Node pool names: lowercase letters and digits, starting with a letter. */
export const NAME = /^[a-z][a-z0-9]*$/;

/** Throws the PropError of NodePoolSet. */
export function fail(prop: string, value: unknown, problem: string, fix: string): never {
  throw new PropError(CONSTRUCT, prop, value, problem, fix);
}

/** Whether a value is known at synth (not a token). */
export function known(value: unknown): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}

/** Validates a pool name for its OS (12 characters for Linux, 6 for Windows, lowercase alphanumeric). */
export function validatePoolName(name: string, osType: 'Linux' | 'Windows', prop = 'name'): void {
  const max = osType === 'Windows' ? 6 : 12;
  if (!NAME.test(name) || name.length > max) {
    fail(prop, name, `is not a valid ${osType} node pool name (lowercase letters and digits, starting with a letter, at most ${max} characters)`, `use a name like '${osType === 'Windows' ? 'win1' : 'apps1'}'`);
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
export function rotationName(name: string, osType: 'Linux' | 'Windows', taken: readonly string[] = []): string {
  const max = osType === 'Windows' ? 6 : 12;
  const keep = max - 3;
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
    fail('name', name, 'leaves no free temporary name for rotation in this set', 'give the pool a more distinct name');
  }
  return free;
}

/** The OS disk type of a pool: Ephemeral where the VM holds it, Managed otherwise (with a warning for unknown sizes). */
export function chooseOsDisk(scope: Construct, name: string, props: NodePoolProps, r: { readonly osDiskSizeGb: number }): 'Ephemeral' | 'Managed' {
  const size = r.osDiskSizeGb;
  if (known(size) && (!Number.isInteger(size) || size < 30 || size > 2048)) {
    fail(`${name}.osDiskSizeGb`, size, 'is outside 30-2048 GiB', 'use an OS disk size between 30 and 2048 GiB (128 is a good default)');
  }
  if (Token.isUnresolved(props.vmSize) || Token.isUnresolved(size)) {
    return props.osDiskType ?? 'Managed';
  }
  const capacity = ephemeralCapacityGiB(props.vmSize);
  if (props.osDiskType === 'Ephemeral') {
    if (capacity !== undefined && capacity < size) {
      fail(`${name}.osDiskType`, 'Ephemeral', `needs ${size} GiB but ${props.vmSize} can hold an ephemeral OS disk of at most ${capacity} GiB (cache or temp disk)`, capacity >= 30 ? `set osDiskSizeGb to ${capacity} or less, or use a VM size with a larger cache/temp disk` : 'use a VM size with a cache or temp disk (e.g. Standard_D4ds_v5), or osDiskType Managed');
    }
    if (capacity === undefined) {
      Annotations.of(scope).addWarning(`NodePoolSet: pool '${name}' asks for an ephemeral OS disk on ${props.vmSize}, a size the library does not know; Azure rejects it if the cache/temp disk is smaller than ${size} GiB.`);
    }
    return 'Ephemeral';
  }
  if (props.osDiskType === 'Managed') {
    return 'Managed';
  }
  if (capacity === undefined) {
    Annotations.of(scope).addWarning(`NodePoolSet: pool '${name}' uses a Managed OS disk because the library does not know the cache/temp disk of ${props.vmSize}; set osDiskType 'Ephemeral' if it holds ${size} GiB.`);
    return 'Managed';
  }
  if (capacity < size) {
    Annotations.of(scope).addInfo(`NodePoolSet: pool '${name}' uses a Managed OS disk: ${props.vmSize} holds at most ${capacity} GiB ephemeral, less than osDiskSizeGb ${size}.`);
    return 'Managed';
  }
  return 'Ephemeral';
}
