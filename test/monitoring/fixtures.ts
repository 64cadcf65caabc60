/**
 * Fixtures of the monitoring tests: the alerting baseline on a cluster.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { TerraformStack } from 'cdktf';
import { ClusterMonitoring, ClusterMonitoringProps, OperationsAlerting, OperationsAlertingProps, SecureLogAnalyticsWorkspace } from '../../lib/monitoring';

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const RG_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-platform`;
export const EVENT_HUB_ID = `${RG_ID}/providers/Microsoft.EventHub/namespaces/evhns-ops/eventhubs/alerts`;

/** OperationsAlerting on a cluster of the stack, its outbound through the AKS load balancer. */
export function addAlerting(stack: TerraformStack, cluster: KubernetesCluster, monitoring: ClusterMonitoring, overrides: Partial<OperationsAlertingProps> = {}): OperationsAlerting {
  return new OperationsAlerting(stack, 'Alerting', {
    resourceGroupName: 'rg-platform',
    location: 'westeurope',
    actionGroupName: 'ag-platform-weu',
    actionGroupShortName: 'plat-prod',
    name: 'alert-platform-weu',
    systemTopicName: 'evgt-platform-weu',
    subscriptionId: SUBSCRIPTION,
    clusterId: cluster.id,
    clusterName: cluster.name,
    monitorWorkspaceId: monitoring.prometheus.monitorWorkspace.id,
    outboundLoadBalancerId: `${cluster.nodeResourceGroupId}/providers/Microsoft.Network/loadBalancers/kubernetes`,
    resourceGroupIds: [RG_ID],
    receivers: { emails: ['platform-oncall@contoso.com'], eventHubs: [{ eventHubId: EVENT_HUB_ID }] },
    ...overrides,
  });
}

/** What monitoredCluster builds. */
export interface MonitoredClusterOptions {
  /** ClusterMonitoring overrides. */
  readonly monitoring?: Partial<ClusterMonitoringProps>;
  /** OperationsAlerting overrides, or false for none. */
  readonly alerting?: Partial<OperationsAlertingProps> | false;
  /** The cluster's outbound type (default: unset, the AKS load balancer). */
  readonly outboundType?: string;
}

/** Workspace, a cluster wired to it (oms_agent, monitor_metrics, Defender), ClusterMonitoring and the alerting baseline. */
export function monitoredCluster(stack: TerraformStack, options: MonitoredClusterOptions = {}): void {
  const place = { resourceGroupName: 'rg-platform', location: 'westeurope' };
  const workspace = new SecureLogAnalyticsWorkspace(stack, 'Logs', { ...place, name: 'log-platform-weu' });
  const cluster = new KubernetesCluster(stack, 'Cluster', {
    ...place,
    name: 'aks-platform-weu',
    dnsPrefix: 'aks-platform-weu',
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
    identity: { type: 'SystemAssigned' },
    omsAgent: workspace.omsAgent,
    monitorMetrics: {},
    microsoftDefender: { logAnalyticsWorkspaceId: workspace.workspaceId },
    networkProfile: options.outboundType ? { networkPlugin: 'azure', outboundType: options.outboundType } : undefined,
  });
  const monitoring = new ClusterMonitoring(stack, 'Monitoring', { ...place, name: 'aks-platform-weu', clusterId: cluster.id, logAnalyticsWorkspaceId: workspace.workspaceId, ...options.monitoring });
  if (options.alerting !== false) {
    addAlerting(stack, cluster, monitoring, options.alerting);
  }
}
