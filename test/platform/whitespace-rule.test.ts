import { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack } from 'cdktf';
import { describeItem } from '../support/items';
import { synthDoc } from '../support/synth';

function cluster(stack: TerraformStack, resourceGroupName: string): void {
  new KubernetesCluster(stack, 'aks', {
    name: 'aks',
    location: 'westeurope',
    resourceGroupName,
    dnsPrefix: 'aks',
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
    identity: { type: 'SystemAssigned' },
  });
}

describeItem('disaster-recovery/whitespace-deployment', {
  compliant: {
    'cluster in a resource group the stack creates, reading only the caller context': () =>
      synthDoc((s) => {
        new DataAzurermClientConfig(s, 'current');
        cluster(s, new ResourceGroup(s, 'rg', { name: 'rg-aks', location: 'westeurope' }).name);
      }),
  },
  nonCompliant: {
    'cluster in a resource group that must already exist': () => synthDoc((s) => cluster(s, 'rg-precreated')),
    'reads a pre-existing resource group through a data source': () =>
      synthDoc((s) => {
        const existing = new DataAzurermResourceGroup(s, 'existing', { name: 'rg-precreated' });
        new ResourceGroup(s, 'rg', { name: 'rg-aks', location: existing.location });
        cluster(s, 'rg-aks');
      }),
  },
  notApplicable: { 'no cluster': () => synthDoc((s) => void new ResourceGroup(s, 'rg', { name: 'rg', location: 'westeurope' })) },
});
