/**
 * Diagnostic settings: `ResourceDiagnostics` sends any resource's logs and metrics to a Log
 * Analytics workspace; `ClusterDiagnostics` does it for an AKS cluster with the control-plane log
 * categories, into resource-specific tables.
 */
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { diagnosticSetting, DiagnosticSettingProps } from '../core/diagnostic-setting';
import { ErrorSubject, isToken, requireProp } from '../core/validate';

/** Props of ResourceDiagnostics (target, workspace, metrics and destination as in `diagnosticSetting`). */
export interface ResourceDiagnosticsProps extends Pick<DiagnosticSettingProps, 'targetResourceId' | 'logAnalyticsWorkspaceId' | 'metrics' | 'destinationType'> {
  /**
   * Name of the diagnostic setting (unique per resource).
   * @default 'send-to-log-analytics'
   */
  readonly name?: string;
  /**
   * Log categories to collect, e.g. `['AuditEvent']`. When given, `categoryGroups` is ignored.
   * @default none: `categoryGroups` decides
   */
  readonly categories?: readonly string[];
  /**
   * Log category groups to collect (`allLogs`, `audit`), for resources that support groups.
   * @default ['allLogs'] when `categories` is not given
   */
  readonly categoryGroups?: readonly string[];
}

/** Characters Azure rejects in a diagnostic setting's name. */
const BAD_SETTING_NAME = /[<>*%&:\\?+/]/;

/** Sends one resource's logs and metrics to a Log Analytics workspace. */
export class ResourceDiagnostics extends Construct {
  /** The `azurerm_monitor_diagnostic_setting`. */
  public readonly setting: MonitorDiagnosticSetting;

  /**
   * @param reportAs who its errors name: this construct (the default), or the construct that made
   * it for its own props (ClusterDiagnostics passes itself)
   */
  public constructor(scope: Construct, id: string, props: ResourceDiagnosticsProps, reportAs?: ErrorSubject) {
    super(scope, id);
    libraryStack(this);
    const at = reportAs ?? this;
    const name = props.name ?? 'send-to-log-analytics';
    requireProp(
      name.length >= 1 && name.length <= 260 && !BAD_SETTING_NAME.test(name),
      at,
      'name',
      name,
      'is not a valid diagnostic setting name (1-260 characters, none of < > * % & : \\ ? + /)',
      "use letters, digits and hyphens, e.g. 'send-to-log-analytics'",
    );
    const categories = props.categories ?? [];
    const groups = categories.length > 0 ? [] : (props.categoryGroups ?? ['allLogs']);
    requireProp(
      categories.length > 0 || groups.length > 0,
      at,
      'categoryGroups',
      props.categoryGroups,
      'collects no log at all',
      "give at least one category or category group, e.g. ['allLogs']",
    );
    this.setting = diagnosticSetting(this, 'setting', {
      name,
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      destinationType: props.destinationType,
      categories,
      categoryGroups: groups,
      metrics: props.metrics,
    });
  }
}

/**
 * The resource log categories of `Microsoft.ContainerService/managedClusters` (Azure Monitor
 * reference "Supported logs for Microsoft.ContainerService/managedClusters").
 */
export const AKS_LOG_CATEGORIES = [
  'kube-apiserver',
  'kube-audit',
  'kube-audit-admin',
  'kube-controller-manager',
  'kube-scheduler',
  'cluster-autoscaler',
  'cloud-controller-manager',
  'guard',
  'csi-azuredisk-controller',
  'csi-azurefile-controller',
  'csi-snapshot-controller',
] as const;

/** One AKS resource log category. */
export type AksLogCategory = (typeof AKS_LOG_CATEGORIES)[number];

/**
 * The control-plane categories collected by default: everything but `kube-audit`, whose get/list
 * events are high-volume; `kube-audit-admin` keeps every modifying request.
 */
export const DEFAULT_AKS_LOG_CATEGORIES: readonly AksLogCategory[] = AKS_LOG_CATEGORIES.filter((c) => c !== 'kube-audit');

/** Props of ClusterDiagnostics. */
export interface ClusterDiagnosticsProps {
  /** Id of the AKS cluster (`azurerm_kubernetes_cluster.id`). */
  readonly clusterId: string;
  /** Id of the Log Analytics workspace. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Control-plane log categories to collect; each must be an AKS category.
   * @default DEFAULT_AKS_LOG_CATEGORIES (all but `kube-audit`)
   */
  readonly categories?: readonly string[];
  /**
   * Name of the diagnostic setting.
   * @default 'aks-control-plane'
   */
  readonly name?: string;
}

/** The AKS control-plane logs (API server, audit, controller manager, scheduler, autoscaler, guard ...) into resource-specific tables. */
export class ClusterDiagnostics extends Construct {
  /** The `azurerm_monitor_diagnostic_setting` on the cluster. */
  public readonly setting: MonitorDiagnosticSetting;

  public constructor(scope: Construct, id: string, props: ClusterDiagnosticsProps) {
    super(scope, id);
    libraryStack(this);
    const categories = props.categories ?? DEFAULT_AKS_LOG_CATEGORIES;
    const known: readonly string[] = AKS_LOG_CATEGORIES;
    for (const category of categories) {
      requireProp(
        isToken(category) || known.includes(category),
        this,
        'categories',
        category,
        'is not a log category of Microsoft.ContainerService/managedClusters',
        `use some of ${AKS_LOG_CATEGORIES.join(', ')}`,
      );
    }
    requireProp(categories.length > 0, this, 'categories', categories, 'is empty', "omit it to collect the default control-plane categories");
    this.setting = new ResourceDiagnostics(
      this,
      'Default',
      {
        targetResourceId: props.clusterId,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        name: props.name ?? 'aks-control-plane',
        categories,
        destinationType: 'Dedicated',
      },
      this,
    ).setting;
  }
}
