/**
 * Bad input (issue 2 §5): each case throws at construction with a message naming the construct,
 * the prop, the bad value and the fix. One test per case.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Lazy, TerraformVariable, Testing } from 'cdktf';
import { SecureAksCluster, SecureAksClusterProps } from '../../lib/cluster';
import { KUBERNETES_VERSIONS } from '../../lib/core/kubernetes-versions';
import { docOf, testStack } from '../support/synth';
import { baseProps, clusterDoc, clusterValues } from './fixtures';

/** A function that builds the cluster with `overrides` (for expect(...).toThrow). */
function build(overrides: Partial<SecureAksClusterProps>): () => SecureAksCluster {
  return () => new SecureAksCluster(testStack(), 'aks', baseProps(overrides));
}

const REASON = 'Accepted by the security review board in ticket SEC-42';

describe('SecureAksCluster bad input', () => {
  test('invalid cluster name', () => {
    expect(build({ name: '-aks' })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'name' = '-aks' is not a valid AKS cluster name\. Fix: use 1-63 characters/);
  });

  test('cluster name longer than 63 characters', () => {
    expect(build({ name: 'a'.repeat(64) })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'name' = 'a{64}'/);
  });

  test('invalid DNS prefix', () => {
    expect(build({ dnsPrefix: 'aks_prod' })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'dnsPrefix' = 'aks_prod' is not a valid DNS prefix/);
  });

  test('invalid system pool name', () => {
    expect(build({ systemPool: { name: 'System-Pool' } })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'systemPool\.name' = 'System-Pool' is not a valid Linux node pool name \(lowercase letters and digits, starting with a letter, at most 12 characters\)\. Fix: /);
  });

  test('temporary rotation name equal to the pool name', () => {
    expect(build({ systemPool: { name: 'sys', temporaryNameForRotation: 'sys' } })).toThrow(/prop 'systemPool\.temporaryNameForRotation' = 'sys' equals the pool name/);
  });

  test('malformed pod CIDR', () => {
    expect(build({ podCidr: '100.64.0.0/33' })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'podCidr' = '100\.64\.0\.0\/33' is not a well-formed IPv4 CIDR block/);
  });

  test('CIDR with host bits set', () => {
    expect(build({ serviceCidr: '100.65.0.1/16', dnsServiceIp: '100.65.0.10' })).toThrow(/prop 'serviceCidr' = '100\.65\.0\.1\/16' is not a well-formed/);
  });

  test('malformed VNet address space', () => {
    expect(build({ vnetAddressSpaces: ['10.10.0.0'] })).toThrow(/prop 'vnetAddressSpaces\[0\]' = '10\.10\.0\.0' is not a well-formed/);
  });

  test('pod range overlapping the service range', () => {
    expect(build({ podCidr: '100.64.0.0/14', serviceCidr: '100.65.0.0/16' })).toThrow(/prop 'serviceCidr' = '100\.65\.0\.0\/16' overlaps podCidr 100\.64\.0\.0\/14/);
  });

  test('pod range overlapping the VNet', () => {
    expect(build({ podCidr: '10.10.128.0/17' })).toThrow(/prop 'podCidr' = '10\.10\.128\.0\/17' overlaps the VNet address space 10\.10\.0\.0\/16 \(vnetAddressSpaces\[0\]\)/);
  });

  test('service range overlapping the VNet', () => {
    expect(build({ serviceCidr: '10.10.0.0/20', dnsServiceIp: '10.10.0.10' })).toThrow(/prop 'serviceCidr' = '10\.10\.0\.0\/20' overlaps the VNet address space/);
  });

  test('range overlapping an AKS reserved range', () => {
    expect(build({ podCidr: '172.30.0.0/16' })).toThrow(/prop 'podCidr' = '172\.30\.0\.0\/16' overlaps 172\.30\.0\.0\/16, which AKS reserves/);
  });

  test('service range larger than /12', () => {
    expect(build({ serviceCidr: '100.96.0.0/11', dnsServiceIp: '100.96.0.10' })).toThrow(/prop 'serviceCidr' = '100\.96\.0\.0\/11' is larger than \/12/);
  });

  test('dns_service_ip outside the service range', () => {
    expect(build({ dnsServiceIp: '100.66.0.10' })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'dnsServiceIp' = '100\.66\.0\.10' is outside serviceCidr 100\.65\.0\.0\/16\. Fix: /);
  });

  test('dns_service_ip on the first address of the service range', () => {
    expect(build({ dnsServiceIp: '100.65.0.1' })).toThrow(/prop 'dnsServiceIp' = '100\.65\.0\.1' is the network, broadcast or first address/);
  });

  test('autoscaling min greater than max', () => {
    expect(build({ systemPool: { minCount: 5, maxCount: 3 } })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'systemPool\.minCount' = 5 is greater than maxCount 3/);
  });

  test('autoscaling without bounds (only one bound given)', () => {
    expect(build({ systemPool: { minCount: 2 } })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'systemPool\.maxCount' = undefined is missing: autoscaling needs both bounds/);
  });

  test('node count outside the autoscaling bounds', () => {
    expect(build({ systemPool: { minCount: 3, maxCount: 6, nodeCount: 9 } })).toThrow(/prop 'systemPool\.nodeCount' = 9 is outside the autoscaling bounds 3-6/);
  });

  test('max pods above the overlay maximum', () => {
    expect(build({ systemPool: { maxPods: 251 } })).toThrow(/prop 'systemPool\.maxPods' = 251 is outside 30-250/);
  });

  test('ephemeral OS disk that does not fit the VM', () => {
    expect(build({ systemPool: { vmSize: 'Standard_D2ds_v5', osDiskType: 'Ephemeral', osDiskSizeGb: 128 } })).toThrow(/SecureAksCluster '[^']+': prop 'systemPool\.osDiskType' = 'Ephemeral' needs 128 GiB but Standard_D2ds_v5 can hold an ephemeral OS disk of at most 75 GiB/);
  });

  test('public API server without authorized ranges', () => {
    expect(build({ publicApiServer: { reason: REASON, authorizedIpRanges: [] } })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'publicApiServer\.authorizedIpRanges' = \[\] is empty: a public API server needs authorized IP ranges/);
  });

  test('public API server open to 0.0.0.0/0', () => {
    expect(build({ publicApiServer: { reason: REASON, authorizedIpRanges: ['203.0.113.0/24', '0.0.0.0/0'] } })).toThrow(/prop 'publicApiServer\.authorizedIpRanges\[1\]' = '0\.0\.0\.0\/0' opens the API server to the whole Internet/);
  });

  test('public API server without a reason', () => {
    expect(build({ publicApiServer: { reason: '', authorizedIpRanges: ['203.0.113.0/24'] } })).toThrow(/prop 'publicApiServer\.reason' = '' is missing or too short/);
  });

  test('workload identity without the OIDC issuer', () => {
    expect(build({ oidcIssuerEnabled: false })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'oidcIssuerEnabled' = false is off while Workload Identity is on/);
  });

  test('a versionless KMS key id', () => {
    expect(build({ kms: { keyVaultKeyId: 'https://kv-aks-prod.vault.azure.net/keys/etcd' } })).toThrow(
      /SecureAksCluster(?: '[^']+')?: prop 'kms\.keyVaultKeyId' = 'https:\/\/kv-aks-prod\.vault\.azure\.net\/keys\/etcd' is not a versioned Key Vault key id/,
    );
  });

  test('upgrade channel none without a waiver reason', () => {
    expect(build({ upgradeChannel: 'none' as never })).toThrow(
      /SecureAksCluster(?: '[^']+')?: prop 'upgradeChannel' = 'none' turns cluster auto-upgrade off without a reason\. Fix: give upgradeChannel: \{ channel: 'none', reason/,
    );
    expect(build({ upgradeChannel: { channel: 'none', reason: 'todo' } })).toThrow(/prop 'upgradeChannel\.reason' = 'todo' is not a reason a reviewer can judge/);
    expect(build({ upgradeChannel: { channel: 'patch' as 'none', reason: 'Upgrades are driven by the release train' } })).toThrow(/prop 'upgradeChannel\.channel' = 'patch' is not a loosening of upgradeChannel/);
  });

  test('node OS channel None without a reason', () => {
    expect(build({ nodeOsUpgradeChannel: 'None' as never })).toThrow(/prop 'nodeOsUpgradeChannel' = 'None' turns managed node OS patching off without a reason/);
    expect(build({ nodeOsUpgradeChannel: { channel: 'Unmanaged', reason: '' } })).toThrow(/prop 'nodeOsUpgradeChannel\.reason' = '' is missing or too short/);
  });

  test('node-image upgrade channel with a SecurityPatch node OS channel', () => {
    expect(build({ upgradeChannel: 'node-image', nodeOsUpgradeChannel: 'SecurityPatch' })).toThrow(/prop 'nodeOsUpgradeChannel' = 'SecurityPatch' must be 'NodeImage'/);
  });

  test('Free tier without a reason', () => {
    expect(build({ skuTier: 'Free' as never })).toThrow(/prop 'skuTier' = 'Free' turns the uptime SLA off \(Free tier\) without a reason/);
    expect(build({ skuTier: { tier: 'Free', reason: 'x' } })).toThrow(/prop 'skuTier\.reason' = 'x' is not a reason a reviewer can judge/);
  });

  test('an empty admin group list', () => {
    expect(build({ adminGroupObjectIds: [] })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'adminGroupObjectIds' = \[\] is empty: with local accounts disabled, nobody could administer the cluster/);
  });

  test('an admin group that is not a GUID', () => {
    expect(build({ adminGroupObjectIds: ['platform-admins'] })).toThrow(/prop 'adminGroupObjectIds\[0\]' = 'platform-admins' is not a GUID\. Fix: give an Entra group object id as a GUID/);
  });

  test('a private DNS zone that is not an AKS privatelink zone', () => {
    expect(build({ privateDnsZoneId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/contoso.com' })).toThrow(/prop 'privateDnsZoneId' = .* is neither "System", "None" nor the id of a privatelink/);
  });

  test('a maintenance window shorter than 4 hours', () => {
    expect(build({ autoUpgradeWindow: { dayOfWeek: 'Sunday', durationHours: 2 } })).toThrow(/prop 'autoUpgradeWindow\.durationHours' = 2 is outside 4-24 hours/);
  });

  test('a maintenance window start time that is not HH:mm', () => {
    expect(build({ nodeOsUpgradeWindow: { dayOfWeek: 'Saturday', startTime: '2am' } })).toThrow(/prop 'nodeOsUpgradeWindow\.startTime' = '2am' is not HH:mm/);
  });

  test('a literal Windows admin password', () => {
    expect(build({ windowsProfile: { adminUsername: 'aksadmin', adminPasswordReference: 'P@ssw0rd-in-clear-text!' } })).toThrow(/prop 'windowsProfile\.adminPasswordReference' = '\(a literal string, not shown\)' is a literal password/);
  });

  test('a Windows admin user name AKS refuses (reserved, or ending in ".")', () => {
    const password = Lazy.stringValue({ produce: () => 'resolved at apply' });
    expect(build({ windowsProfile: { adminUsername: 'Administrator', adminPasswordReference: password } })).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'windowsProfile\.adminUsername' = 'Administrator' is a name AKS refuses/);
    expect(build({ windowsProfile: { adminUsername: 'aksadmin.', adminPasswordReference: password } })).toThrow(/prop 'windowsProfile\.adminUsername' = 'aksadmin\.' is a name AKS refuses/);
  });

  test('an unknown or typo\'d VM size is an error naming the prop, with the nearest size', () => {
    expect(build({ systemPool: { vmSize: 'Standard_D4ds_v9' } })).toThrow(/SecureAksCluster 'aks': prop 'systemPool\.vmSize' = 'Standard_D4ds_v9' is not a VM size Azure offers\. Fix: did you mean 'Standard_D4ds_v[4-6]'\?/);
    expect(build({ systemPool: { vmSize: 'Standard_Z9_v9' } })).toThrow(/prop 'systemPool\.vmSize' = 'Standard_Z9_v9' is not a VM size Azure offers\. Fix: give a size name/);
    expect(build({ systemPool: { vmSize: 'Standard_E8-4ds_v5' } })).not.toThrow();
  });

  test('a system pool below the AKS minimum of 2 vCPUs and 4 GiB', () => {
    expect(build({ systemPool: { vmSize: 'Standard_DS1_v2' } })).toThrow(/prop 'systemPool\.vmSize' = 'Standard_DS1_v2' has 1 vCPU and 3.5 GiB, below the AKS minimum for a system pool \(2 vCPUs, 4 GiB\)/);
    expect(build({ systemPool: { vmSize: 'Standard_A1_v2' } })).toThrow(/has 1 vCPU and 2 GiB, below the AKS minimum/);
    expect(build({ systemPool: { vmSize: 'Standard_F2s_v2' } })).not.toThrow();
    expect(build({ systemPool: { vmSize: 'Standard_D2ds_v5' } })).not.toThrow();
  });

  test('Kubernetes versions: syntax, and the supported window with an explicit override', () => {
    expect(build({ kubernetesVersion: 'v1.33' })).toThrow(/SecureAksCluster 'aks': prop 'kubernetesVersion' = 'v1.33' is not a Kubernetes version\. Fix: write 'major.minor' or 'major.minor.patch' without a 'v', e.g. '1.33'/);
    expect(build({ kubernetesVersion: '1.27' })).toThrow(/prop 'kubernetesVersion' = '1.27' is no longer supported by AKS \(supported: .* as of \d{4}-\d\d-\d\d\)/);
    expect(build({ kubernetesVersion: '1.27' })).toThrow(/Fix: .* give kubernetesVersion: \{ version: '1\.27', reason: '<why>' \}/);
    expect(build({ kubernetesVersion: { version: '1.27', reason: 'short' } })).toThrow(/SecureAksCluster 'aks': prop 'kubernetesVersion\.reason' = 'short' is not a reason a reviewer can judge/);
    expect(build({ kubernetesVersion: { version: '1.27', reason: '' } })).toThrow(/SecureAksCluster 'aks': prop 'kubernetesVersion\.reason' = '' is missing or too short/);
    expect(build({ kubernetesVersion: { version: KUBERNETES_VERSIONS.newest, reason: REASON } })).toThrow(/SecureAksCluster 'aks': prop 'kubernetesVersion\.version' = '[\d.]+' is inside the supported window .* Fix: give the plain version, kubernetesVersion: '[\d.]+'/);
    expect(build({ kubernetesVersion: KUBERNETES_VERSIONS.oldest })).not.toThrow();
  });

  test('authorized IP ranges whose union is the whole Internet', () => {
    expect(build({ publicApiServer: { reason: 'Build agents outside the network until Q3', authorizedIpRanges: ['0.0.0.0/1', '128.0.0.0/1'] } })).toThrow(
      /SecureAksCluster 'aks': prop 'publicApiServer\.authorizedIpRanges' = \["0.0.0.0\/1","128.0.0.0\/1"\] together cover every public address: the API server would be open to the whole Internet/,
    );
    expect(build({ publicApiServer: { reason: 'Build agents outside the network until Q3', authorizedIpRanges: ['0.0.0.0/1', '203.0.113.0/24'] } })).not.toThrow();
  });

  test('a region that does not exist, zones where the region has none, a rotation interval in words', () => {
    expect(build({ location: 'westeurop' })).toThrow(/SecureAksCluster 'aks': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/);
    expect(build({ location: 'ukwest', systemPool: { zones: ['1', '2', '3'] } })).toThrow(/prop 'systemPool\.zones' = \["1","2","3"\] asks for availability zones, but ukwest has no availability zones/);
    expect(clusterValues(clusterDoc({ location: 'ukwest' })).default_node_pool.zones).toBeUndefined();
    expect(build({ secretRotationInterval: '2 minutes' })).toThrow(/prop 'secretRotationInterval' = '2 minutes' is not a duration\. Fix: write it as a number and a unit without spaces/);
    expect(build({ systemPool: { maxSurge: '200%' } })).toThrow(/prop 'systemPool\.maxSurge' = '200%' is not/);
  });

  test('a node resource group equal to a resource group the stack creates', () => {
    const stack = testStack();
    new ResourceGroup(stack, 'rg', { name: 'rg-aks-nodes', location: 'westeurope' });
    new SecureAksCluster(stack, 'aks', baseProps({ nodeResourceGroup: 'RG-aks-nodes' }));
    expect(() => docOf(stack)).toThrow(/SecureAksCluster 'aks': prop 'nodeResourceGroup' = 'RG-aks-nodes' is a resource group this stack creates/);
    expect(() => clusterDoc({ nodeResourceGroup: 'MC_rg-aks-nodes' })).not.toThrow();
  });

  test('unresolved tokens are not validated at synth', () => {
    const stack = testStack();
    const token = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    expect(
      () =>
        new SecureAksCluster(stack, 'aks', baseProps({ name: token, nodeSubnetId: token, podCidr: token, dnsServiceIp: token, adminGroupObjectIds: [token], kms: { keyVaultKeyId: token }, privateDnsZoneId: token })),
    ).not.toThrow();
    const cluster = JSON.parse(Testing.synth(stack)).resource.azurerm_kubernetes_cluster.aks_Cluster_92087FF7;
    expect(cluster.dns_prefix).toBe('${var.v}');
    expect(cluster.network_profile.pod_cidr).toBe('${var.v}');
  });

  test('a loosening reason that is too short', () => {
    expect(build({ disableKeda: { reason: 'no' } })).toThrow(/prop 'disableKeda\.reason' = 'no' is not a reason a reviewer can judge/);
  });
});
