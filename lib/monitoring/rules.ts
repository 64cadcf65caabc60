/**
 * Checklist rules of the monitoring concern. Pure functions over Terraform JSON: they read
 * azurerm resources and the `${...}` references between them, never provider bindings.
 */
import { blocks, getPath, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';
import { Check, check, equals, evidenceFor, forEachResource, fromEvidence, present, recommend } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';

const CLUSTER = 'azurerm_kubernetes_cluster';
const DIAGNOSTICS = 'azurerm_monitor_diagnostic_setting';
const DCR = 'azurerm_monitor_data_collection_rule';
const DCRA = 'azurerm_monitor_data_collection_rule_association';
const MANAGED_CLUSTER_ID = /\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+$/i;

/** The control-plane categories a cluster's diagnostic setting must collect. */
export const REQUIRED_CONTROL_PLANE_CATEGORIES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler', 'guard'] as const;

/** Whether a block's attribute references the block, or (a literal id) names an AKS cluster. */
function targetsCluster(doc: TerraformDocument, value: JsonValue | undefined, cluster?: TfBlock): boolean {
  if (cluster) {
    return doc.references(value, cluster);
  }
  return doc.referencedBlocks(value, CLUSTER).length > 0 || (typeof value === 'string' && MANAGED_CLUSTER_ID.test(value));
}

/** Diagnostic settings on AKS clusters (by reference or by literal cluster id). */
function clusterDiagnostics(doc: TerraformDocument, cluster?: TfBlock): TfBlock[] {
  return doc.resources(DIAGNOSTICS).filter((d) => targetsCluster(doc, getPath(d.values, 'target_resource_id'), cluster));
}

function logCategories(setting: TfBlock): { categories: string[]; groups: string[] } {
  const logs = blocks(getPath(setting.values, 'enabled_log'));
  return {
    categories: logs.flatMap((l) => strings(l.category)),
    groups: logs.flatMap((l) => strings(l.category_group)).map((g) => g.toLowerCase()),
  };
}

/** Whether the workspace forbids shared-key (local) authentication, in either attribute spelling. */
function localAuthOff(workspace: TfBlock): boolean {
  return getPath(workspace.values, 'local_authentication_enabled') === false || getPath(workspace.values, 'local_authentication_disabled') === true;
}

function isContainerInsightsRule(rule: TfBlock): boolean {
  return blocks(getPath(rule.values, 'data_sources.extension')).some((e) => e.extension_name === 'ContainerInsights');
}

function isPrometheusRule(rule: TfBlock): boolean {
  return blocks(getPath(rule.values, 'data_sources.prometheus_forwarder')).some((p) => strings(p.streams).includes('Microsoft-PrometheusMetrics'));
}

/** The Container Insights extension's settings, parsed from extension_json; undefined when it is an expression the report cannot read. */
function extensionSettings(rule: TfBlock): JsonValue | undefined {
  const text = blocks(getPath(rule.values, 'data_sources.extension')).find((e) => e.extension_name === 'ContainerInsights')?.extension_json;
  if (typeof text !== 'string' || text.includes('${')) {
    return undefined;
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** Container logs in the ContainerLogV2 schema (namespace, pod and container as columns). */
function containerLogV2(rule: TfBlock): Check {
  const settings = extensionSettings(rule);
  if (settings === undefined) {
    return check('data_sources.extension.extension_json', true, 'settings set by an expression (ContainerLogV2 not judged)', '');
  }
  return check(
    'data_sources.extension.extension_json',
    getPath(settings, 'dataCollectionSettings.enableContainerLogV2') === true,
    'container logs in the ContainerLogV2 schema',
    'does not set dataCollectionSettings.enableContainerLogV2 = true: container logs land in the legacy ContainerLog schema',
  );
}

/** Associations of a data collection rule. */
function associationsOf(doc: TerraformDocument, rule: TfBlock): TfBlock[] {
  return doc.referencing(DCRA, 'data_collection_rule_id', rule);
}

/** operations/log-aggregation: workspaces keep logs with Entra-only access; each cluster sends its logs to one; Container Insights rules are associated. */
export const logAggregation: Rule = (doc) => {
  const evidence: Evidence[] = [];
  for (const ws of doc.resources('azurerm_log_analytics_workspace')) {
    evidence.push(
      ...evidenceFor(ws, [
        present(ws, 'retention_in_days', 'retention set explicitly'),
        check('local_authentication_enabled', localAuthOff(ws), 'local (shared key) authentication is off', 'allows local (shared key) authentication: set local_authentication_enabled = false'),
      ]),
    );
  }
  for (const cluster of doc.resources(CLUSTER)) {
    const settings = doc.referencing(DIAGNOSTICS, 'target_resource_id', cluster).filter((d) => present(d, 'log_analytics_workspace_id').ok);
    const oms = getPath(cluster.values, 'oms_agent.log_analytics_workspace_id');
    evidence.push(
      ...evidenceFor(cluster, [
        check('', settings.length > 0 || (oms !== undefined && oms !== null), 'logs go to a Log Analytics workspace', 'sends no logs to a Log Analytics workspace (no diagnostic setting, no oms_agent)'),
      ]),
    );
  }
  for (const rule of doc.resources(DCR).filter(isContainerInsightsRule)) {
    evidence.push(
      ...evidenceFor(rule, [
        check('', associationsOf(doc, rule).length > 0, 'Container Insights rule associated with a cluster', 'Container Insights rule is associated with no cluster, so nothing is collected'),
        containerLogV2(rule),
      ]),
    );
  }
  return fromEvidence(evidence, 'no Log Analytics workspace, cluster or Container Insights rule in the stack');
};

function controlPlaneChecks(setting: TfBlock): Check[] {
  const { categories, groups } = logCategories(setting);
  const all = groups.includes('alllogs');
  const missing = REQUIRED_CONTROL_PLANE_CATEGORIES.filter((c) => !all && !categories.includes(c));
  const audit = all || groups.includes('audit') || categories.includes('kube-audit-admin') || categories.includes('kube-audit');
  const checks: Check[] = [
    check('enabled_log', missing.length === 0, `collects ${all ? 'allLogs' : categories.join(', ')}`, `misses control-plane categories ${missing.join(', ')}`),
    check('enabled_log', audit, 'collects API server audit events', 'collects neither kube-audit-admin nor kube-audit'),
  ];
  if (present(setting, 'log_analytics_workspace_id').ok) {
    // Resource-specific tables are this library's default; the item asks for the logs, not the table layout.
    checks.push(...recommend(equals(setting, 'log_analytics_destination_type', 'Dedicated')));
  }
  return checks;
}

/** operations/control-plane-logs: every cluster has a diagnostic setting with the control-plane categories, into resource-specific tables. */
export const controlPlaneLogs: Rule = (doc) => {
  const evidence: Evidence[] = [];
  for (const cluster of doc.resources(CLUSTER)) {
    evidence.push(...evidenceFor(cluster, [check('', clusterDiagnostics(doc, cluster).length > 0, 'has a control-plane diagnostic setting', 'has no diagnostic setting: control-plane logs are lost')]));
  }
  for (const setting of clusterDiagnostics(doc)) {
    evidence.push(...evidenceFor(setting, controlPlaneChecks(setting)));
  }
  return fromEvidence(evidence, 'no AKS cluster or cluster diagnostic setting in the stack');
};

function prometheusRuleChecks(doc: TerraformDocument, rule: TfBlock): Check[] {
  const associated = associationsOf(doc, rule).filter((a) => targetsCluster(doc, getPath(a.values, 'target_resource_id')));
  return [
    present(rule, 'destinations.monitor_account', 'an Azure Monitor workspace destination'),
    present(rule, 'data_collection_endpoint_id', 'a data collection endpoint'),
    check('', associated.length > 0, `associated with a cluster by ${associated.map((a) => a.address).join(', ')}`, 'is associated with no AKS cluster'),
  ];
}

/** operations/metrics-collection: managed Prometheus rules route to a monitor workspace and are associated; each cluster runs the metrics add-on and is associated with such a rule. */
export const metricsCollection: Rule = (doc) => {
  const prometheusRules = doc.resources(DCR).filter(isPrometheusRule);
  const evidence: Evidence[] = prometheusRules.flatMap((rule) => evidenceFor(rule, prometheusRuleChecks(doc, rule)));
  for (const cluster of doc.resources(CLUSTER)) {
    const fed = doc.resources(DCRA).some((a) => doc.references(getPath(a.values, 'target_resource_id'), cluster) && doc.referencedBlocks(getPath(a.values, 'data_collection_rule_id'), DCR).some(isPrometheusRule));
    const addon = getPath(cluster.values, 'monitor_metrics');
    evidence.push(
      ...evidenceFor(cluster, [
        check('monitor_metrics', addon !== undefined && addon !== null, 'runs the managed Prometheus metrics add-on', 'has no monitor_metrics block: the metrics add-on is not deployed'),
        check('', fed, 'is associated with a Microsoft-PrometheusMetrics rule', 'is associated with no Microsoft-PrometheusMetrics data collection rule'),
      ]),
    );
  }
  return fromEvidence(evidence, 'no AKS cluster or Prometheus data collection rule in the stack');
};

/** operations/distributed-tracing (option): Application Insights is workspace-based with local authentication off. */
export const distributedTracing: Rule = forEachResource('azurerm_application_insights', (appi) => [
  present(appi, 'workspace_id', 'workspace-based'),
  equals(appi, 'local_authentication_disabled', true),
]);
