/**
 * The checklist items the egress concern carries: each compliant with the defaults, non-compliant
 * with the setting loosened.
 */
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { TerraformStack } from 'cdktf';
import { evaluateItem } from '../../lib/checklist/evaluate';
import { egressLockdown, firewallNoRegistryBypass, firewallRegistryAllowList } from '../../lib/egress/rules';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { IEgressPath } from '../../lib/core/contracts';
import { NatGatewayEgress } from '../../lib/egress/nat-gateway';
import { NetworkIsolatedEgress } from '../../lib/egress/network-isolated';
import { cluster, firewallStack, spoke } from './fixtures';

type Json = Record<string, any>;
const first = (section: Json): Json => Object.values(section)[0] as Json;

/** A compliant stack: firewall with defaults, spoke, private cluster on userDefinedRouting. */
const locked = () =>
  synthDoc((stack) => {
    const { fw, spoke } = firewallStack(stack);
    cluster(stack, spoke, fw);
  });

/** A registry with a private endpoint (public access off, DNS zone group), compliant on the registry side. */
function privateRegistry(stack: TerraformStack, subnetId: string): ContainerRegistry {
  const registry = new ContainerRegistry(stack, 'acr', {
    name: 'acrplat',
    resourceGroupName: 'rg-spoke',
    location: 'westeurope',
    sku: 'Premium',
    adminEnabled: false,
    publicNetworkAccessEnabled: false,
    dataEndpointEnabled: true,
    quarantinePolicyEnabled: true,
  });
  new PrivateEndpoint(stack, 'acr-pe', {
    name: 'pe-acrplat',
    resourceGroupName: 'rg-spoke',
    location: 'westeurope',
    subnetId,
    privateServiceConnection: { name: 'acr', privateConnectionResourceId: registry.id, subresourceNames: ['registry'], isManualConnection: false },
    privateDnsZoneGroup: { name: 'acr', privateDnsZoneIds: ['/subscriptions/0/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io'] },
  });
  return registry;
}

/** A raw cluster on the spoke using an egress path that is not a firewall (NAT gateway, network isolation). */
const viaPath = (make: (stack: TerraformStack, s: ReturnType<typeof spoke>) => IEgressPath) => () =>
  synthDoc((stack) => {
    const s = spoke(stack);
    const path = make(stack, s);
    new KubernetesCluster(stack, 'aks', {
      name: 'aks-plat',
      resourceGroupName: 'rg-spoke',
      location: 'westeurope',
      dnsPrefixPrivateCluster: 'aks-plat',
      privateClusterEnabled: true,
      defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3, vnetSubnetId: s.nodes.id },
      identity: { type: 'SystemAssigned' },
      networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', outboundType: path.outboundType, natGatewayProfile: path.natGatewayProfile },
      bootstrapProfile: path.bootstrapProfile,
    });
  });
const REGISTRY_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.ContainerRegistry/registries/acrplat';
const NAT_REASON = 'no hub in this landing zone until the connectivity team delivers it';

describeItem('network/egress-lockdown', {
  compliant: {
    'firewall defaults with a private cluster on userDefinedRouting': locked,
    'network isolated: outbound_type none, nodes bootstrap from the registry cache': viaPath((stack) => new NetworkIsolatedEgress(stack, 'isolated', { containerRegistryId: REGISTRY_ID })),
    'firewall alone (node subnets routed)': () => synthDoc((stack) => void firewallStack(stack)),
  },
  nonCompliant: {
    'user-assigned NAT gateway (no filtering)': viaPath((stack, sp) => new NatGatewayEgress(stack, 'nat', { reason: NAT_REASON, resourceGroupName: 'rg-spoke', location: 'westeurope', name: 'ng-plat', nodeSubnetIds: [sp.nodes.id] })),
    'managed NAT gateway (no filtering)': viaPath((stack) => new NatGatewayEgress(stack, 'nat', { reason: NAT_REASON, mode: 'managed' })),
    'outbound none without the registry cache': viaPath(() => ({ outboundType: 'none', egressPublicIps: [], dependables: [] })),
    'cluster left on loadBalancer outbound': () => mutate(locked(), (j) => (first(j.resource.azurerm_kubernetes_cluster).network_profile.outbound_type = 'loadBalancer')),
    'default route to the Internet instead of the firewall': () =>
      mutate(locked(), (j) => {
        const route = first(j.resource.azurerm_route);
        route.next_hop_type = 'Internet';
        delete route.next_hop_in_ip_address;
      }),
    'default route to an address that is not the firewall': () => mutate(locked(), (j) => (first(j.resource.azurerm_route).next_hop_in_ip_address = '10.0.0.100')),
    'node subnet without route table': () => mutate(locked(), (j) => delete j.resource.azurerm_subnet_route_table_association),
    'firewall without policy': () => mutate(locked(), (j) => delete first(j.resource.azurerm_firewall).firewall_policy_id),
    'a rule with "*" source': () =>
      mutate(locked(), (j) => {
        const rule = first(j.resource.azurerm_firewall_policy_rule_collection_group).network_rule_collection[0].rule[0];
        delete rule.source_ip_groups;
        rule.source_addresses = ['*'];
      }),
    'an allow-all network rule': () =>
      mutate(locked(), (j) => {
        const rule = first(j.resource.azurerm_firewall_policy_rule_collection_group).network_rule_collection[0].rule[0];
        Object.assign(rule, { destination_addresses: ['*'], destination_ports: ['*'], protocols: ['Any'] });
        delete rule.destination_fqdns;
      }),
    'a public cluster whose authorized ranges omit the firewall IP': () =>
      synthDoc(
        (stack) => {
          const { fw, spoke } = firewallStack(stack);
          cluster(stack, spoke, fw, { private: false, authorizedRanges: ['203.0.113.0/24'] });
        },
        { validate: false },
      ),
  },
  notApplicable: { 'no cluster and no firewall': () => synthDoc(() => undefined) },
});

describeItem('operations/bastion-access', {
  compliant: { 'bastion with the required NSG rules': () => synthDoc((stack) => void firewallStack(stack, { bastion: { subnetAddressPrefix: '10.0.1.0/26' } })) },
  nonCompliant: {
    'SSH opened to the Internet on the Bastion subnet': () =>
      mutate(
        synthDoc((stack) => void firewallStack(stack, { bastion: { subnetAddressPrefix: '10.0.1.0/26' } })),
        (j) => {
          const rule = Object.values(j.resource.azurerm_network_security_rule as Json).find((r: Json) => r.name === 'AllowHttpsInbound') as Json;
          rule.destination_port_ranges = ['443', '22'];
        },
      ),
    'Bastion subnet without NSG': () =>
      mutate(
        synthDoc((stack) => void firewallStack(stack, { bastion: { subnetAddressPrefix: '10.0.1.0/26' } })),
        (j) => delete j.resource.azurerm_subnet_network_security_group_association,
      ),
  },
  notApplicable: { 'no bastion (the option is off)': () => synthDoc((stack) => void firewallStack(stack)) },
});

describeItem('disaster-recovery/availability-zones', {
  compliant: { 'firewall and public IP in zones 1-3': () => synthDoc((stack) => void firewallStack(stack)) },
  nonCompliant: {
    'firewall in one zone': () => mutate(synthDoc((stack) => void firewallStack(stack)), (j) => (first(j.resource.azurerm_firewall).zones = ['1'])),
    'public IP without zones': () => mutate(synthDoc((stack) => void firewallStack(stack)), (j) => delete first(j.resource.azurerm_public_ip).zones),
    'withoutZones (waived, still reported)': () => synthDoc((stack) => void firewallStack(stack, { withoutZones: { reason: 'region has no availability zones' } })),
  },
});

describeItem('operations/log-aggregation', {
  compliant: { 'firewall logs to Dedicated tables': () => synthDoc((stack) => void firewallStack(stack)) },
  nonCompliant: {
    'AzureDiagnostics table': () => mutate(synthDoc((stack) => void firewallStack(stack)), (j) => (first(j.resource.azurerm_monitor_diagnostic_setting).log_analytics_destination_type = 'AzureDiagnostics')),
    'no diagnostic setting': () => mutate(synthDoc((stack) => void firewallStack(stack)), (j) => delete j.resource.azurerm_monitor_diagnostic_setting),
  },
});

describeItem('container/allowed-registries-only', {
  compliant: {
    'defaults': () => synthDoc((stack) => void firewallStack(stack)),
    'only the given registry hosts': () =>
      synthDoc((stack) => void firewallStack(stack).fw.allowFeature('container-registry', { hosts: ['acrplat.azurecr.io', 'acrplat.westeurope.data.azurecr.io'] })),
  },
  nonCompliant: {
    'Docker Hub allowed with a reason (waived, still reported)': () =>
      synthDoc((stack) => void firewallStack(stack).fw.allowFqdns('dockerhub', { fqdns: ['docker.io', 'registry-1.docker.io'], protocols: [{ type: 'Https', port: 443 }], reason: 'vendor images until mirrored' })),
    'a *.azurecr.io wildcard': () =>
      mutate(synthDoc((stack) => void firewallStack(stack)), (j) => first(j.resource.azurerm_firewall_policy_rule_collection_group).application_rule_collection[0].rule[1].destination_fqdns.push('*.azurecr.io')),
  },
});

describeItem('network/private-registry-endpoint', {
  compliant: {
    'registry by private link: no firewall rule to it': () =>
      synthDoc((stack) => {
        const { fw, spoke } = firewallStack(stack);
        privateRegistry(stack, spoke.nodes.id);
        fw.allowFeature('container-registry', { privateLink: true });
      }),
  },
  nonCompliant: {
    'registry with a private endpoint also allowed through the firewall': () =>
      synthDoc((stack) => {
        const { fw, spoke } = firewallStack(stack);
        privateRegistry(stack, spoke.nodes.id);
        fw.allowFeature('container-registry', { hosts: ['acrplat.azurecr.io', 'acrplat.westeurope.data.azurecr.io'] });
      }),
  },
});

describe('egress rules read HCL-style JSON (one-element lists) too', () => {
  test('the lockdown rule gives the same answer on list blocks', () => {
    const doc = mutate(locked(), (j) => {
      for (const c of Object.values(j.resource.azurerm_kubernetes_cluster as Json)) {
        c.network_profile = [c.network_profile];
        c.default_node_pool = [c.default_node_pool];
      }
    });
    expect(egressLockdown(doc).status).toBe('compliant');
    expect(evaluateItem('network/egress-lockdown', mutate(doc, (j) => (first(j.resource.azurerm_kubernetes_cluster).network_profile[0].outbound_type = 'none'))).status).toBe('non-compliant');
  });

  test('registry rules are not applicable without a rule collection group', () => {
    const doc = synthDoc(() => undefined);
    expect(firewallRegistryAllowList(doc).status).toBe('not-applicable');
    expect(firewallNoRegistryBypass(doc).status).toBe('not-applicable');
  });
});
