/**
 * UpgradeFleet: Azure Kubernetes Fleet Manager for the clusters of several regions (or
 * environments): a hubless fleet (`azurerm_kubernetes_fleet_manager`, update orchestration only),
 * one member per cluster in an update group, and an update strategy whose stages upgrade the groups
 * one after another with a soak time between them; so the checklist's "keep Kubernetes up to date"
 * holds across regions without every region upgrading at once (the secondary first, then the
 * primary once the secondary has soaked).
 *
 * azurerm 4.55 has no fleet auto-upgrade profile: start an update run with the strategy from a
 * pipeline (`az fleet updaterun create --update-strategy-name <strategy> --upgrade-type Full
 * --kubernetes-version <v>`), and keep each cluster's own patch channel for patches in its window.
 */
import { KubernetesFleetManager } from '@cdktf/provider-azurerm/lib/kubernetes-fleet-manager';
import { KubernetesFleetMember } from '@cdktf/provider-azurerm/lib/kubernetes-fleet-member';
import { KubernetesFleetUpdateStrategy } from '@cdktf/provider-azurerm/lib/kubernetes-fleet-update-strategy';
import { dependable } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { assertProp, ErrorSubject } from '../core/errors';
import { checkInt, checkName, checkPlacement, checkUnique, isKnown } from '../core/validate';

const NAME = 'UpgradeFleet';
/** Fleet, member, stage and group names: lower-case letters, digits and '-', alphanumeric at both ends. */
const FLEET_NAME = { pattern: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, rule: "1-63 lower-case letters, digits and '-', starting and ending with a letter or digit" };
const CHILD_NAME = { pattern: /^[a-z0-9]([-a-z0-9]{0,48}[a-z0-9])?$/, rule: "1-50 lower-case letters, digits and '-', starting and ending with a letter or digit" };
const CLUSTER_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]+$/i;

/** One member cluster of the fleet. */
export interface FleetMemberProps {
  /** Member name (1-50 lower-case letters, digits and '-'), e.g. the region. */
  readonly name: string;
  /**
   * Resource id of the AKS cluster: `cluster.id` in the same stack, or the literal id of a cluster
   * of another stack (`/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name>`).
   */
  readonly clusterId: string;
  /** Update group of the member (1-50 lower-case letters, digits and '-'): the stages upgrade groups in order. */
  readonly group: string;
}

/** Props of UpgradeFleet. */
export interface UpgradeFleetProps extends PlacementProps {
  /** Fleet name: 1-63 lower-case letters, digits and '-'. */
  readonly name: string;
  /** The member clusters; at least two, in at least two groups. */
  readonly members: readonly FleetMemberProps[];
  /**
   * The update groups in upgrade order: one stage each, e.g. `['secondary', 'primary']`.
   * @default the groups in the order they first appear in `members`
   */
  readonly upgradeOrder?: readonly string[];
  /**
   * Soak time after each stage but the last, in seconds (0-3600, the Fleet API's maximum): the next
   * region upgrades only after the previous one has run the new version this long.
   * @default 3600
   */
  readonly soakSeconds?: number;
  /**
   * Name of the update strategy.
   * @default 'sequential-regions'
   */
  readonly strategyName?: string;
}

/** Azure Kubernetes Fleet Manager with an update strategy that upgrades one group at a time. */
export class UpgradeFleet extends Construct {
  public readonly fleet: KubernetesFleetManager;
  public readonly members: KubernetesFleetMember[];
  public readonly updateStrategy: KubernetesFleetUpdateStrategy;
  /** The update groups in upgrade order. */
  public readonly upgradeOrder: readonly string[];

  public constructor(scope: Construct, id: string, props: UpgradeFleetProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    const order = props.upgradeOrder ?? [...new Set(props.members.map((m) => m.group))];
    validate({ construct: NAME, scope: this }, props, order);
    this.upgradeOrder = order;
    this.fleet = new KubernetesFleetManager(this, 'fleet', { name: props.name, resourceGroupName: props.resourceGroupName, location: props.location, tags: props.tags });
    this.members = props.members.map(
      (m) => new KubernetesFleetMember(this, `member-${m.name}`, { name: m.name, kubernetesFleetId: this.fleet.id, kubernetesClusterId: m.clusterId, group: m.group }),
    );
    const soak = props.soakSeconds ?? 3600;
    this.updateStrategy = new KubernetesFleetUpdateStrategy(this, 'strategy', {
      name: props.strategyName ?? 'sequential-regions',
      kubernetesFleetManagerId: this.fleet.id,
      stage: order.map((group, i) => ({
        name: `stage-${i + 1}-${group}`.slice(0, 50).replace(/-+$/, ''),
        group: [{ name: group }],
        afterStageWaitInSeconds: i < order.length - 1 ? soak : undefined,
      })),
    });
    // A strategy naming a group no member is in yet is refused: members first.
    this.updateStrategy.dependsOn = this.members.map((m) => dependable(m));
  }
}

function validate(at: ErrorSubject, props: UpgradeFleetProps, order: readonly string[]): void {
  checkName(at, 'name', props.name, FLEET_NAME);
  assertProp(Array.isArray(props.members) && props.members.length >= 2, at, 'members', props.members?.length, 'must list at least two clusters: a fleet of one upgrades nothing in sequence', 'add the cluster of every region');
  props.members.forEach((m, i) => {
    checkName(at, `members[${i}].name`, m.name, CHILD_NAME);
    checkName(at, `members[${i}].group`, m.group, CHILD_NAME);
    assertProp(typeof m.clusterId === 'string' && (!isKnown(m.clusterId) || CLUSTER_ID.test(m.clusterId)), at, `members[${i}].clusterId`, m.clusterId, 'is not an AKS cluster resource id', 'pass `cluster.id` or /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name>');
  });
  checkUnique(at, 'members[].name', props.members.map((m) => m.name));
  checkUnique(at, 'members[].clusterId', props.members.map((m) => m.clusterId).filter((id) => isKnown(id)).map((id) => id.toLowerCase()));
  const groups = new Set(props.members.map((m) => m.group));
  assertProp(groups.size >= 2, at, 'members[].group', [...groups], 'puts every member in one group: they would all upgrade at once', "give the regions distinct groups, e.g. 'secondary' and 'primary'");
  checkUnique(at, 'upgradeOrder', order);
  for (const g of order) {
    assertProp(groups.has(g), at, 'upgradeOrder', g, 'is a group no member is in', `use the members' groups: ${[...groups].join(', ')}`);
  }
  for (const g of groups) {
    assertProp(order.includes(g), at, 'upgradeOrder', order, `leaves out group '${g}': its members would never be upgraded by the strategy`, 'list every group once');
  }
  checkInt(at, 'soakSeconds', props.soakSeconds, 0, 3600, 'seconds');
  if (props.strategyName !== undefined) {
    checkName(at, 'strategyName', props.strategyName, CHILD_NAME);
  }
}
