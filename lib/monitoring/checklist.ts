import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureAksPlatform, SecureAksPlatformProps } from '../platform/secure-aks-platform';
import type { OperationsAlerting, OperationsAlertingProps } from './alerting';
import type { TracingApplicationInsights, TracingApplicationInsightsProps } from './app-insights';
import type { ClusterMonitoring, ClusterMonitoringProps } from './cluster-monitoring';
import type { ClusterDiagnostics, ClusterDiagnosticsProps } from './diagnostics';
import type { SecureLogAnalyticsWorkspace, SecureLogAnalyticsWorkspaceProps } from './log-analytics';
import type { ManagedPrometheus, ManagedPrometheusProps } from './managed-prometheus';
import type { UpgradeNotifications, UpgradeNotificationsProps } from './upgrade-notifications';
import { clusterHealthAlerts, criticalMetricAlerts, deleteOperationAlerts, securityAlerts, upgradeNotifications } from './alert-rules';
import { controlPlaneLogs, distributedTracing, logAggregation, metricsCollection } from './rules';

const clusterDiagnostics = settingsOf<ClusterDiagnosticsProps, ClusterDiagnostics>('ClusterDiagnostics');
const managedPrometheus = settingsOf<ManagedPrometheusProps, ManagedPrometheus>('ManagedPrometheus');
const operationsAlerting = settingsOf<OperationsAlertingProps, OperationsAlerting>('OperationsAlerting');
const tracingApplicationInsights = settingsOf<TracingApplicationInsightsProps, TracingApplicationInsights>('TracingApplicationInsights');
const secureLogAnalyticsWorkspace = settingsOf<SecureLogAnalyticsWorkspaceProps, SecureLogAnalyticsWorkspace>('SecureLogAnalyticsWorkspace');
const clusterMonitoring = settingsOf<ClusterMonitoringProps, ClusterMonitoring>('ClusterMonitoring');
const upgradeNotificationsOf = settingsOf<UpgradeNotificationsProps, UpgradeNotifications>('UpgradeNotifications');
const secureAksPlatform = settingsOf<SecureAksPlatformProps, SecureAksPlatform>('SecureAksPlatform');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const monitoringFacets: readonly ItemFacet[] = [
  {
    id: 'operations/log-aggregation',
    delivery: 'enforced',
    settings: [...secureLogAnalyticsWorkspace(), ...clusterMonitoring()],
    rule: logAggregation,
    note:
      'Log Analytics (PerGB2018, retention set, local authentication off); control-plane diagnostics and Container Insights (ContainerInsightsExtension data collection rule + association). ' +
      'The cluster must set oms_agent { log_analytics_workspace_id, msi_auth_for_monitoring_enabled = true } (SecureLogAnalyticsWorkspace.omsAgent).',
  },
  {
    id: 'operations/control-plane-logs',
    delivery: 'enforced',
    settings: clusterDiagnostics('categories'),
    rule: controlPlaneLogs,
    note: 'kube-apiserver, kube-audit-admin, kube-controller-manager, kube-scheduler, cluster-autoscaler, cloud-controller-manager, guard and the CSI controllers into resource-specific tables (Dedicated); kube-audit (get/list, high volume) is opt-in.',
  },
  {
    id: 'operations/metrics-collection',
    delivery: 'enforced',
    settings: managedPrometheus(),rule: metricsCollection,
    note:
      'Azure Monitor workspace + data collection endpoint + Microsoft-PrometheusMetrics rule + associations (rule, and endpoint as configurationAccessEndpoint); Managed Grafana (public access off) as an option. ' +
      'The cluster must set monitor_metrics {} (ManagedPrometheus.monitorMetrics).',
  },
  {
    id: 'operations/distributed-tracing',
    delivery: 'option',
    settings: [...clusterMonitoring('applicationInsights'), ...tracingApplicationInsights()],
    rule: distributedTracing,
    note: 'Workspace-based Application Insights with local authentication off: workloads send telemetry with Entra tokens, instrumented with OpenTelemetry / the Azure Monitor distro.',
  },
  {
    id: 'operations/metrics-collection',
    delivery: 'enforced',
    settings: [...operationsAlerting(), ...secureAksPlatform('alerting')],
    rule: criticalMetricAlerts,
    note:
      'Alerting facet: metric alerts on node CPU, memory working set and disk, unschedulable and failed pods; managed Prometheus recording rules and the recommended cluster, node and pod alert groups; firewall health and SNAT (load balancer SNAT when outbound is the load balancer); all to the environment\'s action group.',
  },
  {
    id: 'operations/cluster-health-scanning',
    delivery: 'enforced',
    settings: [...operationsAlerting(), ...secureAksPlatform('alerting')],
    rule: clusterHealthAlerts,
    note:
      'What Azure scans for the team reaches it: Resource Health of the cluster, firewall, registry and vault, Service Health of AKS in the platform regions, and Azure Advisor recommendations, as activity-log alerts to the action group. ' +
      'Scanning the live cluster (kube-bench, AKS Periscope, "Diagnose and solve problems" after incidents) stays a recurring job outside Terraform.',
  },
  {
    id: 'operations/log-aggregation',
    delivery: 'enforced',
    settings: [...operationsAlerting(), ...secureAksPlatform('alerting')],
    rule: deleteOperationAlerts,
    note: 'Alerting facet: the activity log is watched for deletes of the cluster and of the management locks.',
  },
  {
    id: 'operations/security-center-monitoring',
    delivery: 'enforced',
    settings: [...operationsAlerting(), ...secureAksPlatform('alerting')],
    rule: securityAlerts,
    note: 'Alerting facet: Defender for Cloud security alerts (activity log category Security) in the platform resource groups go to the action group.',
  },
  {
    id: 'operations/kubernetes-version-current',
    delivery: 'option',
    settings: [...upgradeNotificationsOf(), ...secureAksPlatform('alerting')],
    rule: upgradeNotifications,
    note:
      'An Event Grid system topic on the cluster forwards NewKubernetesVersionAvailable, support ending/ended and node pool rolling (node image upgrade) events to the action group\'s Event Hub or Logic App receiver. ' +
      'On whenever the receivers include one: Event Grid cannot deliver AKS events to an action group (its Monitor Alert handler takes Key Vault sources only) nor to e-mail.',
  },
];
