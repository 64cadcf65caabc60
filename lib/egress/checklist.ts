import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureAksCluster, SecureAksClusterProps } from '../cluster/secure-aks-cluster';
import type { EgressFirewall, EgressFirewallProps } from './egress-firewall';
import type { HubEgressRoute, HubEgressRouteProps } from './existing-hub-route';
import { bastionAccess, egressLockdown, firewallDiagnostics, firewallNoRegistryBypass, firewallRegistryAllowList, firewallZones } from './rules';

const egressFirewall = settingsOf<EgressFirewallProps, EgressFirewall>('EgressFirewall');
const hubEgressRoute = settingsOf<HubEgressRouteProps, HubEgressRoute>('HubEgressRoute');
const secureAksCluster = settingsOf<SecureAksClusterProps, SecureAksCluster>('SecureAksCluster');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const egressFacets: readonly ItemFacet[] = [
  {
    id: 'network/egress-lockdown',
    delivery: 'enforced',
    settings: [...egressFirewall('nodeSubnets', 'addNodeSubnet'), ...hubEgressRoute('nodeSubnets'), ...secureAksCluster('egress')],
    rule: egressLockdown,
    note:
      'Clusters on outbound_type userDefinedRouting; every node subnet associated with a route table whose 0.0.0.0/0 route goes to an Azure Firewall private IP; ' +
      'firewall with a policy; rules generated per feature from the node subnets\' IP group, never "*" sources, destinations or ports.',
  },
  {
    id: 'network/block-imds-access',
    delivery: 'guidance',
    settings: egressFirewall(),guidance: {
      reason:
        'IMDS (169.254.169.254) is a link-local endpoint served by the host of each node: pod traffic to it never leaves the VM, so no route table, NSG or Azure Firewall rule can see or block it.',
      action:
        'Block it inside the cluster: a NetworkPolicy (Cilium/Calico) denying egress to 169.254.169.254/32 from application namespaces, allowing only the system pods that need it; ' +
        'prefer Workload Identity over the kubelet identity so a stolen IMDS token is worth little.',
    },
    note: 'The egress firewall cannot reach IMDS traffic; the in-cluster concern delivers the NetworkPolicy.',
  },
  {
    id: 'operations/bastion-access',
    delivery: 'option',
    settings: egressFirewall('bastion'),
    rule: bastionAccess,
    note: 'Azure Bastion Standard in AzureBastionSubnet with only the NSG rules Bastion requires (HTTPS from the Internet, GatewayManager, AzureLoadBalancer, data plane 8080/5701).',
  },
  {
    id: 'disaster-recovery/availability-zones',
    delivery: 'enforced',
    settings: egressFirewall('withoutZones'),
    rule: firewallZones,
    note: 'Firewall and its public IPs in zones 1, 2 and 3.',
  },
  {
    id: 'operations/log-aggregation',
    delivery: 'enforced',
    settings: egressFirewall('logAnalyticsWorkspaceId'),
    rule: firewallDiagnostics,
    note: 'Firewall logs (AZFW* categories) to Log Analytics in resource-specific tables (log_analytics_destination_type Dedicated).',
  },
  {
    id: 'container/allowed-registries-only',
    delivery: 'enforced',
    settings: egressFirewall('allowFqdns'),
    rule: firewallRegistryAllowList,
    note: 'Firewall side: no rule allows a registry wildcard (*.azurecr.io) or a public registry (docker.io, ghcr.io, quay.io...); only the given registries\' hosts. Admission control is the policy concern\'s.',
  },
  {
    id: 'network/private-registry-endpoint',
    delivery: 'enforced',
    settings: [...egressFirewall('allowFeature', 'featureOptions.container-registry')],
    rule: firewallNoRegistryBypass,
    note: 'Firewall side: a registry with a private endpoint gets no firewall rule to its public hosts.',
  },
];
