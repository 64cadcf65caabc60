import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SpokeNetwork, SpokeNetworkProps } from './spoke-network';
import * as rules from './rules';

const spokeNetwork = settingsOf<SpokeNetworkProps, SpokeNetwork>('SpokeNetwork');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const networkFacets: readonly ItemFacet[] = [
  {
    id: 'network/ip-address-planning',
    delivery: 'enforced',
    settings: spokeNetwork('addressSpace', 'userPools', 'cidrs'),
    rule: rules.ipAddressPlanningRule,
    note: 'IpPlanner sizes every subnet at synth (Azure reserves 5; overlay one address per node, flat CNI 1 + max_pods; nodes at autoscaler max + surge) and rejects overlaps with pod, service and peered ranges. The rule re-checks any stack from its JSON.',
  },
  {
    id: 'network/network-model',
    delivery: 'enforced',
    settings: spokeNetwork('model'),
    rule: rules.networkModelRule,
    note: 'Azure CNI overlay by default (pods off the VNet, one VNet address per node); flat Azure CNI when pods must be routable, on subnets the planner sized.',
  },
  {
    id: 'network/network-policies',
    delivery: 'enforced',
    settings: spokeNetwork('withoutSubnetSecurityGroups'),
    rule: rules.subnetSecurityGroupsRule,
    note: 'Subnet facet: an NSG on every spoke subnet (mspnp aks-baseline): defaults on node and ingress subnets, the API Server VNet Integration rules (443/4443 from nodes, 9988 from AzureLoadBalancer) on the API server subnet, HTTPS only to private endpoints.',
  },
];
