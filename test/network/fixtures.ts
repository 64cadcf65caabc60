/**
 * A spoke network wired to a raw cluster and a NodePoolSet, as the platform composes them.
 */
import { TerraformStack } from 'cdktf';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { SpokeNetwork, SpokeNetworkProps } from '../../lib/network';
import { describePool, describeZonalPools, NodePoolProps, NodePoolSet } from '../../lib/node-pools';
import { synthDoc } from '../support/synth';
import { hostOf, rawCluster } from '../node-pools/fixtures';

export const APPS: NodePoolProps = { vmSize: 'Standard_D4ds_v5', minCount: 2, maxCount: 10, maxPods: 50 };
export const SYSTEM = describePool('system', { vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 6, maxPods: 50 });

/** Props of the sample spoke: 10.10.0.0/16, the system pool and three zonal app pools, overlay. */
export function spokeProps(extra: Partial<SpokeNetworkProps> = {}): SpokeNetworkProps {
  return {
    name: 'vnet-aks-test',
    resourceGroupName: 'rg',
    location: 'westeurope',
    addressSpace: '10.10.0.0/16',
    systemPool: SYSTEM,
    userPools: describeZonalPools('apps', APPS),
    podCidr: '192.168.0.0/16',
    serviceCidr: '172.16.0.0/16',
    reservedRanges: [{ name: 'hub', cidr: '10.0.0.0/16' }],
    ...extra,
  };
}

/** The whole composition: spoke, cluster on its system subnet, zonal user pools on the user subnet. */
export function spokeDoc(extra: Partial<SpokeNetworkProps> = {}, more?: (stack: TerraformStack, net: SpokeNetwork) => void): TerraformDocument {
  return synthDoc((stack) => {
    const net = new SpokeNetwork(stack, 'spoke', spokeProps(extra));
    const cluster = rawCluster(stack, { defaultNodePool: { vnetSubnetId: net.systemSubnet.id } });
    const pools = new NodePoolSet(stack, 'pools', { host: hostOf(cluster), subnet: net.userSubnet('appsz1') });
    if (extra.userSubnetPerPool) {
      ['appsz1', 'appsz2', 'appsz3'].forEach((name, i) => pools.addPool(name, { ...APPS, zones: [i + 1], subnet: net.userSubnet(name) }));
    } else {
      pools.addZonalPools('apps', APPS);
    }
    more?.(stack, net);
  });
}
