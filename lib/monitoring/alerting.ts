/**
 * `OperationsAlerting`: the alerting baseline of one cluster in one construct, as
 * SecureAksPlatform wires it (and any stack of individual constructs can): the action group,
 * managed Prometheus recording and alert rule groups, metric alerts, activity-log alerts and the
 * upgrade notifications.
 */
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { PlatformActionGroup, AlertReceivers } from './action-group';
import { HealthTarget, PlatformActivityLogAlerts } from './activity-log-alerts';
import { MetricAlertThresholds, PlatformMetricAlerts } from './metric-alerts';
import { PrometheusAlertSeverities, PrometheusAlertThresholds, PrometheusAlerting } from './prometheus-rules';
import { UpgradeNotifications } from './upgrade-notifications';
import { checkPlacement } from '../core/validate';

/** What a team declares about its alerting (the platform derives the rest). */
export interface AlertingOptions {
  /** Who is told: at least one e-mail address, webhook, Logic App or Event Hub. */
  readonly receivers: AlertReceivers;
  /**
   * Thresholds of the managed Prometheus alerts.
   * @default the defaults of PrometheusAlertThresholds
   */
  readonly prometheusThresholds?: PrometheusAlertThresholds;
  /**
   * Severities of the managed Prometheus alert groups.
   * @default the defaults of PrometheusAlertSeverities
   */
  readonly prometheusSeverities?: PrometheusAlertSeverities;
  /**
   * Thresholds of the metric alerts.
   * @default the defaults of MetricAlertThresholds
   */
  readonly metricThresholds?: MetricAlertThresholds;
  /**
   * Severity of the metric alerts (0-4).
   * @default 2
   */
  readonly metricSeverity?: number;
  /**
   * Services whose Service Health events are sent.
   * @default ['Azure Kubernetes Service (AKS)']
   */
  readonly serviceHealthServices?: readonly string[];
  /**
   * Forward the AKS upgrade events (Event Grid) to the first Event Hub or Logic App receiver.
   * Event Grid cannot deliver to e-mail or to an action group for AKS events, so with e-mail or
   * webhook receivers only there is nothing to forward to and no topic is created.
   * @default true
   */
  readonly upgradeNotifications?: boolean;
}

/** Props of OperationsAlerting. */
export interface OperationsAlertingProps extends PlacementProps, AlertingOptions {
  /** Action group name. */
  readonly actionGroupName: string;
  /** Action group short name (1-12 characters). */
  readonly actionGroupShortName: string;
  /** Name stem of the alert rules and rule groups. */
  readonly name: string;
  /** Name of the Event Grid system topic on the cluster. */
  readonly systemTopicName: string;
  /** Subscription id. */
  readonly subscriptionId: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /** Name of the AKS cluster. */
  readonly clusterName: string;
  /** Id of the Azure Monitor workspace of managed Prometheus. */
  readonly monitorWorkspaceId: string;
  /**
   * Id of the egress firewall.
   * @default no firewall alerts
   */
  readonly firewallId?: string;
  /**
   * Id of the outbound load balancer (outbound type `loadBalancer`).
   * @default no SNAT alert
   */
  readonly outboundLoadBalancerId?: string;
  /**
   * Further resources whose Resource Health is watched (firewall, registry, vault).
   * @default []
   */
  readonly healthTargets?: readonly HealthTarget[];
  /** Ids of the platform's resource groups. */
  readonly resourceGroupIds: readonly string[];
  /**
   * Regions of the platform.
   * @default [location]
   */
  readonly regions?: readonly string[];
}

/** The alerting baseline of one cluster. */
export class OperationsAlerting extends Construct {
  public readonly actionGroup: PlatformActionGroup;
  public readonly prometheus: PrometheusAlerting;
  public readonly metricAlerts: PlatformMetricAlerts;
  public readonly activityLogAlerts: PlatformActivityLogAlerts;
  /** The upgrade notifications, when a receiver can take them. */
  public readonly upgradeNotifications?: UpgradeNotifications;

  public constructor(scope: Construct, id: string, props: OperationsAlertingProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    const tags = props.tags;
    this.actionGroup = new PlatformActionGroup(this, 'action-group', {
      name: props.actionGroupName,
      shortName: props.actionGroupShortName,
      resourceGroupName: props.resourceGroupName,
      receivers: props.receivers,
      tags,
    });
    const actionGroupId = this.actionGroup.actionGroupId;
    this.prometheus = new PrometheusAlerting(this, 'prometheus', {
      name: `${props.name}-prom`,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tags,
      monitorWorkspaceId: props.monitorWorkspaceId,
      clusterId: props.clusterId,
      clusterName: props.clusterName,
      actionGroupId,
      thresholds: props.prometheusThresholds,
      severities: props.prometheusSeverities,
    });
    this.metricAlerts = new PlatformMetricAlerts(this, 'metric', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      clusterId: props.clusterId,
      actionGroupId,
      firewallId: props.firewallId,
      outboundLoadBalancerId: props.outboundLoadBalancerId,
      thresholds: props.metricThresholds,
      severity: props.metricSeverity,
      tags,
    });
    this.activityLogAlerts = new PlatformActivityLogAlerts(this, 'activity-log', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      subscriptionId: props.subscriptionId,
      actionGroupId,
      clusterId: props.clusterId,
      healthTargets: props.healthTargets,
      resourceGroupIds: props.resourceGroupIds,
      regions: props.regions ?? [props.location],
      serviceHealthServices: props.serviceHealthServices,
      tags,
    });
    const eventHubId = props.receivers.eventHubs?.[0]?.eventHubId;
    const webhookUrl = eventHubId === undefined ? props.receivers.logicApps?.[0]?.callbackUrl : undefined;
    if ((props.upgradeNotifications ?? true) && (eventHubId !== undefined || webhookUrl !== undefined)) {
      this.upgradeNotifications = new UpgradeNotifications(this, 'upgrades', {
        name: props.systemTopicName,
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags,
        clusterId: props.clusterId,
        destination: { eventHubId, webhookUrl },
      });
    }
  }
}
