/**
 * `ClusterMonitoring`: everything that watches one AKS cluster, wired to an existing Log Analytics
 * workspace. Control-plane logs into resource-specific tables, Container Insights, managed
 * Prometheus; Managed Grafana and Application Insights as options.
 *
 * Order in a stack: SecureLogAnalyticsWorkspace, then the cluster (with `oms_agent` =
 * `workspace.omsAgent` and `monitor_metrics` = `{}`), then ClusterMonitoring with the cluster's id.
 */
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { TracingApplicationInsights } from './app-insights';
import { ContainerInsights } from './container-insights';
import { ClusterDiagnostics } from './diagnostics';
import { ManagedGrafanaProps, ManagedPrometheus } from './managed-prometheus';
import { asCallerError, checkPlacement, requireProp } from '../core/validate';

/** Props of ClusterMonitoring. */
export interface ClusterMonitoringProps extends PlacementProps {
  /** Name stem of the monitoring resources (3-35 letters, digits and hyphens), e.g. `aks-platform-weu`. */
  readonly name: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /** Id of the Log Analytics workspace (SecureLogAnalyticsWorkspace.workspaceId). */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Control-plane log categories.
   * @default DEFAULT_AKS_LOG_CATEGORIES (all but the high-volume `kube-audit`)
   */
  readonly controlPlaneLogCategories?: readonly string[];
  /**
   * Namespaces Container Insights leaves out.
   * @default [] (every namespace)
   */
  readonly containerInsightsExcludedNamespaces?: readonly string[];
  /**
   * Managed Grafana on the Prometheus workspace.
   * @default no Grafana
   */
  readonly grafana?: ManagedGrafanaProps;
  /**
   * Adds workspace-based Application Insights (named `<name>-appi`) for distributed tracing.
   * @default false
   */
  readonly applicationInsights?: boolean;
}

/** Logs, container insights and metrics for one AKS cluster. */
export class ClusterMonitoring extends Construct {
  public readonly controlPlaneLogs: ClusterDiagnostics;
  public readonly containerInsights: ContainerInsights;
  public readonly prometheus: ManagedPrometheus;
  /** Application Insights, when asked for. */
  public readonly tracing?: TracingApplicationInsights;

  public constructor(scope: Construct, id: string, props: ClusterMonitoringProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(/^[a-zA-Z][a-zA-Z0-9-]{1,33}[a-zA-Z0-9]$/.test(props.name), this, 'name', props.name, 'is not a valid name stem', 'use 3-35 letters, digits and hyphens, starting with a letter');
    const placement: PlacementProps = { resourceGroupName: props.resourceGroupName, location: props.location, tags: props.tags };
    this.controlPlaneLogs = asCallerError(this, { categories: 'controlPlaneLogCategories' }, () => new ClusterDiagnostics(this, 'control-plane-logs', {
      clusterId: props.clusterId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      categories: props.controlPlaneLogCategories,
    }));
    this.containerInsights = asCallerError(this, { excludedNamespaces: 'containerInsightsExcludedNamespaces' }, () => new ContainerInsights(this, 'container-insights', {
      ...placement,
      name: `${props.name}-msci`,
      clusterId: props.clusterId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      excludedNamespaces: props.containerInsightsExcludedNamespaces,
    }));
    this.prometheus = asCallerError(this, { grafana: 'grafana' }, () => new ManagedPrometheus(this, 'prometheus', { ...placement, name: `${props.name}-prom`, clusterId: props.clusterId, grafana: props.grafana }));
    if (props.applicationInsights) {
      this.tracing = new TracingApplicationInsights(this, 'tracing', { ...placement, name: `${props.name}-appi`, logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId });
    }
  }
}
