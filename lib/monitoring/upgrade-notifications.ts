/**
 * `UpgradeNotifications`: an Event Grid system topic on the cluster
 * (`Microsoft.ContainerService.ManagedClusters`) whose subscription forwards the AKS lifecycle
 * events: a new Kubernetes version available, support ending or ended, and the node pool rolling
 * events of a node image or version upgrade (started, succeeded, failed).
 *
 * Why not straight to the action group: Event Grid's "Azure Monitor alert" handler (endpoint type
 * `MonitorAlert`, which fires an action group) accepts Key Vault sources only, and azurerm 4.55's
 * `azurerm_eventgrid_system_topic_event_subscription` has no such endpoint either
 * (hashicorp/terraform-provider-azurerm#24873). The documented route for AKS events is an Event Hub
 * or a webhook (a Logic App); this construct delivers to the action group's own Event Hub or
 * Logic App receiver, so upgrade events land where the alerts land.
 */
import { EventgridSystemTopic } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic';
import { EventgridSystemTopicEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { PropError } from '../core/errors';
import { checkPlacement, isToken, requireProp } from '../core/validate';

/** The AKS events forwarded by default. */
export const AKS_UPGRADE_EVENTS = [
  'Microsoft.ContainerService.NewKubernetesVersionAvailable',
  'Microsoft.ContainerService.ClusterSupportEnding',
  'Microsoft.ContainerService.ClusterSupportEnded',
  'Microsoft.ContainerService.NodePoolRollingStarted',
  'Microsoft.ContainerService.NodePoolRollingSucceeded',
  'Microsoft.ContainerService.NodePoolRollingFailed',
] as const;

/** Where the events go: exactly one of the two. */
export interface UpgradeEventDestination {
  /**
   * Id of an event hub (the action group's Event Hub receiver).
   * @default none
   */
  readonly eventHubId?: string;
  /**
   * A webhook URL (the callback URL of the action group's Logic App receiver); only as a Terraform
   * value (sensitive variable), never a literal: it holds a SAS signature.
   * @default none
   */
  readonly webhookUrl?: string;
}

/** Props of UpgradeNotifications. */
export interface UpgradeNotificationsProps extends PlacementProps {
  /** Name of the system topic (3-128 letters, digits and hyphens); the subscription is `<name>-upgrades`. */
  readonly name: string;
  /** Id of the AKS cluster. */
  readonly clusterId: string;
  /** Where the events go. */
  readonly destination: UpgradeEventDestination;
  /**
   * The AKS event types forwarded.
   * @default AKS_UPGRADE_EVENTS
   */
  readonly eventTypes?: readonly string[];
}

const NAME = /^[a-zA-Z0-9-]{3,128}$/;

/** AKS upgrade events to the action group's Event Hub or Logic App. */
export class UpgradeNotifications extends Construct {
  public readonly systemTopic: EventgridSystemTopic;
  public readonly subscription: EventgridSystemTopicEventSubscription;

  public constructor(scope: Construct, id: string, props: UpgradeNotificationsProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(NAME.test(props.name), this, 'name', props.name, 'is not a valid system topic name', 'use 3-128 letters, digits and hyphens');
    const { eventHubId, webhookUrl } = props.destination;
    if ((eventHubId === undefined) === (webhookUrl === undefined)) {
      throw new PropError(this, 'destination', props.destination, 'must name exactly one of eventHubId and webhookUrl', 'give the Event Hub id (or the Logic App callback URL as a sensitive Terraform variable) the action group also sends to');
    }
    if (webhookUrl !== undefined && !isToken(webhookUrl)) {
      throw new PropError(this, 'destination.webhookUrl', '…', 'is a literal URL: it would write its credential into the synthesized JSON', 'pass it as a sensitive Terraform variable');
    }
    const eventTypes = props.eventTypes ?? AKS_UPGRADE_EVENTS;
    for (const type of eventTypes) {
      requireProp(type.startsWith('Microsoft.ContainerService.'), this, 'eventTypes', type, 'is not an AKS event type', `use one of ${AKS_UPGRADE_EVENTS.join(', ')}`);
    }
    this.systemTopic = new EventgridSystemTopic(this, 'topic', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sourceResourceId: props.clusterId,
      topicType: 'Microsoft.ContainerService.ManagedClusters',
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.subscription = new EventgridSystemTopicEventSubscription(this, 'upgrades', {
      name: `${props.name}-upgrades`.slice(0, 64),
      systemTopic: this.systemTopic.name,
      resourceGroupName: props.resourceGroupName,
      includedEventTypes: [...eventTypes],
      eventDeliverySchema: 'EventGridSchema',
      eventhubEndpointId: eventHubId,
      webhookEndpoint: webhookUrl !== undefined ? { url: webhookUrl } : undefined,
      retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLive: 1440 },
    });
  }
}
