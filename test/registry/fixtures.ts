/**
 * Shared test stacks for the registry concern.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { TerraformStack } from 'cdktf';
import { PrivateRegistry, PrivateRegistryProps } from '../../lib/registry';
import { synthDoc } from '../support/synth';
import type { TerraformDocument } from '../../lib/core/terraform-document';

export const SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke/subnets/endpoints';
export const VNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';
export const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs';
export const PRINCIPAL = '11111111-2222-3333-4444-555555555555';

/** The minimal valid props: a registry in West Europe with its endpoint and one linked VNet. */
export const BASE: PrivateRegistryProps = {
  name: 'contosoplatform',
  resourceGroupName: 'rg',
  location: 'westeurope',
  privateEndpoint: { subnetId: SUBNET },
  dnsVirtualNetworkIds: [VNET],
};

/** Builds a registry with BASE overridden by `props`. */
export function registry(stack: TerraformStack, props: Partial<PrivateRegistryProps> = {}): PrivateRegistry {
  return new PrivateRegistry(stack, 'acr', { ...BASE, ...props });
}

/** Synthesizes a registry (and optionally more) into a document. */
export function registryDoc(props: Partial<PrivateRegistryProps> = {}, more?: (stack: TerraformStack, acr: PrivateRegistry) => void): TerraformDocument {
  return synthDoc((stack) => {
    const acr = registry(stack, props);
    more?.(stack, acr);
  });
}

/** A bare cluster with a system-assigned kubelet identity (enough for reference-based rules). */
export function cluster(stack: TerraformStack): KubernetesCluster {
  return new KubernetesCluster(stack, 'aks', {
    name: 'aks',
    resourceGroupName: 'rg',
    location: 'westeurope',
    dnsPrefix: 'aks',
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
    identity: { type: 'SystemAssigned' },
  });
}

/** The single resource of a type, by Terraform type. */
export function only(doc: TerraformDocument, type: string): Record<string, any> {
  const found = doc.resources(type);
  if (found.length !== 1) {
    throw new Error(`expected one ${type}, found ${found.length}`);
  }
  return found[0].values as Record<string, any>;
}
