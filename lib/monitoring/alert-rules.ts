/**
 * Checklist rules of the alerting baseline. Pure functions over Terraform JSON: an alert counts
 * when it targets the cluster (by reference or by literal id) and its action reaches an action
 * group that is enabled and has at least one receiver.
 */
import { blocks, getPath, JsonObject, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';
import { check, Check, evidenceFor, fromEvidence } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';

const CLUSTER = 'azurerm_kubernetes_cluster';
const ACTION_GROUP = 'azurerm_monitor_action_group';
const METRIC_ALERT = 'azurerm_monitor_metric_alert';
const ACTIVITY_ALERT = 'azurerm_monitor_activity_log_alert';
const PROMETHEUS_GROUP = 'azurerm_monitor_alert_prometheus_rule_group';
const FIREWALL = 'azurerm_firewall';
const RECEIVERS = ['email_receiver', 'sms_receiver', 'voice_receiver', 'webhook_receiver', 'logic_app_receiver', 'event_hub_receiver', 'azure_function_receiver', 'arm_role_receiver', 'automation_runbook_receiver', 'itsm_receiver', 'azure_app_push_receiver'];

/** How many receivers an action group declares. */
export function receiversOf(group: TfBlock): number {
  return RECEIVERS.reduce((n, key) => n + blocks(getPath(group.values, key)).length, 0);
}

/** Whether action blocks reach an enabled action group with at least one receiver (a literal action group id counts: it lives elsewhere). */
function reachesReceiver(doc: TerraformDocument, actions: readonly JsonObject[]): boolean {
  return actions.some((a) => {
    const id = a.action_group_id;
    const groups = doc.referencedBlocks(id, ACTION_GROUP);
    if (groups.length === 0) {
      return typeof id === 'string' && /\/providers\/microsoft\.insights\/actiongroups\/[^/]+$/i.test(id);
    }
    return groups.some((g) => getPath(g.values, 'enabled') !== false && receiversOf(g) > 0);
  });
}

/** Whether a value points at the cluster (reference, or literal id with the cluster's name). */
function pointsAt(doc: TerraformDocument, value: JsonValue | undefined, cluster: TfBlock): boolean {
  if (doc.references(value, cluster)) {
    return true;
  }
  const name = getPath(cluster.values, 'name');
  return typeof name === 'string' && strings(value).some((s) => new RegExp(`/managedclusters/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i').test(s));
}

function metricAlertsOn(doc: TerraformDocument, target: TfBlock): TfBlock[] {
  return doc.resources(METRIC_ALERT).filter((a) => pointsAt(doc, getPath(a.values, 'scopes'), target));
}

function metricNames(alert: TfBlock): string[] {
  return blocks(getPath(alert.values, 'criteria')).flatMap((c) => strings(c.metric_name));
}

function alertingGroupsOn(doc: TerraformDocument, cluster: TfBlock): TfBlock[] {
  return doc.resources(PROMETHEUS_GROUP).filter((g) => {
    const scoped = pointsAt(doc, getPath(g.values, 'scopes'), cluster) || (getPath(g.values, 'cluster_name') !== undefined && getPath(g.values, 'cluster_name') === getPath(cluster.values, 'name')) || doc.references(getPath(g.values, 'cluster_name'), cluster);
    return scoped && blocks(getPath(g.values, 'rule')).some((r) => typeof r.alert === 'string');
  });
}

/** The alert rules of a Prometheus rule group whose actions reach no receiver. */
function silentPrometheusAlerts(doc: TerraformDocument, group: TfBlock): string[] {
  return blocks(getPath(group.values, 'rule'))
    .filter((r) => typeof r.alert === 'string' && !reachesReceiver(doc, blocks(r.action)))
    .map((r) => String(r.alert));
}

/** Activity-log alerts of a category (case-insensitive) that reach a receiver. */
function activityAlerts(doc: TerraformDocument, category: string): TfBlock[] {
  return doc.resources(ACTIVITY_ALERT).filter((a) => {
    const c = getPath(a.values, 'criteria.category') ?? blocks(getPath(a.values, 'criteria'))[0]?.category;
    return typeof c === 'string' && c.toLowerCase() === category.toLowerCase() && getPath(a.values, 'enabled') !== false && reachesReceiver(doc, blocks(getPath(a.values, 'action')));
  });
}

function criteria(alert: TfBlock): JsonObject {
  return blocks(getPath(alert.values, 'criteria'))[0] ?? {};
}

/** Evidence that every alert and action group of the stack reaches someone. */
function silentAlerts(doc: TerraformDocument): Evidence[] {
  const evidence: Evidence[] = [];
  for (const group of doc.resources(ACTION_GROUP)) {
    const n = receiversOf(group);
    evidence.push(...evidenceFor(group, [check('', n > 0 && getPath(group.values, 'enabled') !== false, `enabled, ${n} receiver(s)`, n === 0 ? 'has no receiver: alerts sent to it reach nobody' : 'is disabled')]));
  }
  for (const alert of [...doc.resources(METRIC_ALERT), ...doc.resources(ACTIVITY_ALERT)]) {
    evidence.push(...evidenceFor(alert, [check('action', reachesReceiver(doc, blocks(getPath(alert.values, 'action'))), 'sends to an action group with a receiver', 'sends to no action group with a receiver')]));
  }
  for (const group of doc.resources(PROMETHEUS_GROUP)) {
    const silent = silentPrometheusAlerts(doc, group);
    if (blocks(getPath(group.values, 'rule')).some((r) => typeof r.alert === 'string')) {
      evidence.push(...evidenceFor(group, [check('rule', silent.length === 0, 'every alert rule sends to an action group with a receiver', `alert rules ${silent.join(', ')} send to no action group with a receiver`)]));
    }
  }
  return evidence;
}

/** The metric names a target needs alerts on. */
const CLUSTER_METRICS = ['node_cpu_usage_percentage', 'node_memory_working_set_percentage', 'node_disk_usage_percentage'];
const FIREWALL_METRICS = ['FirewallHealth', 'SNATPortUtilization'];

function missingMetrics(doc: TerraformDocument, target: TfBlock, needed: readonly string[]): string[] {
  const covered = new Set(metricAlertsOn(doc, target).filter((a) => reachesReceiver(doc, blocks(getPath(a.values, 'action')))).flatMap(metricNames));
  return needed.filter((m) => !covered.has(m));
}

/** Whether the cluster's outbound goes through the AKS load balancer (the default outbound type). */
function outboundThroughLoadBalancer(cluster: TfBlock): boolean {
  const type = getPath(cluster.values, 'network_profile.outbound_type') ?? blocks(getPath(cluster.values, 'network_profile'))[0]?.outbound_type;
  return type === undefined || type === 'loadBalancer';
}

/**
 * operations/metrics-collection (alerting facet): each cluster has metric alerts on node CPU,
 * memory working set and disk, and managed Prometheus alert rule groups, all reaching an action
 * group with a receiver; each firewall has health and SNAT alerts; a cluster whose outbound is the
 * load balancer has a SNAT alert on a load balancer.
 */
export const criticalMetricAlerts: Rule = (doc) => {
  const clusters = doc.resources(CLUSTER);
  if (clusters.length === 0) {
    return fromEvidence([], 'no AKS cluster in the stack');
  }
  const evidence: Evidence[] = [];
  for (const cluster of clusters) {
    const missing = missingMetrics(doc, cluster, CLUSTER_METRICS);
    const prometheus = alertingGroupsOn(doc, cluster).filter((g) => silentPrometheusAlerts(doc, g).length === 0);
    const checks: Check[] = [
      check('', missing.length === 0, 'metric alerts on node CPU, memory working set and disk reach a receiver', `has no metric alert reaching a receiver on ${missing.join(', ')}`),
      check('', prometheus.length > 0, `managed Prometheus alert rule groups ${prometheus.map((g) => g.address).join(', ')}`, 'has no managed Prometheus alert rule group scoped to it that reaches a receiver'),
    ];
    if (outboundThroughLoadBalancer(cluster)) {
      const snat = doc.resources(METRIC_ALERT).some((a) => metricNames(a).includes('SnatConnectionCount') && reachesReceiver(doc, blocks(getPath(a.values, 'action'))));
      checks.push(check('network_profile.outbound_type', snat, 'outbound through the load balancer, whose SNAT connections are alerted on', 'sends outbound traffic through the load balancer, but no alert watches its SNAT connections'));
    }
    evidence.push(...evidenceFor(cluster, checks));
  }
  for (const firewall of doc.resources(FIREWALL)) {
    const missing = missingMetrics(doc, firewall, FIREWALL_METRICS);
    evidence.push(...evidenceFor(firewall, [check('', missing.length === 0, 'health and SNAT port utilisation are alerted on', `has no metric alert reaching a receiver on ${missing.join(', ')}`)]));
  }
  return fromEvidence([...evidence, ...silentAlerts(doc)]);
};

/** Whether a Resource Health alert watches the cluster (by resource id or scope). */
function watchesHealthOf(doc: TerraformDocument, alert: TfBlock, cluster: TfBlock): boolean {
  const c = criteria(alert);
  return pointsAt(doc, c.resource_ids, cluster) || pointsAt(doc, c.resource_id, cluster) || pointsAt(doc, getPath(alert.values, 'scopes'), cluster);
}

/**
 * operations/cluster-health-scanning: Azure's own checks of the cluster reach the team: a Resource
 * Health alert on the cluster, a Service Health alert, and an Advisor recommendation alert, each
 * sending to an action group with a receiver.
 */
export const clusterHealthAlerts: Rule = (doc) => {
  const evidence: Evidence[] = [];
  const health = activityAlerts(doc, 'ResourceHealth');
  const service = activityAlerts(doc, 'ServiceHealth');
  const advisor = activityAlerts(doc, 'Recommendation');
  for (const cluster of doc.resources(CLUSTER)) {
    evidence.push(
      ...evidenceFor(cluster, [
        check('', health.some((a) => watchesHealthOf(doc, a, cluster)), 'Resource Health alert on the cluster', 'has no Resource Health alert reaching a receiver'),
        check('', service.length > 0, `Service Health alert ${service.map((a) => a.address).join(', ')}`, 'no Service Health alert reaches a receiver'),
        check('', advisor.length > 0, `Advisor recommendation alert ${advisor.map((a) => a.address).join(', ')}`, 'no Azure Advisor recommendation alert reaches a receiver'),
      ]),
    );
  }
  return fromEvidence(evidence, 'no AKS cluster in the stack');
};

/**
 * operations/log-aggregation (alerting facet): the activity log is watched for deletes: an alert
 * on the cluster's delete operation, and one on management lock deletes when the stack has locks.
 */
export const deleteOperationAlerts: Rule = (doc) => {
  const administrative = activityAlerts(doc, 'Administrative');
  const on = (operation: string): TfBlock[] => administrative.filter((a) => String(criteria(a).operation_name ?? '').toLowerCase() === operation.toLowerCase());
  const evidence: Evidence[] = [];
  for (const cluster of doc.resources(CLUSTER)) {
    const deletes = on('Microsoft.ContainerService/managedClusters/delete').filter((a) => criteria(a).resource_id === undefined || pointsAt(doc, criteria(a).resource_id, cluster));
    evidence.push(...evidenceFor(cluster, [check('', deletes.length > 0, 'an activity-log alert reports its deletion', 'no activity-log alert reports a delete of the cluster')]));
  }
  const locks = doc.resources('azurerm_management_lock');
  if (locks.length > 0) {
    const lockAlerts = on('Microsoft.Authorization/locks/delete');
    evidence.push(...evidenceFor(locks[0], [check('', lockAlerts.length > 0, `lock deletes alerted by ${lockAlerts.map((a) => a.address).join(', ')}`, 'no activity-log alert reports a delete of the management locks')]));
  }
  return fromEvidence(evidence, 'no AKS cluster in the stack');
};

/** operations/security-center-monitoring (alerting facet): Defender for Cloud's security alerts (activity log category Security) reach a receiver. */
export const securityAlerts: Rule = (doc) => {
  const security = activityAlerts(doc, 'Security');
  return fromEvidence(
    doc.resources(CLUSTER).flatMap((cluster) =>
      evidenceFor(cluster, [check('', security.length > 0, `security alerts forwarded by ${security.map((a) => a.address).join(', ')}`, 'no activity-log alert forwards Defender for Cloud security alerts to a receiver')]),
    ),
    'no AKS cluster in the stack',
  );
};

/** operations/kubernetes-version-current (option): an Event Grid system topic on the cluster forwards NewKubernetesVersionAvailable to an endpoint. */
export const upgradeNotifications: Rule = (doc) => {
  const topics = doc.resources('azurerm_eventgrid_system_topic').filter((t) => String(getPath(t.values, 'topic_type') ?? '').toLowerCase() === 'microsoft.containerservice.managedclusters');
  const evidence = topics.flatMap((topic) => {
    const subs = doc.resources('azurerm_eventgrid_system_topic_event_subscription').filter((s) => doc.references(getPath(s.values, 'system_topic'), topic) || getPath(s.values, 'system_topic') === getPath(topic.values, 'name'));
    const forwarding = subs.filter((s) => {
      const types = strings(getPath(s.values, 'included_event_types'));
      const endpoint = ['eventhub_endpoint_id', 'webhook_endpoint', 'service_bus_queue_endpoint_id', 'service_bus_topic_endpoint_id', 'storage_queue_endpoint', 'azure_function_endpoint', 'hybrid_connection_endpoint_id'].some((k) => getPath(s.values, k) !== undefined);
      return endpoint && (types.length === 0 || types.includes('Microsoft.ContainerService.NewKubernetesVersionAvailable'));
    });
    return evidenceFor(topic, [check('', forwarding.length > 0, `forwards new Kubernetes versions through ${forwarding.map((s) => s.address).join(', ')}`, 'has no subscription forwarding NewKubernetesVersionAvailable to an endpoint')]);
  });
  return fromEvidence(evidence, 'no Event Grid system topic on an AKS cluster');
};
