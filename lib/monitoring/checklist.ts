import type { ItemFacet } from '../checklist/types';
import { controlPlaneLogs, distributedTracing, logAggregation, metricsCollection } from './rules';

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const monitoringFacets: readonly ItemFacet[] = [
  {
    id: 'operations/log-aggregation',
    delivery: 'enforced',
    construct: 'SecureLogAnalyticsWorkspace / ClusterMonitoring',
    rule: logAggregation,
    note:
      'Log Analytics (PerGB2018, retention set, local authentication off); control-plane diagnostics and Container Insights (ContainerInsightsExtension data collection rule + association). ' +
      'The cluster must set oms_agent { log_analytics_workspace_id, msi_auth_for_monitoring_enabled = true } (SecureLogAnalyticsWorkspace.omsAgent).',
  },
  {
    id: 'operations/control-plane-logs',
    delivery: 'enforced',
    construct: 'ClusterDiagnostics',
    prop: 'categories',
    rule: controlPlaneLogs,
    note: 'kube-apiserver, kube-audit-admin, kube-controller-manager, kube-scheduler, cluster-autoscaler, cloud-controller-manager, guard and the CSI controllers into resource-specific tables (Dedicated); kube-audit (get/list, high volume) is opt-in.',
  },
  {
    id: 'operations/metrics-collection',
    delivery: 'enforced',
    construct: 'ManagedPrometheus',
    rule: metricsCollection,
    note:
      'Azure Monitor workspace + data collection endpoint + Microsoft-PrometheusMetrics rule + associations (rule, and endpoint as configurationAccessEndpoint); Managed Grafana (public access off) as an option. ' +
      'The cluster must set monitor_metrics {} (ManagedPrometheus.monitorMetrics).',
  },
  {
    id: 'operations/distributed-tracing',
    delivery: 'option',
    construct: 'TracingApplicationInsights',
    prop: 'ClusterMonitoring.applicationInsights',
    rule: distributedTracing,
    note: 'Workspace-based Application Insights with local authentication off: workloads send telemetry with Entra tokens, instrumented with OpenTelemetry / the Azure Monitor distro.',
  },
];
