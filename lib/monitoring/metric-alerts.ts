/**
 * `PlatformMetricAlerts`: Azure Monitor metric alerts (`azurerm_monitor_metric_alert`) on the
 * platform metrics AKS, Azure Firewall and the load balancer publish without any agent: node CPU,
 * memory working set and disk, unschedulable and failed pods, firewall health and SNAT port
 * utilisation, and failed outbound SNAT connections when the cluster's outbound is a load balancer.
 * Each alert sends to the action group.
 */
import { MonitorMetricAlert, MonitorMetricAlertCriteria } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { checkName, requireProp } from '../core/validate';
import { ALERT_NAME_STEM, requirePercent, requireSeverity } from './prometheus-rules';

/** Thresholds of the metric alerts. */
export interface MetricAlertThresholds {
  /**
   * Node CPU usage (`node_cpu_usage_percentage`, average over 5 minutes) above which the alert fires, in percent (1-100).
   * @default 95
   */
  readonly nodeCpuPercent?: number;
  /**
   * Node memory working set (`node_memory_working_set_percentage`), in percent (1-100).
   * @default 100 (Azure's recommended AKS alert: the kubelet starts evicting at the working set limit)
   */
  readonly nodeMemoryWorkingSetPercent?: number;
  /**
   * Node disk usage (`node_disk_usage_percentage`), in percent (1-100).
   * @default 90
   */
  readonly nodeDiskPercent?: number;
  /**
   * Pods the cluster autoscaler cannot schedule (`cluster_autoscaler_unschedulable_pods_count`) above which the alert fires (0-10000).
   * @default 0
   */
  readonly unschedulablePods?: number;
  /**
   * Pods in the Failed phase (`kube_pod_status_phase`, phase = Failed) above which the alert fires (0-10000).
   * @default 0
   */
  readonly failedPods?: number;
  /**
   * Azure Firewall health (`FirewallHealth`) below which the alert fires, in percent (1-100).
   * @default 90
   */
  readonly firewallHealthPercent?: number;
  /**
   * Azure Firewall SNAT port utilisation (`SNATPortUtilization`) above which the alert fires, in percent (1-100).
   * @default 80
   */
  readonly firewallSnatPercent?: number;
  /**
   * Failed outbound SNAT connections (`SnatConnectionCount`, ConnectionState = failed, total over 5 minutes) above which the alert fires (0-100000).
   * @default 0
   */
  readonly failedSnatConnections?: number;
}

/** Props of PlatformMetricAlerts. */
export interface PlatformMetricAlertsProps {
  /** Name stem of the alerts (`<name>-node-cpu`, ...): 1-200 characters, none of `<>*%&:\?/+`. */
  readonly name: string;
  /** Resource group of the alert rules. */
  readonly resourceGroupName: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /** Id of the action group the alerts send to. */
  readonly actionGroupId: string;
  /**
   * Id of the Azure Firewall the cluster's egress goes through.
   * @default no firewall alerts
   */
  readonly firewallId?: string;
  /**
   * Id of the load balancer that carries the cluster's outbound traffic (outbound type `loadBalancer`:
   * `${node_resource_group_id}/providers/Microsoft.Network/loadBalancers/kubernetes`).
   * @default no SNAT alert (outbound through a firewall or NAT gateway)
   */
  readonly outboundLoadBalancerId?: string;
  /**
   * Thresholds.
   * @default the defaults of MetricAlertThresholds
   */
  readonly thresholds?: MetricAlertThresholds;
  /**
   * Severity of the alerts (0 critical .. 4 verbose).
   * @default 2
   */
  readonly severity?: number;
  /**
   * Tags of the alert rules.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const AKS = 'Microsoft.ContainerService/managedClusters';

/** The platform's metric alerts. */
export class PlatformMetricAlerts extends Construct {
  /** Every metric alert, keyed by its short name (`node-cpu`, `firewall-health`, ...). */
  public readonly alerts: ReadonlyMap<string, MonitorMetricAlert>;

  public constructor(scope: Construct, id: string, props: PlatformMetricAlertsProps) {
    super(scope, id);
    libraryStack(this);
    checkName(this, 'name', props.name, ALERT_NAME_STEM);
    const t = props.thresholds ?? {};
    const threshold = (key: keyof MetricAlertThresholds, fallback: number, kind: 'percent' | 'count'): number => {
      const value = t[key] ?? fallback;
      if (kind === 'percent') {
        requirePercent(this, `thresholds.${key}`, value);
      } else {
        requireProp(Number.isInteger(value) && value >= 0 && value <= 100000, this, `thresholds.${key}`, value, 'is not a whole number from 0 to 100000', 'use e.g. 0');
      }
      return value;
    };
    const severity = props.severity ?? 2;
    requireSeverity(this, 'severity', severity);
    const alerts = new Map<string, MonitorMetricAlert>();
    const add = (key: string, scope: string, description: string, criteria: MonitorMetricAlertCriteria): void => {
      alerts.set(
        key,
        new MonitorMetricAlert(this, key, {
          name: `${props.name}-${key}`,
          resourceGroupName: props.resourceGroupName,
          scopes: [scope],
          description,
          severity,
          frequency: 'PT1M',
          windowSize: 'PT5M',
          autoMitigate: true,
          criteria: [criteria],
          action: [{ actionGroupId: props.actionGroupId }],
          tags: props.tags ? { ...props.tags } : undefined,
        }),
      );
    };
    const aks = (metricName: string, operator: string, value: number, dimension?: { name: string; values: string[] }): MonitorMetricAlertCriteria => ({
      metricNamespace: AKS,
      metricName,
      aggregation: 'Average',
      operator,
      threshold: value,
      dimension: dimension ? [{ name: dimension.name, operator: 'Include', values: dimension.values }] : undefined,
    });
    const cpu = threshold('nodeCpuPercent', 95, 'percent');
    add('node-cpu', props.clusterId, `Node CPU usage above ${cpu}%`, aks('node_cpu_usage_percentage', 'GreaterThan', cpu));
    const memory = threshold('nodeMemoryWorkingSetPercent', 100, 'percent');
    add('node-memory', props.clusterId, `Node memory working set at or above ${memory}%`, aks('node_memory_working_set_percentage', memory >= 100 ? 'GreaterThanOrEqual' : 'GreaterThan', memory));
    const disk = threshold('nodeDiskPercent', 90, 'percent');
    add('node-disk', props.clusterId, `Node disk usage above ${disk}%`, aks('node_disk_usage_percentage', 'GreaterThan', disk));
    const unschedulable = threshold('unschedulablePods', 0, 'count');
    add('unschedulable-pods', props.clusterId, `More than ${unschedulable} pods the cluster autoscaler cannot schedule`, aks('cluster_autoscaler_unschedulable_pods_count', 'GreaterThan', unschedulable));
    const failed = threshold('failedPods', 0, 'count');
    add('failed-pods', props.clusterId, `More than ${failed} pods in the Failed phase`, aks('kube_pod_status_phase', 'GreaterThan', failed, { name: 'phase', values: ['Failed'] }));
    if (props.firewallId) {
      const health = threshold('firewallHealthPercent', 90, 'percent');
      add('firewall-health', props.firewallId, `Azure Firewall health below ${health}%`, { metricNamespace: 'Microsoft.Network/azureFirewalls', metricName: 'FirewallHealth', aggregation: 'Average', operator: 'LessThan', threshold: health });
      const snat = threshold('firewallSnatPercent', 80, 'percent');
      add('firewall-snat', props.firewallId, `Azure Firewall SNAT port utilisation above ${snat}%`, { metricNamespace: 'Microsoft.Network/azureFirewalls', metricName: 'SNATPortUtilization', aggregation: 'Maximum', operator: 'GreaterThan', threshold: snat });
    }
    if (props.outboundLoadBalancerId) {
      const snat = threshold('failedSnatConnections', 0, 'count');
      add('outbound-snat', props.outboundLoadBalancerId, `More than ${snat} failed outbound SNAT connections in 5 minutes`, {
        metricNamespace: 'Microsoft.Network/loadBalancers',
        metricName: 'SnatConnectionCount',
        aggregation: 'Total',
        operator: 'GreaterThan',
        threshold: snat,
        dimension: [{ name: 'ConnectionState', operator: 'Include', values: ['failed'] }],
      });
    }
    this.alerts = alerts;
  }
}
