/** Bad input: each is its own test, and the message names the construct and the prop. */
import { App, TerraformStack, Testing } from 'cdktf';
import { EgressFirewall, EgressFirewallProps } from '../../lib/egress';
import { baseProps, firewallStack, spoke, spokeProps } from './fixtures';

function stack(): TerraformStack {
  const app: App = Testing.app();
  return new TerraformStack(app, 'test');
}

function build(overrides: Partial<EgressFirewallProps>): () => EgressFirewall {
  return () => {
    const s = stack();
    return new EgressFirewall(s, 'egress', baseProps({ ...spokeProps(spoke(s)), ...overrides }));
  };
}

const https = [{ type: 'Https' as const, port: 443 }];

test('firewall subnet misnamed', () => {
  expect(build({ firewallSubnet: { addressPrefix: '10.0.0.0/26', name: 'snet-firewall' } })).toThrow(/EgressFirewall '[^']+': prop 'firewallSubnet\.name' = 'snet-firewall'.*AzureFirewallSubnet/);
});

test('firewall subnet smaller than /26', () => {
  expect(build({ firewallSubnet: { addressPrefix: '10.0.0.0/27' } })).toThrow(/EgressFirewall 'egress': prop 'firewallSubnet\.addressPrefix' = '10\.0\.0\.0\/27'.*\/26 or larger/);
});

test('firewall subnet outside the hub address space', () => {
  expect(build({ firewallSubnet: { addressPrefix: '10.9.0.0/26' } })).toThrow(/EgressFirewall 'egress': prop 'firewallSubnet\.addressPrefix'.*outside the hub address space/);
});

test('management subnet misnamed', () => {
  expect(build({ managementSubnet: { addressPrefix: '10.0.0.64/26', name: 'mgmt' } })).toThrow(/EgressFirewall 'egress': prop 'managementSubnet\.name'.*AzureFirewallManagementSubnet/);
});

test('Basic tier without a management subnet', () => {
  expect(build({ tier: 'Basic' })).toThrow(/EgressFirewall 'egress': prop 'managementSubnet'.*Basic tier/);
});

test('Bastion subnet smaller than /26', () => {
  expect(build({ bastion: { subnetAddressPrefix: '10.0.1.0/27' } })).toThrow(/EgressFirewall 'egress': prop 'bastion\.subnet\.addressPrefix'.*\/26 or larger/);
});

test('hub subnets overlapping', () => {
  expect(build({ bastion: { subnetAddressPrefix: '10.0.0.0/26' } })).toThrow(/EgressFirewall 'egress': prop 'bastion\.subnetAddressPrefix'.*overlaps firewallSubnet/);
});

test('"*" in a user rule source', () => {
  const fw = build({})();
  expect(() => fw.allowFqdns('api', { fqdns: ['api.example.com'], protocols: https, sources: ['*'] })).toThrow(/EgressFirewall 'egress': prop 'allowFqdns\('api'\)\.sources' = '\*' allows any source/);
});

test('0.0.0.0/0 as a network rule source', () => {
  const fw = build({})();
  expect(() => fw.allowNetwork('dns', { protocols: ['UDP'], destinationAddresses: ['10.50.0.4'], destinationPorts: ['53'], sources: ['0.0.0.0/0'] })).toThrow(/EgressFirewall 'egress': prop 'allowNetwork\('dns'\)\.sources'.*any source/);
});

test('"*" as a network rule destination', () => {
  const fw = build({})();
  expect(() => fw.allowNetwork('out', { protocols: ['TCP'], destinationAddresses: ['*'], destinationPorts: ['443'] })).toThrow(/EgressFirewall 'egress': prop 'allowNetwork\('out'\)\.destinationAddresses' = '\*' allows any destination/);
});

test('"*" as an FQDN destination', () => {
  const fw = build({})();
  expect(() => fw.allowFqdns('web', { fqdns: ['*'], protocols: https })).toThrow(/EgressFirewall 'egress': prop 'allowFqdns\('web'\)\.fqdns' = '\*' allows any destination/);
});

test('port range 1-65535 in a user rule', () => {
  const fw = build({})();
  expect(() => fw.allowNetwork('wide', { protocols: ['TCP'], destinationAddresses: ['10.50.0.0/24'], destinationPorts: ['1-65535'] })).toThrow(/EgressFirewall 'egress': prop 'allowNetwork\('wide'\)\.destinationPorts' = '1-65535' allows any port/);
});

test('"*" port in a user rule', () => {
  const fw = build({})();
  expect(() => fw.allowNetwork('wide', { protocols: ['TCP'], destinationAddresses: ['10.50.0.0/24'], destinationPorts: ['*'] })).toThrow(/EgressFirewall 'egress': prop 'allowNetwork\('wide'\)\.destinationPorts' = '\*' allows any port/);
});

test('rule collection priority below 100', () => {
  const fw = build({})();
  expect(() => fw.allowFqdns('api', { fqdns: ['api.example.com'], protocols: https, priority: 99 })).toThrow(/EgressFirewall 'egress': prop 'allowFqdns\('api'\)\.priority' = 99 is outside 100-65000/);
});

test('rule collection priority above 65000', () => {
  const fw = build({})();
  expect(() => fw.allowFqdns('api', { fqdns: ['api.example.com'], protocols: https, priority: 65001 })).toThrow(/EgressFirewall 'egress': prop 'allowFqdns\('api'\)\.priority' = 65001 is outside 100-65000/);
});

test('rule collection priorities clashing', () => {
  const fw = build({})();
  fw.allowFqdns('api', { fqdns: ['api.example.com'], protocols: https, priority: 2000 });
  expect(() => fw.allowNetwork('smtp', { protocols: ['TCP'], destinationAddresses: ['10.50.0.10'], destinationPorts: ['587'], priority: 2000 })).toThrow(/EgressFirewall 'egress': prop 'allowNetwork\('smtp'\)\.priority' = 2000 clashes with rule collection 'api'/);
});

test('rule collection group priority outside 100-65000', () => {
  expect(build({ ruleCollectionGroupPriority: 50 })).toThrow(/EgressFirewall 'egress': prop 'ruleCollectionGroupPriority' = 50 is outside 100-65000/);
});

test('firewall in a region different from the spoke without a peering', () => {
  const s = stack();
  const far = spoke(s, 'northeurope');
  expect(
    () =>
      new EgressFirewall(s, 'egress', baseProps({ nodeSubnets: [{ id: far.nodes.id, addressPrefixes: ['10.1.0.0/22'], vnetId: far.vnet.id, location: 'northeurope' }] })),
  ).toThrow(/EgressFirewall 'egress': prop 'nodeSubnets\[0\]\.vnetId'.*no peering to the hub \(spoke in northeurope, firewall in westeurope\)/);
});

test('a node subnet in another region with no VNet given', () => {
  const s = stack();
  expect(() => new EgressFirewall(s, 'egress', baseProps({ nodeSubnets: [{ id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes', addressPrefixes: ['10.1.0.0/22'], location: 'northeurope' }] }))).toThrow(
    /EgressFirewall 'egress': prop 'nodeSubnets\[0\]\.vnetId'.*only through a peering/,
  );
});

test('route table given to a subnet that is not a node subnet', () => {
  const s = stack();
  const { fw } = firewallStack(s);
  expect(() => fw.routeSubnets('/subscriptions/0/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-appgw')).toThrow(
    /EgressFirewall 'egress': prop 'routeSubnets'.*is not a node subnet of this firewall/,
  );
});

test('route table given to the firewall subnet itself', () => {
  const s = stack();
  const { fw } = firewallStack(s);
  expect(() => fw.routeSubnets(fw.firewallSubnet.id)).toThrow(/EgressFirewall 'egress': prop 'routeSubnets'.*not a node subnet: routing it to the firewall would loop/);
});

test('route table given to a reserved subnet by id', () => {
  const s = stack();
  const { fw } = firewallStack(s);
  expect(() => fw.routeSubnets('/subscriptions/0/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet')).toThrow(/EgressFirewall 'egress': prop 'routeSubnets'.*GatewaySubnet/);
});

test('a reserved subnet declared as a node subnet', () => {
  expect(build({ nodeSubnets: [{ id: '/x/subnets/AzureBastionSubnet', name: 'AzureBastionSubnet', addressPrefixes: ['10.0.1.0/26'] }] })).toThrow(/EgressFirewall 'egress': prop 'nodeSubnets\[0\]\.name' = 'AzureBastionSubnet'/);
});

test('a public registry allowed without a reason', () => {
  const fw = build({})();
  expect(() => fw.allowFqdns('dockerhub', { fqdns: ['docker.io'], protocols: https })).toThrow(/EgressFirewall 'egress': prop 'allowFqdns\('dockerhub'\)\.fqdns'.*public registry/);
});

test('container-registry feature without hosts nor private link', () => {
  const fw = build({})();
  expect(() => fw.allowFeature('container-registry')).toThrow(/EgressFirewall 'egress': prop 'allowFeature\('container-registry'\)\.hosts'.*privateLink/);
});

test('a rule to the registry while it is reached by private link', () => {
  const fw = build({ features: ['aks-core'] })();
  fw.allowFeature('container-registry', { privateLink: true });
  expect(() => fw.allowFqdns('acr', { fqdns: ['acrplat.azurecr.io'], protocols: https })).toThrow(/EgressFirewall 'egress': prop 'allowFqdns\('acr'\)\.fqdns'.*private link/);
});

test('an unknown feature', () => {
  expect(build({ features: ['aks-core', 'telemetry' as never] })).toThrow(/EgressFirewall 'egress': prop 'features' = 'telemetry' is not an egress feature/);
});

test('neither a hub nor an existing hub', () => {
  expect(build({ hubNetwork: undefined })).toThrow(/EgressFirewall 'egress': prop 'hubNetwork'.*existingHubNetwork/);
});

test('DNS proxy servers that are not IP addresses', () => {
  expect(build({ dnsServers: ['10.0.0.4', 'dns.contoso.com'] })).toThrow(/EgressFirewall 'egress': prop 'dnsServers\[1\]' = 'dns\.contoso\.com' is not an IPv4 address/);
  expect(build({ dnsServers: ['10.0.0.4', '168.63.129.16'] })).not.toThrow();
});

test('a region that does not exist, for the firewall or the cluster', () => {
  expect(build({ location: 'westeurop' })).toThrow(/EgressFirewall 'egress': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/);
  expect(build({ clusterLocation: 'northeurop' })).toThrow(/EgressFirewall 'egress': prop 'clusterLocation' = 'northeurop' is not an Azure region\. Fix: did you mean 'northeurope'/);
});

test('a zone-redundant firewall in a region without zones, and a short reason for going without', () => {
  expect(build({ location: 'ukwest', clusterLocation: 'ukwest' })).toThrow(/EgressFirewall 'egress': prop 'location' = 'ukwest' asks for a zone-redundant firewall .*, but ukwest has no availability zones\. Fix: set withoutZones/);
  expect(build({ location: 'ukwest', clusterLocation: 'ukwest', withoutZones: { reason: 'no' } })).toThrow(/EgressFirewall 'egress': prop 'withoutZones\.reason' = 'no' is not a reason a reviewer can judge \(too short\)/);
  expect(build({ location: 'ukwest', clusterLocation: 'ukwest', withoutZones: { reason: 'ukwest has no availability zones' } })).not.toThrow();
});

test('a hub address space AKS reserves', () => {
  expect(build({ hubNetwork: { name: 'vnet-hub', addressSpace: ['172.31.0.0/22'] }, firewallSubnet: { addressPrefix: '172.31.0.0/26' } })).toThrow(
    /EgressFirewall 'egress': prop 'hubNetwork\.addressSpace\[0\]' = '172\.31\.0\.0\/22' overlaps 172\.31\.0\.0\/16, which AKS reserves/,
  );
});

test('a spoke or node subnet region that does not exist', () => {
  expect(() => {
    const s = stack();
    const props = baseProps({ ...spokeProps(spoke(s)) });
    return new EgressFirewall(s, 'egress', { ...props, spokes: (props.spokes ?? []).map((p) => ({ ...p, location: 'westeurop' })) });
  }).toThrow(/EgressFirewall 'egress': prop 'spokes\[0\]\.location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/);
});
