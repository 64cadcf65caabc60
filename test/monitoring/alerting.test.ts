/**
 * The alerting baseline: action group, managed Prometheus rule groups, metric alerts,
 * activity-log alerts, upgrade notifications; their rules; bad input; no secret in the JSON.
 */
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { getPath, TerraformDocument, TfBlock } from '../../lib/core/terraform-document';
import {
  isEmailAddress,
  KUBERNETES_RECORDING_RULES,
  NODE_RECORDING_RULES,
  OperationsAlertingProps,
  PlatformActionGroup,
  PlatformActionGroupProps,
  PlatformActivityLogAlerts,
  PlatformMetricAlerts,
  PrometheusAlerting,
  regionDisplayName,
  securityAlerts,
  UpgradeNotifications,
} from '../../lib/monitoring';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { EVENT_HUB_ID, monitoredCluster, RG_ID, SUBSCRIPTION } from './fixtures';

const PLACE = { resourceGroupName: 'rg-platform', location: 'westeurope' };
const CLUSTER_ID = `${RG_ID}/providers/Microsoft.ContainerService/managedClusters/aks-platform-weu`;
const AG_ID = `${RG_ID}/providers/Microsoft.Insights/actionGroups/ag-platform-weu`;
const WORKSPACE_ID = `${RG_ID}/providers/Microsoft.Monitor/accounts/prom-platform-weu`;
const LOGIC_APP_ID = `${RG_ID}/providers/Microsoft.Logic/workflows/la-pager`;
const newStack = (): TerraformStack => new TerraformStack(Testing.app(), 'bad');
const all = (doc: TerraformDocument, type: string): TfBlock[] => doc.resources(type);
const byName = (doc: TerraformDocument, type: string, suffix: string): TfBlock => {
  const found = all(doc, type).filter((b) => String(b.values.name).endsWith(suffix));
  expect(found.map((b) => b.values.name)).toHaveLength(1);
  return found[0];
};

/** A cluster with workspace, ClusterMonitoring and OperationsAlerting. */
function alertedCluster(stack: TerraformStack, overrides: Partial<OperationsAlertingProps> = {}, outboundType?: string): void {
  monitoredCluster(stack, { alerting: overrides, outboundType });
}

const baseline = synthDoc((stack) => alertedCluster(stack));

describe('PlatformActionGroup', () => {
  const group = all(baseline, 'azurerm_monitor_action_group');

  test('one global action group with the declared receivers, common alert schema, snake_case keys', () => {
    expect(group).toHaveLength(1);
    expect(group[0].values).toMatchObject({
      name: 'ag-platform-weu',
      short_name: 'plat-prod',
      location: 'global',
      enabled: true,
      email_receiver: [{ name: 'email-0', email_address: 'platform-oncall@contoso.com', use_common_alert_schema: true }],
      event_hub_receiver: [{ name: 'eventhub-0', event_hub_namespace: 'evhns-ops', event_hub_name: 'alerts', subscription_id: SUBSCRIPTION, use_common_alert_schema: true }],
    });
  });

  const groupProps = (receivers: PlatformActionGroupProps['receivers']): PlatformActionGroupProps => ({ name: 'ag-ops', shortName: 'ops', resourceGroupName: 'rg', receivers });
  const groupOf = (receivers: PlatformActionGroupProps['receivers']): TfBlock =>
    all(
      synthDoc((stack) => new PlatformActionGroup(stack, 'AG', groupProps(receivers))),
      'azurerm_monitor_action_group',
    )[0];

  test('ARM role receivers name the built-in role by id', () => {
    expect(groupOf({ armRoles: ['Owner'] }).values.arm_role_receiver).toEqual([{ name: 'role-owner', role_id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', use_common_alert_schema: true }]);
  });

  test('a webhook URI given as a sensitive variable is written as a reference; an Entra-secured literal URI is accepted', () => {
    const doc = synthDoc((stack) => {
      const uri = new TerraformVariable(stack, 'pager_uri', { type: 'string', sensitive: true });
      new PlatformActionGroup(stack, 'AG', groupProps({ webhooks: [{ name: 'pager', serviceUri: uri.stringValue }, { name: 'secure', serviceUri: 'https://hooks.contoso.com/alerts', entraAuth: { objectId: '11111111-1111-1111-1111-111111111111' } }] }));
    });
    expect(all(doc, 'azurerm_monitor_action_group')[0].values.webhook_receiver).toEqual([
      { name: 'pager', service_uri: '${var.pager_uri}', use_common_alert_schema: true },
      { name: 'secure', service_uri: 'https://hooks.contoso.com/alerts', use_common_alert_schema: true, aad_auth: { object_id: '11111111-1111-1111-1111-111111111111' } },
    ]);
  });

  test.each([
    [{}, 'receivers', 'declares no receiver'],
    [{ emails: [] }, 'receivers', 'declares no receiver'],
    [{ emails: ['platform-oncall'] }, 'receivers.emails', 'is not an e-mail address'],
    [{ emails: ['oncall@contoso'] }, 'receivers.emails', 'is not an e-mail address'],
    [{ emails: ['on call@contoso.com'] }, 'receivers.emails', 'is not an e-mail address'],
    [{ webhooks: [{ name: 'pager', serviceUri: 'https://events.pagerduty.com/integration/abc123/enqueue' }] }, 'receivers.webhooks.serviceUri', 'is a literal URI'],
    [{ webhooks: [{ name: 'secure', serviceUri: 'https://hooks.contoso.com/a?code=xyz', entraAuth: { objectId: '11111111-1111-1111-1111-111111111111' } }] }, 'receivers.webhooks.serviceUri', 'without a query string'],
    [{ logicApps: [{ name: 'teams', resourceId: LOGIC_APP_ID, callbackUrl: 'https://prod.logic.azure.com/workflows/x/triggers/manual?sig=abc' }] }, 'receivers.logicApps.callbackUrl', 'holds a SAS signature'],
    [{ eventHubs: [{ eventHubId: 'evhns-ops/alerts' }] }, 'receivers.eventHubs.eventHubId', 'is not an event hub id'],
  ])('bad receivers %j: %s %s', (receivers, prop, problem) => {
    expect(() => new PlatformActionGroup(newStack(), 'AG', groupProps(receivers))).toThrow(new RegExp(`^PlatformActionGroup 'AG': prop '${prop.replace(/\./g, '\\.')}'.*${problem}`));
  });

  test('a refused URL is not repeated in the error message', () => {
    expect(() => new PlatformActionGroup(newStack(), 'AG', groupProps({ webhooks: [{ name: 'pager', serviceUri: 'https://events.example.com/secret-token-123' }] }))).toThrow(/https:\/\/events\.example\.com\/…/);
    expect(() => new PlatformActionGroup(newStack(), 'AG', groupProps({ webhooks: [{ name: 'pager', serviceUri: 'https://events.example.com/secret-token-123' }] }))).not.toThrow(/secret-token-123/);
  });

  test('isEmailAddress', () => {
    expect(['a@contoso.com', 'first.last+alerts@mail.contoso.co.uk'].map(isEmailAddress)).toEqual([true, true]);
    expect(['', 'a@b', '@contoso.com', 'a@@contoso.com', 'a..b@contoso.com', 'a@contoso..com'].map(isEmailAddress)).toEqual([false, false, false, false, false, false]);
  });
});

describe('PrometheusAlerting', () => {
  const groups = all(baseline, 'azurerm_monitor_alert_prometheus_rule_group');

  test('node and Kubernetes recording groups and cluster, node, pod alert groups, scoped to the workspace and the cluster', () => {
    expect(groups.map((g) => String(g.values.name).replace('alert-platform-weu-prom-', '')).sort()).toEqual(['cluster-alerts', 'kubernetes-recording', 'node-alerts', 'node-recording', 'pod-alerts']);
    for (const g of groups) {
      expect(baseline.referencedBlocks(g.values.scopes).map((b) => b.type).sort()).toEqual(['azurerm_kubernetes_cluster', 'azurerm_monitor_workspace']);
      expect(g.values).toMatchObject({ interval: 'PT1M', rule_group_enabled: true });
      expect(baseline.referencedBlocks(g.values.cluster_name).map((b) => b.type)).toEqual(['azurerm_kubernetes_cluster']);
    }
  });

  test('recording rules: the dashboards\' records, no alert fields', () => {
    const records = (suffix: string): unknown[] => (byName(baseline, 'azurerm_monitor_alert_prometheus_rule_group', suffix).values.rule as any[]).map((r) => r.record);
    expect(records('node-recording')).toEqual(NODE_RECORDING_RULES.map((r) => r.record));
    expect(records('kubernetes-recording')).toContain('node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate');
    expect(records('kubernetes-recording')).toHaveLength(KUBERNETES_RECORDING_RULES.length);
  });

  test('alert rules: severity, for, auto-resolution and the action group, as snake_case keys', () => {
    const rules = (suffix: string): any[] => byName(baseline, 'azurerm_monitor_alert_prometheus_rule_group', suffix).values.rule as any[];
    expect(rules('node-alerts').map((r) => r.alert)).toEqual(expect.arrayContaining(['KubeNodeNotReady', 'KubeNodeUnreachable', 'KubeNodePressure', 'NodeHighCpu', 'NodeHighMemory']));
    expect(rules('pod-alerts').map((r) => r.alert)).toEqual(expect.arrayContaining(['KubePodCrashLooping', 'KubePodContainerRestart', 'KubeJobFailed', 'KubePVUsageHigh']));
    expect(rules('cluster-alerts').map((r) => r.alert)).toEqual(expect.arrayContaining(['KubeClientErrors', 'KubeContainerOOMKilledCount', 'KubePersistentVolumeFillingUp']));
    const notReady = rules('node-alerts').find((r) => r.alert === 'KubeNodeNotReady');
    expect(notReady).toMatchObject({ severity: 1, for: 'PT15M', enabled: true, alert_resolution: { auto_resolved: true, time_to_resolve: 'PT10M' } });
    expect(baseline.referencedBlocks(notReady.action[0].action_group_id).map((b) => b.type)).toEqual(['azurerm_monitor_action_group']);
    expect(rules('pod-alerts').find((r) => r.alert === 'KubePVUsageHigh').expression).toMatch(/> 0\.8$/);
    expect(rules('pod-alerts').every((r) => r.severity === 3)).toBe(true);
  });

  test('no expression holds a Terraform interpolation or template directive', () => {
    for (const g of groups) {
      for (const r of g.values.rule as any[]) {
        expect([r.expression, JSON.stringify(r.annotations ?? {})].join(' ')).not.toMatch(/\$\{|%\{/);
      }
    }
  });

  test('thresholds and severities are props', () => {
    const doc = synthDoc((stack) => new PrometheusAlerting(stack, 'P', { ...PLACE, name: 'prom', monitorWorkspaceId: WORKSPACE_ID, clusterId: CLUSTER_ID, clusterName: 'aks', actionGroupId: AG_ID, thresholds: { persistentVolumePercent: 90, apiServerErrorPercent: 5 }, severities: { pod: 2 } }));
    const pod = byName(doc, 'azurerm_monitor_alert_prometheus_rule_group', 'pod-alerts').values.rule as any[];
    expect(pod.find((r) => r.alert === 'KubePVUsageHigh')).toMatchObject({ severity: 2, expression: expect.stringMatching(/> 0\.9$/) });
    expect((byName(doc, 'azurerm_monitor_alert_prometheus_rule_group', 'cluster-alerts').values.rule as any[]).find((r) => r.alert === 'KubeClientErrors').expression).toMatch(/> 0\.05$/);
  });

  const props = { ...PLACE, name: 'prom', monitorWorkspaceId: WORKSPACE_ID, clusterId: CLUSTER_ID, clusterName: 'aks', actionGroupId: AG_ID };
  test.each([
    [{ thresholds: { persistentVolumePercent: 120 } }, 'thresholds.persistentVolumePercent', 'outside the range 1-100'],
    [{ thresholds: { nodeCpuPercent: 0 } }, 'thresholds.nodeCpuPercent', 'outside the range 1-100'],
    [{ thresholds: { podRestartsPerHour: -1 } }, 'thresholds.podRestartsPerHour', 'not a whole number'],
    [{ severities: { node: 5 } }, 'severities.node', 'not an alert severity'],
    [{ name: 'prom:bad' }, 'name', 'not a valid rule group name'],
  ])('bad input %j', (overrides, prop, problem) => {
    expect(() => new PrometheusAlerting(newStack(), 'P', { ...props, ...overrides })).toThrow(new RegExp(`PrometheusAlerting 'P': prop '${prop.replace(/\./g, '\\.')}'.*${problem}`));
  });
});

describe('PlatformMetricAlerts', () => {
  test('node CPU, memory working set, disk, unschedulable and failed pods on the cluster; SNAT on the outbound load balancer', () => {
    const alerts = all(baseline, 'azurerm_monitor_metric_alert');
    const metrics = alerts.map((a) => (a.values.criteria as any[])[0].metric_name).sort();
    expect(metrics).toEqual(['SnatConnectionCount', 'cluster_autoscaler_unschedulable_pods_count', 'kube_pod_status_phase', 'node_cpu_usage_percentage', 'node_disk_usage_percentage', 'node_memory_working_set_percentage']);
    const cpu = byName(baseline, 'azurerm_monitor_metric_alert', 'node-cpu');
    expect(cpu.values).toMatchObject({ severity: 2, frequency: 'PT1M', window_size: 'PT5M', auto_mitigate: true, criteria: [{ metric_namespace: 'Microsoft.ContainerService/managedClusters', aggregation: 'Average', operator: 'GreaterThan', threshold: 95 }] });
    expect(baseline.referencedBlocks(cpu.values.scopes).map((b) => b.type)).toEqual(['azurerm_kubernetes_cluster']);
    expect(byName(baseline, 'azurerm_monitor_metric_alert', 'failed-pods').values.criteria).toEqual([expect.objectContaining({ dimension: [{ name: 'phase', operator: 'Include', values: ['Failed'] }] })]);
    expect(byName(baseline, 'azurerm_monitor_metric_alert', 'outbound-snat').values.scopes).toEqual(['${azurerm_kubernetes_cluster.Cluster.node_resource_group_id}/providers/Microsoft.Network/loadBalancers/kubernetes']);
  });

  test('firewall health and SNAT port utilisation when a firewall is given', () => {
    const fw = `${RG_ID}/providers/Microsoft.Network/azureFirewalls/afw-hub`;
    const doc = synthDoc((stack) => new PlatformMetricAlerts(stack, 'M', { name: 'alert', resourceGroupName: 'rg', clusterId: CLUSTER_ID, actionGroupId: AG_ID, firewallId: fw, thresholds: { firewallSnatPercent: 70 } }));
    expect(byName(doc, 'azurerm_monitor_metric_alert', 'firewall-health').values).toMatchObject({ scopes: [fw], criteria: [{ metric_name: 'FirewallHealth', operator: 'LessThan', threshold: 90 }] });
    expect(byName(doc, 'azurerm_monitor_metric_alert', 'firewall-snat').values).toMatchObject({ criteria: [{ metric_name: 'SNATPortUtilization', operator: 'GreaterThan', threshold: 70 }] });
    expect(all(doc, 'azurerm_monitor_metric_alert').some((a) => String(a.values.name).endsWith('outbound-snat'))).toBe(false);
  });

  test.each([
    [{ thresholds: { nodeDiskPercent: 101 } }, 'thresholds.nodeDiskPercent'],
    [{ thresholds: { failedPods: 1.5 } }, 'thresholds.failedPods'],
    [{ severity: -1 }, 'severity'],
  ])('bad input %j', (overrides, prop) => {
    expect(() => new PlatformMetricAlerts(newStack(), 'M', { name: 'alert', resourceGroupName: 'rg', clusterId: CLUSTER_ID, actionGroupId: AG_ID, ...overrides })).toThrow(new RegExp(`PlatformMetricAlerts 'M': prop '${prop.replace(/\./g, '\\.')}'`));
  });
});

describe('PlatformActivityLogAlerts', () => {
  const alert = (suffix: string): TfBlock => byName(baseline, 'azurerm_monitor_activity_log_alert', suffix);

  test('Resource Health, Service Health, Advisor, security and delete alerts, global, to the action group', () => {
    expect(all(baseline, 'azurerm_monitor_activity_log_alert').map((a) => String(a.values.name).replace('alert-platform-weu-', '')).sort()).toEqual(['advisor', 'cluster-delete', 'lock-delete', 'resource-health', 'security', 'service-health']);
    for (const a of all(baseline, 'azurerm_monitor_activity_log_alert')) {
      expect(a.values.location).toBe('global');
      expect(baseline.referencedBlocks(getPath(a.values, 'action')).map((b) => b.type)).toEqual(['azurerm_monitor_action_group']);
    }
    expect(alert('resource-health').values).toMatchObject({ scopes: [`/subscriptions/${SUBSCRIPTION}`], criteria: { category: 'ResourceHealth', resource_health: { current: ['Degraded', 'Unavailable'] } } });
    expect(baseline.referencedBlocks(getPath(alert('resource-health').values, 'criteria.resource_ids')).map((b) => b.type)).toEqual(['azurerm_kubernetes_cluster']);
    expect(alert('service-health').values.criteria).toEqual({ category: 'ServiceHealth', service_health: { events: ['Incident', 'Maintenance', 'Security', 'ActionRequired'], locations: ['West Europe', 'Global'], services: ['Azure Kubernetes Service (AKS)'] } });
    expect(alert('advisor').values).toMatchObject({ scopes: [RG_ID], criteria: { category: 'Recommendation' } });
    expect(alert('cluster-delete').values.criteria).toMatchObject({ category: 'Administrative', operation_name: 'Microsoft.ContainerService/managedClusters/delete' });
    expect(alert('lock-delete').values.criteria).toEqual({ category: 'Administrative', operation_name: 'Microsoft.Authorization/locks/delete' });
  });

  test('regionDisplayName', () => {
    expect(['westeurope', 'eastus2', 'southeastasia', 'uaenorth'].map(regionDisplayName)).toEqual(['West Europe', 'East US 2', 'Southeast Asia', 'UAE North']);
  });

  const props = { name: 'alert', resourceGroupName: 'rg', subscriptionId: SUBSCRIPTION, actionGroupId: AG_ID, clusterId: CLUSTER_ID, resourceGroupIds: [RG_ID], regions: ['westeurope'] };
  test.each([
    [{ subscriptionId: 'my-subscription' }, 'subscriptionId', 'is not a GUID'],
    [{ regions: ['westeurop'] }, 'regions\\[0\\]', "did you mean 'westeurope'"],
    [{ regions: [] }, 'regions', 'is empty'],
    [{ resourceGroupIds: [] }, 'resourceGroupIds', 'is empty'],
  ])('bad input %j', (overrides, prop, problem) => {
    expect(() => new PlatformActivityLogAlerts(newStack(), 'A', { ...props, ...overrides })).toThrow(new RegExp(`PlatformActivityLogAlerts.*'${prop}'.*${problem}`));
  });
});

describe('UpgradeNotifications', () => {
  test('a system topic on the cluster forwards the AKS upgrade events to the Event Hub receiver', () => {
    const [topic] = all(baseline, 'azurerm_eventgrid_system_topic');
    expect(topic.values).toMatchObject({ name: 'evgt-platform-weu', topic_type: 'Microsoft.ContainerService.ManagedClusters', location: 'westeurope' });
    expect(baseline.referencedBlocks(topic.values.source_resource_id).map((b) => b.type)).toEqual(['azurerm_kubernetes_cluster']);
    const [sub] = all(baseline, 'azurerm_eventgrid_system_topic_event_subscription');
    expect(sub.values).toMatchObject({ eventhub_endpoint_id: EVENT_HUB_ID, event_delivery_schema: 'EventGridSchema', retry_policy: { max_delivery_attempts: 30, event_time_to_live: 1440 } });
    expect(sub.values.included_event_types).toEqual(expect.arrayContaining(['Microsoft.ContainerService.NewKubernetesVersionAvailable', 'Microsoft.ContainerService.NodePoolRollingFailed']));
  });

  test('with e-mail receivers only there is nothing Event Grid can deliver to, so no topic', () => {
    const doc = synthDoc((stack) => alertedCluster(stack, { receivers: { emails: ['oncall@contoso.com'] } }));
    expect(all(doc, 'azurerm_eventgrid_system_topic')).toHaveLength(0);
  });

  test('a Logic App receiver gets the events through its callback URL, written as a reference', () => {
    const doc = synthDoc((stack) => {
      const url = new TerraformVariable(stack, 'teams_callback', { type: 'string', sensitive: true });
      alertedCluster(stack, { receivers: { logicApps: [{ name: 'teams', resourceId: LOGIC_APP_ID, callbackUrl: url.stringValue }] } });
    });
    expect(all(doc, 'azurerm_eventgrid_system_topic_event_subscription')[0].values.webhook_endpoint).toEqual({ url: '${var.teams_callback}' });
    expect(all(doc, 'azurerm_monitor_action_group')[0].values.logic_app_receiver).toEqual([{ name: 'teams', resource_id: LOGIC_APP_ID, callback_url: '${var.teams_callback}', use_common_alert_schema: true }]);
  });

  test.each([
    [{ destination: {} }, 'destination', 'exactly one'],
    [{ destination: { webhookUrl: 'https://prod.logic.azure.com/x?sig=abc' } }, 'destination.webhookUrl', 'literal URL'],
    [{ eventTypes: ['Microsoft.Storage.BlobCreated'] }, 'eventTypes', 'not an AKS event type'],
  ])('bad input %j', (overrides, prop, problem) => {
    expect(() => new UpgradeNotifications(newStack(), 'U', { ...PLACE, name: 'evgt-aks', clusterId: CLUSTER_ID, destination: { eventHubId: EVENT_HUB_ID }, ...overrides })).toThrow(new RegExp(`UpgradeNotifications.*'${prop.replace(/\./g, '\\.')}'.*${problem}`));
  });
});

test('no secret in the synthesized JSON: webhook and callback URLs are variable references', () => {
  const secret = 'https://events.pagerduty.com/integration/0123456789abcdef/enqueue';
  const doc = synthDoc((stack) => {
    const uri = new TerraformVariable(stack, 'pager_uri', { type: 'string', sensitive: true, default: undefined });
    alertedCluster(stack, { receivers: { emails: ['oncall@contoso.com'], webhooks: [{ name: 'pager', serviceUri: uri.stringValue }] } });
  });
  const text = JSON.stringify(doc.json);
  expect(text).not.toContain(secret);
  expect(text).not.toMatch(/sig=|[?&]code=|[?&]token=/);
  expect(doc.json.variable).toMatchObject({ pager_uri: { sensitive: true } });
});

const drop = (type: string, suffix: string) => (json: any) => {
  for (const [name, block] of Object.entries<any>(json.resource[type] ?? {})) {
    if (String(block.name).endsWith(suffix)) {
      delete json.resource[type][name];
    }
  }
};
const noReceivers = (json: any): void => {
  for (const g of Object.values<any>(json.resource.azurerm_monitor_action_group)) {
    delete g.email_receiver;
    delete g.event_hub_receiver;
  }
};

describeItem('operations/cluster-health-scanning', {
  compliant: { 'the alerting baseline': () => baseline },
  nonCompliant: {
    'no Resource Health alert': () => mutate(baseline, drop('azurerm_monitor_activity_log_alert', 'resource-health')),
    'no Advisor alert': () => mutate(baseline, drop('azurerm_monitor_activity_log_alert', 'advisor')),
    'no Service Health alert': () => mutate(baseline, drop('azurerm_monitor_activity_log_alert', 'service-health')),
    'action group without receivers': () => mutate(baseline, noReceivers),
  },
  notApplicable: { 'no cluster': () => synthDoc(() => undefined) },
});

describeItem('operations/metrics-collection', {
  compliant: { 'the alerting baseline': () => baseline, 'firewall egress (no load balancer SNAT needed)': () => synthDoc((stack) => alertedCluster(stack, { outboundLoadBalancerId: undefined }, 'userDefinedRouting')) },
  nonCompliant: {
    'no node CPU alert': () => mutate(baseline, drop('azurerm_monitor_metric_alert', 'node-cpu')),
    'no Prometheus alert groups': () => mutate(baseline, (json) => ['cluster-alerts', 'node-alerts', 'pod-alerts'].forEach((s) => drop('azurerm_monitor_alert_prometheus_rule_group', s)(json))),
    'outbound through the load balancer without a SNAT alert': () => synthDoc((stack) => alertedCluster(stack, { outboundLoadBalancerId: undefined })),
    'action group without receivers': () => mutate(baseline, noReceivers),
    'a Prometheus alert rule with no action': () =>
      mutate(baseline, (json) => Object.values<any>(json.resource.azurerm_monitor_alert_prometheus_rule_group).forEach((g) => g.rule.forEach((r: any) => delete r.action))),
  },
});

describeItem('operations/security-center-monitoring', {
  compliant: { 'Defender sensor and security alerts to the action group': () => baseline },
  nonCompliant: { 'no security alert': () => mutate(baseline, drop('azurerm_monitor_activity_log_alert', 'security')) },
});

test('securityAlerts (operations/security-center-monitoring): Defender for Cloud alerts reach a receiver', () => {
  expect(securityAlerts(baseline).status).toBe('compliant');
  expect(securityAlerts(mutate(baseline, drop('azurerm_monitor_activity_log_alert', 'security'))).status).toBe('non-compliant');
  expect(securityAlerts(mutate(baseline, noReceivers)).status).toBe('non-compliant');
  expect(securityAlerts(synthDoc(() => undefined)).status).toBe('not-applicable');
});

describeItem('operations/log-aggregation', {
  compliant: { 'the alerting baseline': () => baseline },
  nonCompliant: { 'no cluster delete alert': () => mutate(baseline, drop('azurerm_monitor_activity_log_alert', 'cluster-delete')) },
});

describeItem('operations/kubernetes-version-current', {
  compliant: {},
  nonCompliant: { 'system topic without a subscription': () => mutate(baseline, (json) => delete json.resource.azurerm_eventgrid_system_topic_event_subscription) },
});
