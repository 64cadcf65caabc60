/**
 * `PlatformActivityLogAlerts`: activity-log alerts (`azurerm_monitor_activity_log_alert`, location
 * `global`) that tell the platform team what Azure itself knows:
 * - Resource Health of the cluster, firewall, registry and vault (Degraded, Unavailable);
 * - Service Health of AKS in the platform's regions (incidents, maintenance, security, action required);
 * - Azure Advisor recommendations for the platform's resource groups;
 * - Defender for Cloud security alerts (activity log category Security);
 * - administrative deletes of the cluster and of the management locks.
 */
import { MonitorActivityLogAlert, MonitorActivityLogAlertCriteria } from '@cdktf/provider-azurerm/lib/monitor-activity-log-alert';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { PropError } from '../core/errors';
import { checkGuid, checkName, checkRegion } from '../core/validate';
import { ALERT_NAME_STEM } from './prometheus-rules';

/** Display names of the regions, as Service Health names them (the region table in lib/core/regions.ts holds programmatic names only). */
const REGION_NAMES: Readonly<Record<string, string>> = {
  westeurope: 'West Europe',
  northeurope: 'North Europe',
  swedencentral: 'Sweden Central',
  swedensouth: 'Sweden South',
  germanywestcentral: 'Germany West Central',
  germanynorth: 'Germany North',
  francecentral: 'France Central',
  francesouth: 'France South',
  uksouth: 'UK South',
  ukwest: 'UK West',
  switzerlandnorth: 'Switzerland North',
  switzerlandwest: 'Switzerland West',
  norwayeast: 'Norway East',
  norwaywest: 'Norway West',
  polandcentral: 'Poland Central',
  italynorth: 'Italy North',
  spaincentral: 'Spain Central',
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  centralus: 'Central US',
  southcentralus: 'South Central US',
  northcentralus: 'North Central US',
  westcentralus: 'West Central US',
  canadacentral: 'Canada Central',
  canadaeast: 'Canada East',
  australiaeast: 'Australia East',
  australiasoutheast: 'Australia Southeast',
  japaneast: 'Japan East',
  japanwest: 'Japan West',
  southeastasia: 'Southeast Asia',
  eastasia: 'East Asia',
  centralindia: 'Central India',
  southindia: 'South India',
  koreacentral: 'Korea Central',
  koreasouth: 'Korea South',
  brazilsouth: 'Brazil South',
  southafricanorth: 'South Africa North',
  uaenorth: 'UAE North',
};

/** The Service Health display name of a region (`westeurope` → `West Europe`), or undefined for a region the library does not know. */
export function regionDisplayName(location: string): string | undefined {
  return REGION_NAMES[location.toLowerCase().replace(/[\s-]/g, '')];
}

/** A resource whose Resource Health is watched. */
export interface HealthTarget {
  /** Short name used in the alert's description, e.g. `cluster`. */
  readonly name: string;
  /** Resource id. */
  readonly id: string;
}

/** Props of PlatformActivityLogAlerts. */
export interface PlatformActivityLogAlertsProps {
  /** Name stem of the alerts (`<name>-resource-health`, ...): 1-200 characters, none of `<>*%&:\?/+`. */
  readonly name: string;
  /** Resource group of the alert rules. */
  readonly resourceGroupName: string;
  /** Subscription id (Service Health and Resource Health are subscription-level). */
  readonly subscriptionId: string;
  /** Id of the action group the alerts send to. */
  readonly actionGroupId: string;
  /** Id of the AKS cluster (Resource Health and delete alerts). */
  readonly clusterId: string;
  /**
   * Further resources whose Resource Health is watched (firewall, registry, vault).
   * @default [] (the cluster only)
   */
  readonly healthTargets?: readonly HealthTarget[];
  /** Ids of the platform's resource groups (Advisor, security alerts, lock deletes). */
  readonly resourceGroupIds: readonly string[];
  /** Regions of the platform, e.g. `['westeurope']` (Service Health locations; `Global` is always added). */
  readonly regions: readonly string[];
  /**
   * Services whose Service Health events are sent.
   * @default ['Azure Kubernetes Service (AKS)']
   */
  readonly serviceHealthServices?: readonly string[];
  /**
   * Tags of the alert rules.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}


/** The platform's activity-log alerts. */
export class PlatformActivityLogAlerts extends Construct {
  /** Every alert, keyed by its short name (`resource-health`, `service-health`, `advisor`, `security`, `cluster-delete`, `lock-delete`). */
  public readonly alerts: ReadonlyMap<string, MonitorActivityLogAlert>;

  public constructor(scope: Construct, id: string, props: PlatformActivityLogAlertsProps) {
    super(scope, id);
    libraryStack(this);
    checkName(this, 'name', props.name, ALERT_NAME_STEM);
    checkGuid(this, 'subscriptionId', props.subscriptionId, 'the subscription id the platform deploys into');
    if (props.resourceGroupIds.length === 0) {
      throw new PropError(this, 'resourceGroupIds', props.resourceGroupIds, 'is empty: Advisor, security and lock alerts would watch nothing', "give the platform's resource group ids");
    }
    if (props.regions.length === 0) {
      throw new PropError(this, 'regions', props.regions, 'is empty: Service Health would report no region', "give the platform's regions, e.g. ['westeurope']");
    }
    props.regions.forEach((r, i) => checkRegion(this, `regions[${i}]`, r));
    // Service Health names regions by display name; a region missing from REGION_NAMES is watched
    // without a location filter (all regions) rather than not at all.
    const named = props.regions.map(regionDisplayName);
    const locations = named.every((n) => n !== undefined) ? (named as string[]) : undefined;
    const subscription = `/subscriptions/${props.subscriptionId}`;
    const alerts = new Map<string, MonitorActivityLogAlert>();
    const add = (key: string, description: string, scopes: readonly string[], criteria: MonitorActivityLogAlertCriteria): void => {
      alerts.set(
        key,
        new MonitorActivityLogAlert(this, key, {
          name: `${props.name}-${key}`,
          resourceGroupName: props.resourceGroupName,
          location: 'global',
          scopes: [...scopes],
          description,
          enabled: true,
          criteria,
          action: [{ actionGroupId: props.actionGroupId }],
          tags: props.tags ? { ...props.tags } : undefined,
        }),
      );
    };
    const targets = [{ name: 'cluster', id: props.clusterId }, ...(props.healthTargets ?? [])];
    add('resource-health', `Resource Health of the ${targets.map((t) => t.name).join(', ')}: degraded or unavailable`, [subscription], {
      category: 'ResourceHealth',
      resourceIds: targets.map((t) => t.id),
      resourceHealth: { current: ['Degraded', 'Unavailable'], previous: ['Available', 'Degraded', 'Unavailable', 'Unknown'], reason: ['PlatformInitiated', 'UserInitiated', 'Unknown'] },
    });
    const services = [...(props.serviceHealthServices ?? ['Azure Kubernetes Service (AKS)'])];
    add('service-health', `Service Health of ${services.join(', ')} in ${locations?.join(', ') ?? 'every region'}`, [subscription], {
      category: 'ServiceHealth',
      serviceHealth: { events: ['Incident', 'Maintenance', 'Security', 'ActionRequired'], locations: locations ? [...new Set([...locations, 'Global'])] : undefined, services },
    });
    add('advisor', 'Azure Advisor recommendations for the platform resource groups', props.resourceGroupIds, { category: 'Recommendation' });
    add('security', 'Microsoft Defender for Cloud security alerts in the platform resource groups', props.resourceGroupIds, { category: 'Security' });
    add('cluster-delete', 'The AKS cluster is being deleted', props.resourceGroupIds, { category: 'Administrative', operationName: 'Microsoft.ContainerService/managedClusters/delete', resourceId: props.clusterId });
    add('lock-delete', 'A management lock of the platform is being deleted', props.resourceGroupIds, { category: 'Administrative', operationName: 'Microsoft.Authorization/locks/delete' });
    this.alerts = alerts;
  }
}
