/**
 * `PrometheusAlerting`: managed Prometheus rule groups on the Azure Monitor workspace, scoped to
 * one cluster (`azurerm_monitor_alert_prometheus_rule_group`):
 * - the node and Kubernetes recording rule groups the Azure Monitor dashboards (Grafana
 *   "Kubernetes / Compute Resources / ..." and "Node Exporter") read, as Azure Monitor's
 *   community recording rules define them;
 * - the recommended alert rule groups at cluster, node and pod level (node not ready or under
 *   pressure, container CPU/memory, OOM kills, crash loops and restarts, failed jobs, persistent
 *   volume usage, API server errors), each sending to the action group.
 *
 * The recording rules come first: the node alerts read `instance:node_cpu_utilisation:rate5m`.
 */
import { MonitorAlertPrometheusRuleGroup, MonitorAlertPrometheusRuleGroupRule } from '@cdktf/provider-azurerm/lib/monitor-alert-prometheus-rule-group';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { ErrorSubject, isToken, requireProp } from '../core/validate';

/** One recording rule. */
export interface RecordingRule {
  readonly record: string;
  readonly expression: string;
}

/** Node recording rules (node-exporter), as Azure Monitor's `NodeRecordingRulesRuleGroup` defines them. */
export const NODE_RECORDING_RULES: readonly RecordingRule[] = [
  { record: 'instance:node_num_cpu:sum', expression: 'count without (cpu, mode) (node_cpu_seconds_total{job="node",mode="idle"})' },
  { record: 'instance:node_cpu_utilisation:rate5m', expression: '1 - avg without (cpu) (sum without (mode) (rate(node_cpu_seconds_total{job="node", mode=~"idle|iowait|steal"}[5m])))' },
  { record: 'instance:node_load1_per_cpu:ratio', expression: '(node_load1{job="node"} / instance:node_num_cpu:sum{job="node"})' },
  {
    record: 'instance:node_memory_utilisation:ratio',
    expression:
      '1 - ((node_memory_MemAvailable_bytes{job="node"} or (node_memory_Buffers_bytes{job="node"} + node_memory_Cached_bytes{job="node"} + node_memory_MemFree_bytes{job="node"} + node_memory_Slab_bytes{job="node"})) / node_memory_MemTotal_bytes{job="node"})',
  },
  { record: 'instance:node_vmstat_pgmajfault:rate5m', expression: 'rate(node_vmstat_pgmajfault{job="node"}[5m])' },
  { record: 'instance_device:node_disk_io_time_seconds:rate5m', expression: 'rate(node_disk_io_time_seconds_total{job="node", device!=""}[5m])' },
  { record: 'instance_device:node_disk_io_time_weighted_seconds:rate5m', expression: 'rate(node_disk_io_time_weighted_seconds_total{job="node", device!=""}[5m])' },
  { record: 'instance:node_network_receive_bytes_excluding_lo:rate5m', expression: 'sum without (device) (rate(node_network_receive_bytes_total{job="node", device!="lo"}[5m]))' },
  { record: 'instance:node_network_transmit_bytes_excluding_lo:rate5m', expression: 'sum without (device) (rate(node_network_transmit_bytes_total{job="node", device!="lo"}[5m]))' },
  { record: 'instance:node_network_receive_drop_excluding_lo:rate5m', expression: 'sum without (device) (rate(node_network_receive_drop_total{job="node", device!="lo"}[5m]))' },
  { record: 'instance:node_network_transmit_drop_excluding_lo:rate5m', expression: 'sum without (device) (rate(node_network_transmit_drop_total{job="node", device!="lo"}[5m]))' },
];

const POD_NODE = 'topk by (cluster, namespace, pod) (1, max by (cluster, namespace, pod, node) (kube_pod_info{node!=""}))';
const ACTIVE_POD = 'max by (namespace, pod, cluster) ((kube_pod_status_phase{phase=~"Pending|Running"} == 1))';

function containerMemory(metric: string): RecordingRule {
  return { record: `node_namespace_pod_container:${metric}`, expression: `${metric}{job="cadvisor", image!=""} * on (cluster, namespace, pod) group_left(node) ${POD_NODE}` };
}

function requestsOrLimits(resource: 'cpu' | 'memory', kind: 'requests' | 'limits'): RecordingRule[] {
  const active = `cluster:namespace:pod_${resource}:active:kube_pod_container_resource_${kind}`;
  return [
    { record: active, expression: `kube_pod_container_resource_${kind}{resource="${resource}",job="kube-state-metrics"} * on (namespace, pod, cluster) group_left() ${ACTIVE_POD}` },
    {
      record: `namespace_${resource}:kube_pod_container_resource_${kind}:sum`,
      expression: `sum by (namespace, cluster) (sum by (namespace, pod, cluster) (max by (namespace, pod, container, cluster) (kube_pod_container_resource_${kind}{resource="${resource}",job="kube-state-metrics"}) * on (namespace, pod, cluster) group_left() ${ACTIVE_POD}))`,
    },
  ];
}

function workloadOwner(kind: 'deployment' | 'daemonset' | 'statefulset' | 'job'): RecordingRule {
  const owner = kind === 'deployment' ? 'ReplicaSet' : kind === 'daemonset' ? 'DaemonSet' : kind === 'statefulset' ? 'StatefulSet' : 'Job';
  return {
    record: 'namespace_workload_pod:kube_pod_owner:relabel',
    expression: `max by (cluster, namespace, workload, pod) (label_replace(kube_pod_owner{job="kube-state-metrics", owner_kind="${owner}"}, "workload", "$1", "owner_name", "(.*)")) * 0 + 1`,
  };
}

/** Kubernetes recording rules (cAdvisor and kube-state-metrics), as Azure Monitor's `KubernetesRecordingRulesRuleGroup` defines them. */
export const KUBERNETES_RECORDING_RULES: readonly RecordingRule[] = [
  {
    record: 'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate',
    expression: `sum by (cluster, namespace, pod, container) (irate(container_cpu_usage_seconds_total{job="cadvisor", image!=""}[5m])) * on (cluster, namespace, pod) group_left(node) ${POD_NODE}`,
  },
  containerMemory('container_memory_working_set_bytes'),
  containerMemory('container_memory_rss'),
  containerMemory('container_memory_cache'),
  containerMemory('container_memory_swap'),
  ...requestsOrLimits('memory', 'requests'),
  ...requestsOrLimits('cpu', 'requests'),
  ...requestsOrLimits('memory', 'limits'),
  ...requestsOrLimits('cpu', 'limits'),
  workloadOwner('deployment'),
  workloadOwner('daemonset'),
  workloadOwner('statefulset'),
  workloadOwner('job'),
  { record: ':node_memory_MemAvailable_bytes:sum', expression: 'sum(node_memory_MemAvailable_bytes{job="node"} or (node_memory_Buffers_bytes{job="node"} + node_memory_Cached_bytes{job="node"} + node_memory_MemFree_bytes{job="node"} + node_memory_Slab_bytes{job="node"})) by (cluster)' },
  { record: 'cluster:node_cpu:ratio_rate5m', expression: 'sum(rate(node_cpu_seconds_total{job="node",mode!="idle",mode!="iowait",mode!="steal"}[5m])) by (cluster) / count(sum(node_cpu_seconds_total{job="node"}) by (cluster, instance, cpu)) by (cluster)' },
];

/** Thresholds of the recommended alerts. Percentages are of the limit (container), capacity (volume) or the node. */
export interface PrometheusAlertThresholds {
  /**
   * Node CPU utilisation (`instance:node_cpu_utilisation:rate5m`) above which NodeHighCpu fires, in percent (1-100).
   * @default 90
   */
  readonly nodeCpuPercent?: number;
  /**
   * Node memory utilisation (`instance:node_memory_utilisation:ratio`) above which NodeHighMemory fires, in percent (1-100).
   * @default 90
   */
  readonly nodeMemoryPercent?: number;
  /**
   * Average container CPU use, in percent of its limit (1-100), for KubeContainerAverageCPUHigh.
   * @default 95
   */
  readonly containerCpuPercent?: number;
  /**
   * Average container memory working set, in percent of its limit (1-100), for KubeContainerAverageMemoryHigh.
   * @default 95
   */
  readonly containerMemoryPercent?: number;
  /**
   * Persistent volume usage, in percent of capacity (1-100), for KubePVUsageHigh.
   * @default 80
   */
  readonly persistentVolumePercent?: number;
  /**
   * Share of API server client requests answered with a 5xx, in percent (0.1-100), for KubeClientErrors.
   * @default 1
   */
  readonly apiServerErrorPercent?: number;
  /**
   * Container restarts per hour above which KubePodContainerRestart fires (0-1000).
   * @default 0 (any restart)
   */
  readonly podRestartsPerHour?: number;
}

/** Severities (0 critical .. 4 verbose) of each alert rule group. */
export interface PrometheusAlertSeverities {
  /**
   * Cluster-level alerts (quota overcommit, OOM kills, API server errors, volumes).
   * @default 3
   */
  readonly cluster?: number;
  /**
   * Node-level alerts (node not ready, unreachable, pressure, high CPU/memory).
   * @default 1
   */
  readonly node?: number;
  /**
   * Pod-level alerts (crash loops, restarts, failed pods and jobs, replicas, container CPU/memory).
   * @default 3
   */
  readonly pod?: number;
}

/** Props of PrometheusAlerting. */
export interface PrometheusAlertingProps extends PlacementProps {
  /** Name stem of the rule groups (`<name>-node-recording`, `<name>-cluster-alerts`, ...): 1-200 characters, none of `:@/#{}%&+*<>?`. */
  readonly name: string;
  /** Id of the Azure Monitor workspace managed Prometheus writes to. */
  readonly monitorWorkspaceId: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /** Name of the AKS cluster (rule groups are evaluated for this cluster only). */
  readonly clusterName: string;
  /** Id of the action group the alerts send to. */
  readonly actionGroupId: string;
  /**
   * Alert thresholds.
   * @default the defaults of PrometheusAlertThresholds
   */
  readonly thresholds?: PrometheusAlertThresholds;
  /**
   * Alert severities.
   * @default the defaults of PrometheusAlertSeverities
   */
  readonly severities?: PrometheusAlertSeverities;
}

/** An alert rule before the action is attached. */
interface AlertSpec {
  readonly alert: string;
  readonly expression: string;
  readonly for: string;
  readonly description: string;
}

const GROUP_NAME = /^[^:@/#{}%&+*<>?]{1,200}$/;

/** The recommended alerts of one level, with the thresholds resolved. */
export function recommendedAlerts(level: 'cluster' | 'node' | 'pod', t: Required<PrometheusAlertThresholds>): AlertSpec[] {
  if (level === 'cluster') {
    return [
      { alert: 'KubeCPUQuotaOvercommit', for: 'PT5M', expression: 'sum(min without(resource) (kube_resourcequota{job="kube-state-metrics", type="hard", resource=~"(cpu|requests.cpu)"})) by (cluster) / sum(kube_node_status_allocatable{resource="cpu", job="kube-state-metrics"}) by (cluster) > 1.5', description: 'CPU resource quotas of the namespaces overcommit the cluster by more than 50%.' },
      { alert: 'KubeMemoryQuotaOvercommit', for: 'PT5M', expression: 'sum(min without(resource) (kube_resourcequota{job="kube-state-metrics", type="hard", resource=~"(memory|requests.memory)"})) by (cluster) / sum(kube_node_status_allocatable{resource="memory", job="kube-state-metrics"}) by (cluster) > 1.5', description: 'Memory resource quotas of the namespaces overcommit the cluster by more than 50%.' },
      { alert: 'KubeContainerOOMKilledCount', for: 'PT5M', expression: 'sum by (cluster, container, controller, namespace) (kube_pod_container_status_last_terminated_reason{reason="OOMKilled"} * on(cluster, namespace, pod) group_left(controller) label_replace(kube_pod_owner, "controller", "$1", "owner_name", "(.*)")) > 0', description: 'Containers were killed for running out of memory.' },
      { alert: 'KubeClientErrors', for: 'PT15M', expression: `(sum(rate(rest_client_requests_total{code=~"5.."}[5m])) by (cluster, instance, job, namespace) / sum(rate(rest_client_requests_total[5m])) by (cluster, instance, job, namespace)) > ${t.apiServerErrorPercent / 100}`, description: `More than ${t.apiServerErrorPercent}% of the requests of a Kubernetes API client get a 5xx answer from the API server.` },
      { alert: 'KubePersistentVolumeFillingUp', for: 'PT60M', expression: 'kubelet_volume_stats_available_bytes{job="kubelet"} / kubelet_volume_stats_capacity_bytes{job="kubelet"} < 0.15 and kubelet_volume_stats_used_bytes{job="kubelet"} > 0 and predict_linear(kubelet_volume_stats_available_bytes{job="kubelet"}[6h], 4 * 24 * 3600) < 0 unless on(namespace, persistentvolumeclaim) kube_persistentvolumeclaim_access_mode{access_mode="ReadOnlyMany"} == 1', description: 'A persistent volume is predicted to fill up within four days.' },
      { alert: 'KubePersistentVolumeErrors', for: 'PT5M', expression: 'kube_persistentvolume_status_phase{phase=~"Failed|Pending",job="kube-state-metrics"} > 0', description: 'A persistent volume is Failed or Pending.' },
      { alert: 'KubeQuotaAlmostFull', for: 'PT15M', expression: 'kube_resourcequota{job="kube-state-metrics", type="used"} / ignoring(instance, job, type) (kube_resourcequota{job="kube-state-metrics", type="hard"} > 0) > 0.9 < 1', description: 'A namespace uses more than 90% of a resource quota.' },
    ];
  }
  if (level === 'node') {
    return [
      { alert: 'KubeNodeNotReady', for: 'PT15M', expression: 'kube_node_status_condition{job="kube-state-metrics",condition="Ready",status="true"} == 0', description: 'A node has not been Ready for 15 minutes.' },
      { alert: 'KubeNodeUnreachable', for: 'PT15M', expression: '(kube_node_spec_taint{job="kube-state-metrics",key="node.kubernetes.io/unreachable",effect="NoSchedule"} unless ignoring(key,value) kube_node_spec_taint{job="kube-state-metrics",key=~"ToBeDeletedByClusterAutoscaler|cloud.google.com/impending-node-termination|aws-node-termination-handler/spot-itn"}) == 1', description: 'A node is unreachable; its workloads may be rescheduled.' },
      { alert: 'KubeNodeReadinessFlapping', for: 'PT15M', expression: 'sum(changes(kube_node_status_condition{status="true",condition="Ready"}[15m])) by (cluster, node) > 2', description: 'A node changed its Ready state more than twice in 15 minutes.' },
      { alert: 'KubeNodePressure', for: 'PT10M', expression: 'kube_node_status_condition{job="kube-state-metrics",condition=~"MemoryPressure|DiskPressure|PIDPressure",status="true"} == 1', description: 'A node reports memory, disk or PID pressure: the kubelet evicts pods.' },
      { alert: 'NodeHighCpu', for: 'PT15M', expression: `instance:node_cpu_utilisation:rate5m{job="node"} > ${t.nodeCpuPercent / 100}`, description: `A node's CPU utilisation has been above ${t.nodeCpuPercent}% for 15 minutes.` },
      { alert: 'NodeHighMemory', for: 'PT15M', expression: `instance:node_memory_utilisation:ratio{job="node"} > ${t.nodeMemoryPercent / 100}`, description: `A node's memory utilisation has been above ${t.nodeMemoryPercent}% for 15 minutes.` },
    ];
  }
  return [
    { alert: 'KubePodCrashLooping', for: 'PT15M', expression: 'max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff", job="kube-state-metrics"}[5m]) >= 1', description: 'A container is in CrashLoopBackOff.' },
    { alert: 'KubePodContainerRestart', for: 'PT15M', expression: `sum by (namespace, controller, container, cluster) (increase(kube_pod_container_status_restarts_total{job="kube-state-metrics"}[1h]) * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, "controller", "$1", "owner_name", "(.*)")) > ${t.podRestartsPerHour}`, description: `A container restarted more than ${t.podRestartsPerHour} times in the last hour.` },
    { alert: 'KubePodFailedState', for: 'PT5M', expression: 'sum by (cluster, namespace, controller) (kube_pod_status_phase{phase="failed"} * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, "controller", "$1", "owner_name", "(.*)")) > 0', description: 'Pods are in the Failed phase.' },
    { alert: 'KubePodNotReadyByController', for: 'PT15M', expression: 'sum by (namespace, controller, cluster) (max by(namespace, pod, cluster) (kube_pod_status_phase{job="kube-state-metrics", phase=~"Pending|Unknown"}) * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, "controller", "$1", "owner_name", "(.*)")) > 0', description: 'Pods have been Pending or Unknown for 15 minutes.' },
    { alert: 'KubeJobFailed', for: 'PT15M', expression: 'kube_job_failed{job="kube-state-metrics"} > 0', description: 'A Kubernetes job failed.' },
    { alert: 'KubeJobStale', for: 'PT15M', expression: 'sum by(namespace, cronjob, cluster) (kube_cronjob_next_schedule_time{job="kube-state-metrics"} - kube_cronjob_status_last_schedule_time{job="kube-state-metrics"}) > 21600', description: 'A CronJob has not completed for more than six hours.' },
    { alert: 'KubeDeploymentReplicasMismatch', for: 'PT15M', expression: '(kube_deployment_spec_replicas{job="kube-state-metrics"} > kube_deployment_status_replicas_available{job="kube-state-metrics"}) and (changes(kube_deployment_status_replicas_updated{job="kube-state-metrics"}[10m]) == 0)', description: 'A deployment has had fewer available replicas than it asks for during 15 minutes.' },
    { alert: 'KubePVUsageHigh', for: 'PT15M', expression: `avg by (namespace, controller, container, cluster) (((kubelet_volume_stats_used_bytes{job="kubelet"} / on(namespace, cluster, pod, container) group_left kubelet_volume_stats_capacity_bytes{job="kubelet"}) * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, "controller", "$1", "owner_name", "(.*)"))) > ${t.persistentVolumePercent / 100}`, description: `A persistent volume is more than ${t.persistentVolumePercent}% full.` },
    { alert: 'KubeContainerAverageCPUHigh', for: 'PT5M', expression: `sum (rate(container_cpu_usage_seconds_total{image!="", container!="POD"}[5m])) by (pod, cluster, container, namespace) / sum(container_spec_cpu_quota{image!="", container!="POD"} / container_spec_cpu_period{image!="", container!="POD"}) by (pod, cluster, container, namespace) > ${t.containerCpuPercent / 100}`, description: `A container uses more than ${t.containerCpuPercent}% of its CPU limit.` },
    { alert: 'KubeContainerAverageMemoryHigh', for: 'PT10M', expression: `avg by (namespace, controller, container, cluster) (((container_memory_working_set_bytes{container!="", image!="", container!="POD"} / on(namespace, cluster, pod, container) group_left kube_pod_container_resource_limits{resource="memory", node!=""}) * on(namespace, pod, cluster) group_left(controller) label_replace(kube_pod_owner, "controller", "$1", "owner_name", "(.*)")) > ${t.containerMemoryPercent / 100})`, description: `A container's working set is above ${t.containerMemoryPercent}% of its memory limit.` },
  ];
}

/** The thresholds with their defaults. */
export function resolveThresholds(t: PrometheusAlertThresholds = {}): Required<PrometheusAlertThresholds> {
  return {
    nodeCpuPercent: t.nodeCpuPercent ?? 90,
    nodeMemoryPercent: t.nodeMemoryPercent ?? 90,
    containerCpuPercent: t.containerCpuPercent ?? 95,
    containerMemoryPercent: t.containerMemoryPercent ?? 95,
    persistentVolumePercent: t.persistentVolumePercent ?? 80,
    apiServerErrorPercent: t.apiServerErrorPercent ?? 1,
    podRestartsPerHour: t.podRestartsPerHour ?? 0,
  };
}

/** The name rule of an alert rule's name stem (metric and activity-log alerts). */
export const ALERT_NAME_STEM = { pattern: /^[^<>*%&:\\?/+]{1,200}$/, rule: '1-200 characters, none of < > * % & : \\ ? / +' } as const;

/** Checks an alert severity (0-4). */
export function requireSeverity(at: ErrorSubject, prop: string, value: number): void {
  requireProp(Number.isInteger(value) && value >= 0 && value <= 4, at, prop, value, 'is not an alert severity (a whole number from 0, critical, to 4, verbose)', 'use 0, 1, 2, 3 or 4');
}

/** Checks a percentage in [min, 100]. */
export function requirePercent(at: ErrorSubject, prop: string, value: number, min = 1): void {
  if (!isToken(value)) {
    requireProp(Number.isFinite(value) && value >= min && value <= 100, at, prop, value, `is outside the range ${min}-100`, `use a percentage from ${min} to 100`);
  }
}

/** Managed Prometheus recording and recommended alert rule groups for one cluster. */
export class PrometheusAlerting extends Construct {
  /** The rule groups: node and Kubernetes recording rules, cluster, node and pod alerts. */
  public readonly ruleGroups: readonly MonitorAlertPrometheusRuleGroup[];

  public constructor(scope: Construct, id: string, props: PrometheusAlertingProps) {
    super(scope, id);
    libraryStack(this);
    requireProp(GROUP_NAME.test(props.name), this, 'name', props.name, 'is not a valid rule group name stem (1-200 characters, none of :@/#{}%&+*<>?)', "use e.g. 'prom-contoso-prod-weu'");
    const t = resolveThresholds(props.thresholds);
    for (const key of ['nodeCpuPercent', 'nodeMemoryPercent', 'containerCpuPercent', 'containerMemoryPercent', 'persistentVolumePercent'] as const) {
      requirePercent(this, `thresholds.${key}`, t[key]);
    }
    requirePercent(this, 'thresholds.apiServerErrorPercent', t.apiServerErrorPercent, 0.1);
    requireProp(Number.isInteger(t.podRestartsPerHour) && t.podRestartsPerHour >= 0 && t.podRestartsPerHour <= 1000, this, 'thresholds.podRestartsPerHour', t.podRestartsPerHour, 'is not a whole number from 0 to 1000', 'use e.g. 0 (any restart) or 3');
    const severities = { cluster: props.severities?.cluster ?? 3, node: props.severities?.node ?? 1, pod: props.severities?.pod ?? 3 };
    for (const [level, severity] of Object.entries(severities)) {
      requireSeverity(this, `severities.${level}`, severity);
    }

    const group = (suffix: string, description: string, rule: MonitorAlertPrometheusRuleGroupRule[]): MonitorAlertPrometheusRuleGroup =>
      new MonitorAlertPrometheusRuleGroup(this, suffix, {
        name: `${props.name}-${suffix}`,
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        clusterName: props.clusterName,
        description,
        ruleGroupEnabled: true,
        interval: 'PT1M',
        scopes: [props.monitorWorkspaceId, props.clusterId],
        rule,
        tags: props.tags ? { ...props.tags } : undefined,
      });
    const recording = (rules: readonly RecordingRule[]): MonitorAlertPrometheusRuleGroupRule[] => rules.map((r) => ({ enabled: true, record: r.record, expression: r.expression }));
    const alerting = (level: 'cluster' | 'node' | 'pod'): MonitorAlertPrometheusRuleGroupRule[] =>
      recommendedAlerts(level, t).map((a) => ({
        enabled: true,
        alert: a.alert,
        expression: a.expression,
        for: a.for,
        severity: severities[level],
        annotations: { description: a.description },
        labels: { level },
        alertResolution: { autoResolved: true, timeToResolve: 'PT10M' },
        action: [{ actionGroupId: props.actionGroupId }],
      }));
    const nodeRecording = group('node-recording', 'Node recording rules (node-exporter) for the managed Prometheus dashboards', recording(NODE_RECORDING_RULES));
    const kubernetesRecording = group('kubernetes-recording', 'Kubernetes recording rules (cAdvisor, kube-state-metrics) for the managed Prometheus dashboards', recording(KUBERNETES_RECORDING_RULES));
    const alerts = [
      group('cluster-alerts', 'Recommended cluster-level alerts', alerting('cluster')),
      group('node-alerts', 'Recommended node-level alerts', alerting('node')),
      group('pod-alerts', 'Recommended pod-level alerts', alerting('pod')),
    ];
    alerts[1].node.addDependency(nodeRecording);
    this.ruleGroups = [nodeRecording, kubernetesRecording, ...alerts];
  }
}
