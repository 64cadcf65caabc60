import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { TerraformStack } from 'cdktf';
import { RequiredTags } from '../../lib/platform/tags';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';

const TAGS = { owner: 'platform-team', environment: 'prod', 'cost-center': 'cc-1234', 'data-classification': 'confidential' };

function tagged(stack: TerraformStack, tags: Record<string, string> = TAGS): void {
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-a', location: 'westeurope' });
  new UserAssignedIdentity(stack, 'id', { name: 'id-a', location: 'westeurope', resourceGroupName: rg.name, tags: { workload: 'aks' } });
  new Subnet(stack, 'snet', { name: 'snet', resourceGroupName: rg.name, virtualNetworkName: 'vnet', addressPrefixes: ['10.0.0.0/24'] });
  RequiredTags.apply(stack, { tags });
}

/** A raw cluster with its own tags and its system pool's tags. */
function cluster(stack: TerraformStack, options: { tags?: Record<string, string>; poolTags?: Record<string, string> }): void {
  new KubernetesCluster(stack, 'aks', {
    name: 'aks',
    location: 'westeurope',
    resourceGroupName: 'rg-a',
    dnsPrefix: 'aks',
    identity: { type: 'SystemAssigned' },
    tags: options.tags,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3, tags: options.poolTags },
  });
}

describe('RequiredTags', () => {
  test('puts the tags on every taggable resource, keeping the resource\'s own, and none on untaggable ones', () => {
    const doc = synthDoc((s) => tagged(s));
    expect(doc.block('azurerm_resource_group.rg')!.values.tags).toEqual(TAGS);
    expect(doc.block('azurerm_user_assigned_identity.id')!.values.tags).toEqual({ ...TAGS, workload: 'aks' });
    expect(doc.block('azurerm_subnet.snet')!.values.tags).toBeUndefined();
  });

  test("tags a cluster's system pool VMs (default_node_pool.tags) too, keeping the pool's own", () => {
    const doc = synthDoc((s) => {
      cluster(s, { poolTags: { pool: 'system' } });
      RequiredTags.apply(s, { tags: TAGS });
    });
    expect(doc.block('azurerm_kubernetes_cluster.aks')!.values.default_node_pool).toMatchObject({ tags: { ...TAGS, pool: 'system' } });
  });

  test('records the required keys in the stack metadata', () => {
    const doc = synthDoc((s) => tagged(s));
    expect(doc.metadata('aksRequiredTagKeys')).toEqual(['owner', 'environment', 'cost-center', 'data-classification']);
  });

  test('a required key without a value is an error naming the key', () => {
    expect(() => synthDoc((s) => tagged(s, { ...TAGS, owner: ' ' }))).toThrow(/RequiredTags 'test': prop 'tags.owner'.*required tag key without a value/);
  });

  test('a resource that blanks a required key is an error', () => {
    expect(() =>
      synthDoc((s) => {
        tagged(s);
        new ResourceGroup(s, 'rg2', { name: 'rg-b', location: 'westeurope', tags: { environment: '' } });
      }),
    ).toThrow(/ResourceGroup 'rg2': prop 'tags.environment' = '' blanks the required tag 'environment'/);
  });

  test('more than 50 tags, on the platform or once merged with a resource\'s own', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(() => synthDoc((s) => tagged(s, { ...TAGS, ...many(47) }))).toThrow(/RequiredTags 'test': prop 'tags' = '51 tags' has more than the 50 tags Azure allows on a resource/);
    expect(() => synthDoc((s) => tagged(s, { ...TAGS, ...many(46) }))).toThrow(/UserAssignedIdentity 'id': prop 'tags' = '51 tags' has more than the 50 tags/);
    expect(() => synthDoc((s) => tagged(s, { ...TAGS, ...many(45) }))).not.toThrow();
  });

  test('a tag key over 128 characters on a storage account, and a value over 256', () => {
    const key = 'k'.repeat(129);
    expect(() =>
      synthDoc((s) => {
        tagged(s, { ...TAGS, [key]: 'v' });
        new StorageAccount(s, 'sa', { name: 'stabc', resourceGroupName: 'rg-a', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS' });
      }),
    ).toThrow(/StorageAccount 'sa': prop 'tags\.k+…' = '129 characters' is longer than the 128 characters Azure allows in a tag key of a storage account/);
    expect(() => synthDoc((s) => tagged(s, { ...TAGS, owner: 'x'.repeat(257) }))).toThrow(/prop 'tags\.owner' = .* is longer than the 256 characters Azure allows in a tag value/);
  });

  test('an invalid Azure tag name is an error', () => {
    expect(() => synthDoc((s) => tagged(s, { ...TAGS, 'a/b': 'x' }))).toThrow(/RequiredTags 'test': prop 'tags.a\/b' = 'a\/b' is a tag key with '\/', which Azure forbids in keys/);
  });
});

describeItem('development/resource-tags', {
  compliant: { 'RequiredTags on the stack': () => synthDoc((s) => tagged(s)) },
  nonCompliant: {
    'a resource without the cost-center tag': () =>
      mutate(synthDoc((s) => tagged(s)), (j) => delete j.resource.azurerm_user_assigned_identity.id.tags['cost-center']),
    'no tags at all': () => synthDoc((s) => void new ResourceGroup(s, 'rg', { name: 'rg-a', location: 'westeurope' })),
    "a cluster whose system pool VMs are untagged": () =>
      synthDoc((s) => cluster(s, { tags: TAGS })),
  },
  notApplicable: { 'only untaggable resources': () => synthDoc((s) => void new Subnet(s, 'snet', { name: 's', resourceGroupName: 'rg', virtualNetworkName: 'v', addressPrefixes: ['10.0.0.0/24'] })) },
  recommended: {
    // Azure treats tag keys case-insensitively: the item is met, the exact key is this library's convention.
    "'Environment' for the required 'environment'": () =>
      mutate(synthDoc((s) => tagged(s)), (j) => {
        for (const byName of Object.values(j.resource) as Record<string, { tags?: Record<string, string> }>[]) {
          for (const r of Object.values(byName).filter((b) => b.tags?.environment !== undefined)) {
            const { environment, ...rest } = r.tags!;
            r.tags = { ...rest, Environment: environment };
          }
        }
      }),
  },
});

describeItem('operations/resource-labels', {
  compliant: { 'business, security and technical tags': () => synthDoc((s) => tagged(s)) },
  nonCompliant: {
    'no security tag': () => mutate(synthDoc((s) => tagged(s)), (j) => delete j.resource.azurerm_resource_group.rg.tags['data-classification']),
  },
});
