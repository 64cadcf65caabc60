/**
 * Test stacks for the policy concern: a plain azurerm cluster (the policy rules read any Terraform
 * JSON, so the cluster need not be SecureAksCluster) with ClusterPolicies on it.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack } from 'cdktf';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { ClusterGovernance, ClusterGovernanceProps } from '../../lib/policy/cluster-governance';
import { ClusterPolicies, ClusterPoliciesProps } from '../../lib/policy/cluster-policies';
import { synthDoc } from '../support/synth';

export const REGISTRY = 'myacr.azurecr.io';

/** A cluster with the Azure Policy add-on (or without, with `addOn: false`). */
export function cluster(stack: TerraformStack, addOn = true): KubernetesCluster {
  if (!stack.node.tryFindChild('azurerm')) {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  }
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-aks', location: 'westeurope' });
  return new KubernetesCluster(stack, 'aks', {
    name: 'aks-test',
    location: rg.location,
    resourceGroupName: rg.name,
    dnsPrefix: 'akstest',
    azurePolicyEnabled: addOn,
    identity: { type: 'SystemAssigned' },
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
  });
}

const cache = new Map<string, TerraformDocument>();

/**
 * The cluster with ClusterPolicies on it, with `props` over the defaults. Documents are read-only
 * (mutate() copies), so one synthesis per distinct input serves every test of the file.
 */
export function policiesDoc(props: Partial<ClusterPoliciesProps> = {}, options: PolicyStackOptions = {}): TerraformDocument {
  const key = options.after ? undefined : JSON.stringify([props, options.addOn ?? true, options.governance ?? null]);
  const cached = key === undefined ? undefined : cache.get(key);
  if (cached) {
    return cached;
  }
  const doc = synthPolicies(props, options);
  if (key !== undefined) {
    cache.set(key, doc);
  }
  return doc;
}

/** Options of the policy test stack. */
export interface PolicyStackOptions {
  /** Whether the cluster runs the Azure Policy add-on. */
  readonly addOn?: boolean;
  /** ClusterGovernance on the cluster's resource group, with these props (the resource group id is set). */
  readonly governance?: Partial<ClusterGovernanceProps>;
  readonly after?: (p: ClusterPolicies) => void;
}

function synthPolicies(props: Partial<ClusterPoliciesProps>, options: PolicyStackOptions): TerraformDocument {
  return synthDoc((stack) => {
    const aks = cluster(stack, options.addOn ?? true);
    const policies = new ClusterPolicies(stack, 'policies', { clusterId: aks.id, allowedRegistries: [REGISTRY], ...props });
    if (options.governance) {
      const rg = stack.node.findChild('rg') as ResourceGroup;
      new ClusterGovernance(stack, 'governance', { ...(options.governance.scope === 'subscription' ? {} : { resourceGroupId: rg.id }), ...options.governance });
    }
    options.after?.(policies);
  });
}

/** The cluster alone, without any policy assignment. */
export function bareClusterDoc(): TerraformDocument {
  return synthDoc((stack) => {
    cluster(stack);
  });
}
