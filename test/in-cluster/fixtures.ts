/**
 * Shared inputs for the in-cluster tests: a raw AKS cluster, a ClusterBaseline with two tenants,
 * and documents that carry the rendered manifests.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { TerraformStack } from 'cdktf';
import type { KubernetesObject } from '../../lib/core/terraform-document';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { ClusterBaseline, ClusterBaselineProps, manifestsOf, TenantNamespaceProps } from '../../lib/in-cluster';
import { docOf, testStack } from '../support/synth';

export const CLUSTER = 'aks-prod-weu';
export const GROUP_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const GROUP_B = 'bbbbbbbb-0000-4000-8000-000000000002';
export const READERS = 'cccccccc-0000-4000-8000-000000000003';
export const REASON = 'Accepted by the security review board in ticket SEC-42';

/** A valid tenant. */
export function tenant(name: string, overrides: Partial<TenantNamespaceProps> = {}): TenantNamespaceProps {
  return {
    name,
    owners: [name === 'team-b' ? GROUP_B : GROUP_A],
    labels: { owner: name, costCenter: 'cc-1001', dataClassification: 'internal' },
    ...overrides,
  };
}

/** The two tenants of the compliant stack. */
export function twoTenants(overrides: Partial<TenantNamespaceProps> = {}): TenantNamespaceProps[] {
  return [tenant('team-a', overrides), tenant('team-b', { readers: [READERS], ...overrides })];
}

/** A cluster written with the raw provider resource (tags cover the Azure side of resource-labels). */
export function rawCluster(stack: TerraformStack, networkPolicy = 'cilium', name = CLUSTER): KubernetesCluster {
  return new KubernetesCluster(stack, `aks-${name}`, {
    name,
    location: 'westeurope',
    resourceGroupName: 'rg-aks',
    dnsPrefix: name,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
    identity: { type: 'SystemAssigned' },
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkPolicy, networkDataPlane: networkPolicy === 'cilium' ? 'cilium' : 'azure' },
    tags: { owner: 'platform', 'cost-center': 'cc-1001', 'data-classification': 'internal', environment: 'prod' },
  });
}

/** A Windows node pool on a cluster. */
export function windowsPool(stack: TerraformStack, cluster: KubernetesCluster): KubernetesClusterNodePool {
  return new KubernetesClusterNodePool(stack, 'win', { name: 'win1', kubernetesClusterId: cluster.id, vmSize: 'Standard_D4ds_v5', osType: 'Windows', nodeCount: 1 });
}

/** Synthesizes a stack and reads it with the manifests its baselines render. */
export function docWithManifests(build: (stack: TerraformStack) => void): TerraformDocument {
  const stack = testStack();
  build(stack);
  const doc = docOf(stack);
  return new TerraformDocument(doc.json, doc.name, manifestsOf(stack));
}

/** A raw cluster and a ClusterBaseline with two tenants. */
export function baselineDoc(props: Partial<ClusterBaselineProps> = {}, extra?: (stack: TerraformStack, cluster: KubernetesCluster) => void): TerraformDocument {
  return docWithManifests((stack) => {
    const cluster = rawCluster(stack);
    new ClusterBaseline(stack, 'baseline', { clusterName: CLUSTER, tenants: twoTenants(), ...props });
    extra?.(stack, cluster);
  });
}

/** A copy of a document with its manifests edited (drop an object by returning undefined). */
export function editManifests(doc: TerraformDocument, edit: (o: any) => any): TerraformDocument {
  const objects = (JSON.parse(JSON.stringify(doc.manifests)) as KubernetesObject[]).map(edit).filter((o) => o !== undefined);
  return new TerraformDocument(doc.json, doc.name, objects);
}

/** Drops the objects of a kind (and, optionally, name). */
export function without(doc: TerraformDocument, kind: string, name?: string): TerraformDocument {
  return editManifests(doc, (o) => (o.kind === kind && (name === undefined || o.metadata.name === name) ? undefined : o));
}
