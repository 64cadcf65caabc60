/**
 * NodePoolSet's checks of a pool's input against the kit (lib/core/validate.ts): the VM size is
 * one Azure offers (a System pool meets the AKS minimum), labels are Kubernetes labels outside the
 * reserved prefixes, the version is in the supported window, zones exist in the region, and the
 * name is not the system pool's (upgrade settings: lib/core/upgrade-settings.ts).
 */
import type { IConstruct } from 'constructs';
import { PropError } from '../core/errors';
import { checkKubernetesVersion, checkLabels, checkVmSize, checkZonesIn } from '../core/validate';
import type { INodePoolHost, NodePoolProps } from './node-pool-props';

/** AKS's minimum VM size for a System pool. */
const SYSTEM_POOL_MINIMUM = { vcpus: 2, memoryGiB: 4, what: 'the AKS minimum for a System pool' } as const;

/** Throws a PropError (prop `<pool>.<field>`) for the first bad input of a pool. */
export function checkPoolInput(at: IConstruct, host: INodePoolHost, name: string, props: NodePoolProps, resolved: { readonly mode: string; readonly zones: readonly string[] }): void {
  if (host.systemPoolName !== undefined && name === host.systemPoolName) {
    throw new PropError(at, 'name', name, "is the name of the cluster's system pool", `give the user pool another name, e.g. '${name === 'apps' ? 'apps1' : 'apps'}'`);
  }
  checkVmSize(at, `${name}.vmSize`, props.vmSize, resolved.mode === 'System' ? SYSTEM_POOL_MINIMUM : undefined);
  checkLabels(at, `${name}.labels`, props.labels);
  if (props.dedicatedTo) {
    checkLabels(at, `${name}.dedicatedTo`, { [props.dedicatedTo.key ?? 'workload-class']: props.dedicatedTo.value });
  }
  checkKubernetesVersion(at, `${name}.orchestratorVersion`, props.orchestratorVersion);
  if (props.zones !== undefined && props.zones.length > 0) {
    checkZonesIn(at, `${name}.zones`, props.zones, host.location, 'availability zones', 'leave zones unset');
  }
}
