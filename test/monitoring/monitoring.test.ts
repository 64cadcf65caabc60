import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { TerraformStack, Testing } from 'cdktf';
import { getPath, TerraformDocument, TfBlock } from '../../lib/core/terraform-document';
import {
  AKS_LOG_CATEGORIES,
  ClusterDiagnostics,
  ClusterMonitoring,
  ClusterMonitoringProps,
  ContainerInsights,
  logAnalyticsWorkspaceFeatures,
  ManagedPrometheus,
  ResourceDiagnostics,
  SecureLogAnalyticsWorkspace,
  TracingApplicationInsights,
} from '../../lib/monitoring';
import { describeItem } from '../support/items';
import { monitoredCluster as monitoredClusterFixture } from './fixtures';
import { mutate, synthDoc } from '../support/synth';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers';
const CLUSTER_ID = `${SUB}/Microsoft.ContainerService/managedClusters/aks-platform-weu`;
const WORKSPACE_ID = `${SUB}/Microsoft.OperationalInsights/workspaces/log-platform-weu`;
const PLACE = { resourceGroupName: 'rg-platform', location: 'westeurope' };
const ADMINS = '44444444-4444-4444-4444-444444444444';

const one = (doc: TerraformDocument, type: string): TfBlock => {
  const found = doc.resources(type);
  expect(found).toHaveLength(1);
  return found[0];
};
const resourcesOf = (json: any, type: string): any[] => Object.values(json.resource[type] ?? {});
const newStack = (): TerraformStack => new TerraformStack(Testing.app(), 'bad');

/** Workspace, a cluster wired to it, ClusterMonitoring and (unless left out) the alerting baseline. */
function monitoredCluster(stack: TerraformStack, overrides: Partial<ClusterMonitoringProps> = {}, alerting = true): void {
  monitoredClusterFixture(stack, { monitoring: overrides, alerting: alerting ? {} : false });
}

/** ClusterMonitoring alone, on a cluster of another stack (literal id). */
function monitoringOnly(stack: TerraformStack, overrides: Partial<ClusterMonitoringProps> = {}): ClusterMonitoring {
  return new ClusterMonitoring(stack, 'Monitoring', { ...PLACE, name: 'aks-platform-weu', clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, ...overrides });
}

describe('SecureLogAnalyticsWorkspace', () => {
  const doc = synthDoc((stack) => new SecureLogAnalyticsWorkspace(stack, 'Logs', { ...PLACE, name: 'log-platform-weu', dailyQuotaGb: 5 }));

  test('PerGB2018, retention 90 days, local authentication off, optional daily cap', () => {
    expect(one(doc, 'azurerm_log_analytics_workspace').values).toMatchObject({
      name: 'log-platform-weu',
      sku: 'PerGB2018',
      retention_in_days: 90,
      local_authentication_enabled: false,
      daily_quota_gb: 5,
    });
    expect(one(doc, 'azurerm_log_analytics_workspace').values).not.toHaveProperty('local_authentication_disabled');
  });

  test('the cluster oms_agent uses managed identity authentication', () => {
    const cluster = one(synthDoc((stack) => monitoredCluster(stack)), 'azurerm_kubernetes_cluster');
    expect(cluster.values.oms_agent).toEqual({ log_analytics_workspace_id: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\..*\.id\}$/), msi_auth_for_monitoring_enabled: true });
  });

  test('provider features: rehearsals delete workspaces permanently, production keeps them recoverable', () => {
    expect(logAnalyticsWorkspaceFeatures('rehearsal')).toEqual({ permanentlyDeleteOnDestroy: true });
    expect(logAnalyticsWorkspaceFeatures('production')).toEqual({ permanentlyDeleteOnDestroy: false });
  });
});

describe('ClusterMonitoring', () => {
  const doc = synthDoc((stack) => monitoringOnly(stack));
  const settings = doc.resources('azurerm_monitor_diagnostic_setting');

  test('control-plane categories (all but kube-audit) to resource-specific tables', () => {
    expect(settings).toHaveLength(1);
    expect(settings[0].values).toMatchObject({ target_resource_id: CLUSTER_ID, log_analytics_workspace_id: WORKSPACE_ID, log_analytics_destination_type: 'Dedicated', name: 'aks-control-plane' });
    expect((settings[0].values.enabled_log as { category: string }[]).map((l) => l.category)).toEqual(AKS_LOG_CATEGORIES.filter((c) => c !== 'kube-audit'));
  });

  test('Container Insights: the documented DCR (ContainerInsights extension, default stream group) and its association', () => {
    const rule = doc.resources('azurerm_monitor_data_collection_rule').find((r) => r.values.name === 'aks-platform-weu-msci') as TfBlock;
    expect(rule.values).toMatchObject({
      kind: 'Linux',
      destinations: { log_analytics: [{ name: 'ciworkspace', workspace_resource_id: WORKSPACE_ID }] },
      data_flow: [{ streams: ['Microsoft-ContainerInsights-Group-Default'], destinations: ['ciworkspace'] }],
      data_sources: { extension: [{ name: 'ContainerInsightsExtension', extension_name: 'ContainerInsights', streams: ['Microsoft-ContainerInsights-Group-Default'] }] },
    });
    const settingsJson = JSON.parse(String(getPath(rule.values, 'data_sources.extension.0.extension_json')));
    expect(settingsJson).toEqual({ dataCollectionSettings: { interval: '1m', namespaceFilteringMode: 'Off', namespaces: [], enableContainerLogV2: true } });
    const association = doc.referencing('azurerm_monitor_data_collection_rule_association', 'data_collection_rule_id', rule);
    expect(association.map((a) => a.values)).toEqual([expect.objectContaining({ name: 'ContainerInsightsExtension', target_resource_id: CLUSTER_ID })]);
  });

  test('managed Prometheus: workspace, endpoint, PrometheusMetrics rule and both associations', () => {
    const amw = one(doc, 'azurerm_monitor_workspace');
    const dce = one(doc, 'azurerm_monitor_data_collection_endpoint');
    const rule = doc.resources('azurerm_monitor_data_collection_rule').find((r) => r.values.name === 'aks-platform-weu-prom-dcr') as TfBlock;
    expect(dce.values).toMatchObject({ name: 'aks-platform-weu-prom-dce', kind: 'Linux' });
    expect(rule.values).toMatchObject({
      kind: 'Linux',
      data_collection_endpoint_id: `\${${dce.address}.id}`,
      destinations: { monitor_account: [{ name: 'MonitoringAccount1', monitor_account_id: `\${${amw.address}.id}` }] },
      data_flow: [{ streams: ['Microsoft-PrometheusMetrics'], destinations: ['MonitoringAccount1'] }],
      data_sources: { prometheus_forwarder: [{ name: 'PrometheusDataSource', streams: ['Microsoft-PrometheusMetrics'] }] },
    });
    const associations = doc.resources('azurerm_monitor_data_collection_rule_association').map((a) => a.values);
    expect(associations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target_resource_id: CLUSTER_ID, data_collection_rule_id: `\${${rule.address}.id}` }),
        expect.objectContaining({ name: 'configurationAccessEndpoint', target_resource_id: CLUSTER_ID, data_collection_endpoint_id: `\${${dce.address}.id}` }),
      ]),
    );
    expect(associations.find((a) => a.name === 'configurationAccessEndpoint')).not.toHaveProperty('data_collection_rule_id');
  });

  test('no Grafana and no Application Insights unless asked', () => {
    expect(doc.resources('azurerm_dashboard_grafana')).toHaveLength(0);
    expect(doc.resources('azurerm_application_insights')).toHaveLength(0);
  });

  test('Grafana option: private, managed identity reads the workspace, admin group', () => {
    const g = synthDoc((stack) => monitoringOnly(stack, { grafana: { name: 'graf-platform-weu', adminGroupObjectIds: [ADMINS] } }));
    const grafana = one(g, 'azurerm_dashboard_grafana');
    const amw = one(g, 'azurerm_monitor_workspace');
    expect(grafana.values).toMatchObject({
      grafana_major_version: '11',
      public_network_access_enabled: false,
      api_key_enabled: false,
      identity: { type: 'SystemAssigned' },
      azure_monitor_workspace_integrations: [{ resource_id: `\${${amw.address}.id}` }],
    });
    const assignments = g.resources('azurerm_role_assignment').map((r) => r.values);
    expect(assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role_definition_name: 'Monitoring Data Reader', scope: `\${${amw.address}.id}`, principal_id: `\${${grafana.address}.identity[0].principal_id}` }),
        expect.objectContaining({ role_definition_name: 'Grafana Admin', scope: `\${${grafana.address}.id}`, principal_id: ADMINS, principal_type: 'Group' }),
      ]),
    );
  });

  test('Application Insights option: workspace-based, local authentication off', () => {
    const a = synthDoc((stack) => monitoringOnly(stack, { applicationInsights: true }));
    expect(one(a, 'azurerm_application_insights').values).toMatchObject({ name: 'aks-platform-weu-appi', workspace_id: WORKSPACE_ID, local_authentication_disabled: true, application_type: 'other' });
  });

  test('ResourceDiagnostics defaults to allLogs and AllMetrics without forcing a destination type', () => {
    const d = synthDoc((stack) => new ResourceDiagnostics(stack, 'Diag', { targetResourceId: `${SUB}/Microsoft.ContainerRegistry/registries/acr`, logAnalyticsWorkspaceId: WORKSPACE_ID }));
    const setting = one(d, 'azurerm_monitor_diagnostic_setting');
    expect(setting.values).toMatchObject({ enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }] });
    expect(setting.values).not.toHaveProperty('log_analytics_destination_type');
  });

  test('no secret in the synthesized JSON', () => {
    const text = JSON.stringify(synthDoc((stack) => monitoredCluster(stack, { applicationInsights: true, grafana: { name: 'graf-platform-weu', adminGroupObjectIds: [ADMINS] } })).json);
    expect(text).not.toMatch(/password|shared_key|primary_key|instrumentation_key|connection_string/i);
  });
});

describeItem('operations/log-aggregation', {
  compliant: {
    'workspace + monitored cluster': () => synthDoc((stack) => monitoredCluster(stack)),
    'ClusterMonitoring on a cluster of another stack': () => synthDoc((stack) => monitoringOnly(stack)),
  },
  nonCompliant: {
    'monitored cluster without delete alerts': () => synthDoc((stack) => monitoredCluster(stack, {}, false)),
    'workspace with local authentication': () => mutate(synthDoc((stack) => monitoredCluster(stack)), (json) => resourcesOf(json, 'azurerm_log_analytics_workspace').forEach((w) => (w.local_authentication_enabled = true))),
    'workspace without explicit retention': () => mutate(synthDoc((stack) => monitoredCluster(stack)), (json) => resourcesOf(json, 'azurerm_log_analytics_workspace').forEach((w) => delete w.retention_in_days)),
    'cluster sending no logs': () =>
      synthDoc(
        (stack) =>
          new KubernetesCluster(stack, 'Cluster', { ...PLACE, name: 'aks', dnsPrefix: 'aks', defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 1 }, identity: { type: 'SystemAssigned' } }),
      ),
    'Container Insights rule not associated': () =>
      mutate(synthDoc((stack) => monitoringOnly(stack)), (json) => {
        for (const [name, a] of Object.entries<any>(json.resource.azurerm_monitor_data_collection_rule_association)) {
          if (a.name === 'ContainerInsightsExtension') {
            delete json.resource.azurerm_monitor_data_collection_rule_association[name];
          }
        }
      }),
  },
  notApplicable: { 'nothing to log': () => synthDoc(() => undefined) },
});

describeItem('operations/control-plane-logs', {
  compliant: {
    'workspace + monitored cluster': () => synthDoc((stack) => monitoredCluster(stack)),
    'literal cluster id': () => synthDoc((stack) => new ClusterDiagnostics(stack, 'Logs', { clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID })),
  },
  nonCompliant: {
    'kube-apiserver and guard left out': () =>
      synthDoc((stack) => new ClusterDiagnostics(stack, 'Logs', { clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, categories: ['kube-audit-admin', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler'] })),
    'no audit category': () =>
      synthDoc((stack) => new ClusterDiagnostics(stack, 'Logs', { clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, categories: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler', 'guard'] })),
    'cluster without diagnostic setting': () =>
      mutate(synthDoc((stack) => monitoredCluster(stack)), (json) => {
        delete json.resource.azurerm_monitor_diagnostic_setting;
      }),
  },
  recommended: {
    'AzureDiagnostics table instead of resource-specific (beyond the item)': () =>
      mutate(synthDoc((stack) => monitoredCluster(stack)), (json) => resourcesOf(json, 'azurerm_monitor_diagnostic_setting').forEach((d) => (d.log_analytics_destination_type = 'AzureDiagnostics'))),
  },
  notApplicable: { 'a registry diagnostic setting only': () => synthDoc((stack) => new ResourceDiagnostics(stack, 'Diag', { targetResourceId: `${SUB}/Microsoft.ContainerRegistry/registries/acr`, logAnalyticsWorkspaceId: WORKSPACE_ID })) },
});

describeItem('operations/metrics-collection', {
  compliant: {
    'workspace + monitored cluster': () => synthDoc((stack) => monitoredCluster(stack)),
    'ManagedPrometheus on a cluster of another stack': () => synthDoc((stack) => new ManagedPrometheus(stack, 'Prom', { ...PLACE, name: 'prom-platform', clusterId: CLUSTER_ID })),
  },
  nonCompliant: {
    'monitored cluster without alerts': () => synthDoc((stack) => monitoredCluster(stack, {}, false)),
    'cluster without the metrics add-on': () => mutate(synthDoc((stack) => monitoredCluster(stack)), (json) => resourcesOf(json, 'azurerm_kubernetes_cluster').forEach((c) => delete c.monitor_metrics)),
    'Prometheus rule not associated': () =>
      mutate(synthDoc((stack) => new ManagedPrometheus(stack, 'Prom', { ...PLACE, name: 'prom-platform', clusterId: CLUSTER_ID })), (json) => {
        delete json.resource.azurerm_monitor_data_collection_rule_association;
      }),
    'Prometheus rule without endpoint': () =>
      mutate(synthDoc((stack) => new ManagedPrometheus(stack, 'Prom', { ...PLACE, name: 'prom-platform', clusterId: CLUSTER_ID })), (json) =>
        resourcesOf(json, 'azurerm_monitor_data_collection_rule').forEach((r) => delete r.data_collection_endpoint_id),
      ),
  },
  notApplicable: { 'no cluster, no Prometheus': () => synthDoc((stack) => new SecureLogAnalyticsWorkspace(stack, 'Logs', { ...PLACE, name: 'log-platform-weu' })) },
});

describeItem('operations/distributed-tracing', {
  compliant: { 'ClusterMonitoring with applicationInsights': () => synthDoc((stack) => monitoringOnly(stack, { applicationInsights: true })) },
  nonCompliant: {
    'instrumentation key authentication allowed': () =>
      mutate(synthDoc((stack) => monitoringOnly(stack, { applicationInsights: true })), (json) => resourcesOf(json, 'azurerm_application_insights').forEach((a) => (a.local_authentication_disabled = false))),
    'classic (not workspace-based)': () =>
      mutate(synthDoc((stack) => monitoringOnly(stack, { applicationInsights: true })), (json) => resourcesOf(json, 'azurerm_application_insights').forEach((a) => delete a.workspace_id)),
  },
  notApplicable: { 'option off': () => synthDoc((stack) => monitoringOnly(stack)) },
});

describe('bad input is rejected with the construct, the prop and the fix', () => {
  test.each([29, 731, 7])('workspace retention %s days', (days) => {
    expect(() => new SecureLogAnalyticsWorkspace(newStack(), 'Logs', { ...PLACE, name: 'log-platform-weu', retentionInDays: days })).toThrow(/SecureLogAnalyticsWorkspace 'Logs': prop 'retentionInDays' = .*30 to 730/);
  });

  test.each(['log', '-log-platform', 'log_platform', 'log-platform-'])('workspace name %s', (name) => {
    expect(() => new SecureLogAnalyticsWorkspace(newStack(), 'Logs', { ...PLACE, name })).toThrow(/SecureLogAnalyticsWorkspace 'Logs': prop 'name'/);
  });

  test('a daily cap of zero', () => {
    expect(() => new SecureLogAnalyticsWorkspace(newStack(), 'Logs', { ...PLACE, name: 'log-platform-weu', dailyQuotaGb: 0 })).toThrow(/SecureLogAnalyticsWorkspace 'Logs': prop 'dailyQuotaGb' = 0/);
  });

  test.each(['kube-audits', 'kube-proxy', 'csi-*'])('unknown diagnostic category %s', (category) => {
    expect(() => new ClusterDiagnostics(newStack(), 'Logs', { clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, categories: ['kube-apiserver', category] })).toThrow(
      new RegExp(`ClusterDiagnostics 'Logs': prop 'categories' = '${category.replace('*', '\\*')}' is not a log category.*Fix: use some of kube-apiserver`),
    );
  });

  test('an empty category list', () => {
    expect(() => new ClusterDiagnostics(newStack(), 'Logs', { clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, categories: [] })).toThrow(/ClusterDiagnostics 'Logs': prop 'categories' = \[\] is empty/);
  });

  test('a diagnostic setting name with forbidden characters', () => {
    expect(() => new ResourceDiagnostics(newStack(), 'Diag', { targetResourceId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, name: 'to/law' })).toThrow(/ResourceDiagnostics 'Diag': prop 'name' = 'to\/law'/);
  });

  test.each(['0m', '31m', '60s'])('Container Insights interval %s', (interval) => {
    expect(() => new ContainerInsights(newStack(), 'Ci', { ...PLACE, name: 'msci', clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, interval })).toThrow(/ContainerInsights 'Ci': prop 'interval'/);
  });

  test('Container Insights excluded namespace that is not a namespace name', () => {
    expect(() => new ContainerInsights(newStack(), 'Ci', { ...PLACE, name: 'msci', clusterId: CLUSTER_ID, logAnalyticsWorkspaceId: WORKSPACE_ID, excludedNamespaces: ['Kube_System'] })).toThrow(
      /ContainerInsights 'Ci': prop 'excludedNamespaces\[0\]' = 'Kube_System' is not a valid Kubernetes namespace name/,
    );
  });

  test('Grafana without an admin group, or with an invalid name', () => {
    expect(() => monitoringOnly(newStack(), { grafana: { name: 'graf-platform', adminGroupObjectIds: [] } })).toThrow(/ClusterMonitoring 'Monitoring': prop 'grafana.adminGroupObjectIds' = \[\] is empty/);
    expect(() => monitoringOnly(newStack(), { grafana: { name: 'grafana-platform-west-europe', adminGroupObjectIds: [ADMINS] } })).toThrow(/ClusterMonitoring 'Monitoring': prop 'grafana.name'/);
    expect(() => monitoringOnly(newStack(), { grafana: { name: 'graf-platform', adminGroupObjectIds: ['platform-admins'] } })).toThrow(
      /ClusterMonitoring '[^']+': prop 'grafana.adminGroupObjectIds\[0\]' = 'platform-admins' is not a GUID\. Fix: give the Entra group's object id as a GUID/,
    );
  });

  test('a region that does not exist, and tags Azure rejects', () => {
    expect(() => new SecureLogAnalyticsWorkspace(newStack(), 'Logs', { ...PLACE, location: 'westeurop', name: 'log-platform-weu' })).toThrow(
      /SecureLogAnalyticsWorkspace 'Logs': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'\?/,
    );
    expect(() => new SecureLogAnalyticsWorkspace(newStack(), 'Logs', { ...PLACE, name: 'log-platform-weu', tags: { 'cost/center': 'cc' } })).toThrow(/prop 'tags.cost\/center' = 'cost\/center' is a tag key with '\/'/);
    expect(() => new SecureLogAnalyticsWorkspace(newStack(), 'Logs', { ...PLACE, location: 'West Europe', name: 'log-platform-weu', tags: { 'cost-center': 'cc' } })).not.toThrow();
  });

  test('a monitoring name stem too long for the derived resource names', () => {
    expect(() => monitoringOnly(newStack(), { name: 'a'.repeat(36) })).toThrow(/ClusterMonitoring 'Monitoring': prop 'name'/);
  });

  test('Application Insights sampling outside (0, 100]', () => {
    expect(() => new TracingApplicationInsights(newStack(), 'Ai', { ...PLACE, name: 'appi', logAnalyticsWorkspaceId: WORKSPACE_ID, samplingPercentage: 0 })).toThrow(/TracingApplicationInsights(?: '[^']+')?: prop 'samplingPercentage' = 0/);
  });
});
