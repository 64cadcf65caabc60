/**
 * `ManagedPrometheus`: Azure Monitor managed service for Prometheus for one cluster. An Azure
 * Monitor workspace stores the metrics; a data collection endpoint and a `Microsoft-PrometheusMetrics`
 * rule (kind Linux) route what the cluster's metrics add-on scrapes; two associations bind them to
 * the cluster (the rule, and the endpoint under the name `configurationAccessEndpoint`). The cluster
 * side is its `monitor_metrics` block (ManagedPrometheus.monitorMetrics).
 *
 * Option: Azure Managed Grafana with public network access off, reading the workspace through its
 * managed identity ("Monitoring Data Reader"), administered by an Entra group ("Grafana Admin").
 * With public access off, users reach Grafana through a private endpoint (`grafana`,
 * `privatelink.grafana.azure.com`) that the network owner provides.
 */
import { DashboardGrafana } from '@cdktf/provider-azurerm/lib/dashboard-grafana';
import type { KubernetesClusterMonitorMetrics } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { MonitorDataCollectionEndpoint } from '@cdktf/provider-azurerm/lib/monitor-data-collection-endpoint';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { MonitorWorkspace } from '@cdktf/provider-azurerm/lib/monitor-workspace';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { grantRole } from '../key-vault/roles';
import { checkGuids, checkPlacement, requireProp } from '../core/validate';

/** The stream managed Prometheus writes. */
export const PROMETHEUS_STREAM = 'Microsoft-PrometheusMetrics';

/** Managed Grafana option. */
export interface ManagedGrafanaProps {
  /** Grafana name: 2-23 characters, alphanumerics and hyphens, starting with a letter, ending alphanumeric. */
  readonly name: string;
  /** Object ids of the Entra groups granted "Grafana Admin". */
  readonly adminGroupObjectIds: readonly string[];
  /**
   * Grafana major version (the values azurerm 4.55 accepts).
   * @default '11'
   */
  readonly majorVersion?: '10' | '11';
}

/** Props of ManagedPrometheus. */
export interface ManagedPrometheusProps extends PlacementProps {
  /** Name stem: the workspace is `<name>`, the endpoint `<name>-dce`, the rule `<name>-dcr`. 3-40 letters, digits and hyphens. */
  readonly name: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /**
   * Adds Azure Managed Grafana on the workspace.
   * @default no Grafana
   */
  readonly grafana?: ManagedGrafanaProps;
}

const STEM = /^[a-zA-Z][a-zA-Z0-9-]{1,38}[a-zA-Z0-9]$/;
const GRAFANA_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,21}[a-zA-Z0-9]$/;

/** Managed Prometheus (and optionally Managed Grafana) for one cluster. */
export class ManagedPrometheus extends Construct {
  /** The Azure Monitor workspace. */
  public readonly monitorWorkspace: MonitorWorkspace;
  public readonly endpoint: MonitorDataCollectionEndpoint;
  public readonly rule: MonitorDataCollectionRule;
  /** The rule's association with the cluster. */
  public readonly ruleAssociation: MonitorDataCollectionRuleAssociation;
  /** The endpoint's association with the cluster (`configurationAccessEndpoint`). */
  public readonly endpointAssociation: MonitorDataCollectionRuleAssociation;
  /** Managed Grafana, when asked for. */
  public readonly grafana?: DashboardGrafana;

  public constructor(scope: Construct, id: string, props: ManagedPrometheusProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(STEM.test(props.name), this, 'name', props.name, 'is not a valid name stem', 'use 3-40 letters, digits and hyphens, starting with a letter');
    const tags = props.tags ? { ...props.tags } : undefined;
    const placement = { location: props.location, resourceGroupName: props.resourceGroupName, tags };
    this.monitorWorkspace = new MonitorWorkspace(this, 'workspace', { ...placement, name: props.name });
    this.endpoint = new MonitorDataCollectionEndpoint(this, 'endpoint', { ...placement, name: `${props.name}-dce`, kind: 'Linux', description: 'Managed Prometheus for an AKS cluster' });
    this.rule = new MonitorDataCollectionRule(this, 'rule', {
      ...placement,
      name: `${props.name}-dcr`,
      kind: 'Linux',
      description: 'Managed Prometheus for an AKS cluster',
      dataCollectionEndpointId: this.endpoint.id,
      destinations: { monitorAccount: [{ name: 'MonitoringAccount1', monitorAccountId: this.monitorWorkspace.id }] },
      dataFlow: [{ streams: [PROMETHEUS_STREAM], destinations: ['MonitoringAccount1'] }],
      dataSources: { prometheusForwarder: [{ name: 'PrometheusDataSource', streams: [PROMETHEUS_STREAM] }] },
    });
    this.ruleAssociation = new MonitorDataCollectionRuleAssociation(this, 'rule-association', {
      name: `${props.name}-dcra`,
      targetResourceId: props.clusterId,
      dataCollectionRuleId: this.rule.id,
      description: 'Managed Prometheus data collection for the cluster',
    });
    this.endpointAssociation = new MonitorDataCollectionRuleAssociation(this, 'endpoint-association', {
      name: 'configurationAccessEndpoint',
      targetResourceId: props.clusterId,
      dataCollectionEndpointId: this.endpoint.id,
      description: 'Managed Prometheus configuration endpoint for the cluster',
    });
    if (props.grafana) {
      this.grafana = this.addGrafana(props.grafana, placement);
    }
  }

  /** The cluster's `monitor_metrics` block, which deploys the managed Prometheus metrics add-on. */
  public get monitorMetrics(): KubernetesClusterMonitorMetrics {
    return {};
  }

  private addGrafana(props: ManagedGrafanaProps, placement: { location: string; resourceGroupName: string; tags?: Record<string, string> }): DashboardGrafana {
    requireProp(GRAFANA_NAME.test(props.name), this, 'grafana.name', props.name, 'is not a valid Managed Grafana name', 'use 2-23 letters, digits and hyphens, starting with a letter');
    requireProp(props.adminGroupObjectIds.length > 0, this, 'grafana.adminGroupObjectIds', props.adminGroupObjectIds, 'is empty, so nobody could administer Grafana', 'give the object id of the platform admin group');
    checkGuids(this, 'grafana.adminGroupObjectIds', props.adminGroupObjectIds, "the Entra group's object id");
    const grafana = new DashboardGrafana(this, 'grafana', {
      ...placement,
      name: props.name,
      grafanaMajorVersion: props.majorVersion ?? '11',
      sku: 'Standard',
      publicNetworkAccessEnabled: false,
      apiKeyEnabled: false,
      identity: { type: 'SystemAssigned' },
      azureMonitorWorkspaceIntegrations: [{ resourceId: this.monitorWorkspace.id }],
    });
    grantRole(this, 'grafana-reads-metrics', {
      scope: this.monitorWorkspace.id,
      role: 'Monitoring Data Reader',
      principalId: grafana.identity.principalId,
      principalType: 'ServicePrincipal',
      description: 'Managed Grafana queries the Azure Monitor workspace.',
    });
    props.adminGroupObjectIds.forEach((groupId, i) => {
      grantRole(this, `grafana-admin-${i}`, {
        scope: grafana.id,
        role: 'Grafana Admin',
        principalId: groupId,
        principalType: 'Group',
        description: 'Platform administrators of Managed Grafana.',
      });
    });
    return grafana;
  }
}
