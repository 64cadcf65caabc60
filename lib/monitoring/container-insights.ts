/**
 * `ContainerInsights`: the data collection rule and association that make the AKS monitoring
 * add-on (Azure Monitor Agent with managed-identity authentication) send container logs,
 * inventory, events and performance data to Log Analytics. The cluster side is its `oms_agent`
 * block with `msi_auth_for_monitoring_enabled = true` (SecureLogAnalyticsWorkspace.omsAgent):
 * without this rule the add-on runs but ingests nothing.
 */
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { checkDnsLabel, checkPlacement, requireProp } from '../core/validate';

/** The Container Insights stream group (all Container Insights tables, ContainerLogV2 included). */
export const CONTAINER_INSIGHTS_STREAM = 'Microsoft-ContainerInsights-Group-Default';

/** Props of ContainerInsights. */
export interface ContainerInsightsProps extends PlacementProps {
  /** Data collection rule name: 1-64 letters, digits, '-', '_' or '.'. */
  readonly name: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /** Id of the Log Analytics workspace. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Collection interval, `1m` to `30m`.
   * @default '1m'
   */
  readonly interval?: string;
  /**
   * Namespaces to leave out (cost control), e.g. `['kube-system']`.
   * @default [] (every namespace)
   */
  readonly excludedNamespaces?: readonly string[];
}

const DCR_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

/** Container Insights data collection for one cluster. */
export class ContainerInsights extends Construct {
  /** The `azurerm_monitor_data_collection_rule`. */
  public readonly rule: MonitorDataCollectionRule;
  /** The association of the rule with the cluster. */
  public readonly association: MonitorDataCollectionRuleAssociation;

  public constructor(scope: Construct, id: string, props: ContainerInsightsProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(DCR_NAME.test(props.name), this, 'name', props.name, 'is not a valid data collection rule name', "use 1-64 letters, digits, '-', '_' or '.'");
    const interval = props.interval ?? '1m';
    const minutes = /^(\d+)m$/.exec(interval);
    requireProp(minutes !== null && Number(minutes[1]) >= 1 && Number(minutes[1]) <= 30, this, 'interval', interval, 'is not an interval from 1m to 30m', "use e.g. '1m' or '5m'");
    const excluded = props.excludedNamespaces ?? [];
    excluded.forEach((ns, i) => checkDnsLabel(this, `excludedNamespaces[${i}]`, ns, 'namespace name'));
    const settings = {
      dataCollectionSettings: {
        interval,
        namespaceFilteringMode: excluded.length > 0 ? 'Exclude' : 'Off',
        namespaces: [...excluded],
        enableContainerLogV2: true,
      },
    };
    this.rule = new MonitorDataCollectionRule(this, 'rule', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      kind: 'Linux',
      description: 'Container Insights for an AKS cluster',
      destinations: { logAnalytics: [{ name: 'ciworkspace', workspaceResourceId: props.logAnalyticsWorkspaceId }] },
      dataFlow: [{ streams: [CONTAINER_INSIGHTS_STREAM], destinations: ['ciworkspace'] }],
      dataSources: {
        extension: [
          {
            name: 'ContainerInsightsExtension',
            extensionName: 'ContainerInsights',
            streams: [CONTAINER_INSIGHTS_STREAM],
            extensionJson: JSON.stringify(settings),
          },
        ],
      },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.association = new MonitorDataCollectionRuleAssociation(this, 'association', {
      name: 'ContainerInsightsExtension',
      targetResourceId: props.clusterId,
      dataCollectionRuleId: this.rule.id,
      description: 'Container Insights data collection for the cluster',
    });
  }
}
