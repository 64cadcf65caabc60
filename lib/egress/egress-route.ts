/**
 * EgressRoute: the spoke side of forced tunnelling, shared by EgressFirewall and HubEgressRoute;
 * RegionalEgressRoutes: EgressFirewall's route tables, one per region of its node subnets.
 *
 * A route table without BGP route propagation, a standalone 0.0.0.0/0 route with next hop
 * VirtualAppliance at the firewall's private IP, and subnet associations that depend on that route
 * (and on whatever else the caller names): Terraform never associates a node subnet with a route
 * table that has no default route yet, so nodes never start before their egress path exists.
 *
 * A helper, not a construct: its resources are created in the owner's scope under the ids the owner
 * gives, so their Terraform addresses are the owner's (state stays put).
 */
import { Route } from '@cdktf/provider-azurerm/lib/route';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { isToken, resolvedKey } from '../core/validate';
import { regionName } from './validation';

/** What EgressRoute creates, and under which construct ids of the owner. */
export interface EgressRouteProps {
  /** Construct id of the route table in the owner's scope. */
  readonly tableId: string;
  /** Construct id of the default route in the owner's scope. */
  readonly routeId: string;
  /** Route table name. */
  readonly name: string;
  /** Default route name. */
  readonly routeName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The firewall's private IP: the default route's next hop. */
  readonly nextHopIp: string;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * What every association waits for besides the default route (e.g. the firewall and its rules).
   * @default only the default route
   */
  readonly associationDependsOn?: readonly ITerraformDependable[];
}

/** A route table with its 0.0.0.0/0 route to a firewall, and the node subnets associated with it. */
export class EgressRoute {
  /** The route table (bgp_route_propagation_enabled false). */
  public readonly routeTable: RouteTable;
  /** The standalone 0.0.0.0/0 route. */
  public readonly defaultRoute: Route;
  /** The associations made so far. */
  public readonly associations: SubnetRouteTableAssociation[] = [];

  public constructor(private readonly scope: Construct, private readonly props: EgressRouteProps) {
    this.routeTable = new RouteTable(scope, props.tableId, {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      // Routes learned over BGP (ExpressRoute/VPN) must not override the default route to the firewall.
      bgpRoutePropagationEnabled: false,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.defaultRoute = new Route(scope, props.routeId, {
      name: props.routeName,
      resourceGroupName: props.resourceGroupName,
      routeTableName: this.routeTable.name,
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopInIpAddress: props.nextHopIp,
    });
  }

  /**
   * Associates a subnet with the route table; the association waits for the default route.
   * @param id construct id of the association in the owner's scope
   */
  public associate(id: string, subnetId: string): SubnetRouteTableAssociation {
    const association = new SubnetRouteTableAssociation(this.scope, id, {
      subnetId,
      routeTableId: this.routeTable.id,
      // Nodes must never start on a route table that has no default route yet.
      dependsOn: [...(this.props.associationDependsOn ?? []), this.defaultRoute],
    });
    this.associations.push(association);
    return association;
  }
}

/** What RegionalEgressRoutes needs: the names' base, the placement, the next hop, what associations wait for. */
export interface RegionalEgressRoutesProps {
  /** Base of the route tables' names (`<name>-egress-<region>`). */
  readonly name: string;
  readonly resourceGroupName: string;
  /** The region of a subnet given without one. */
  readonly location: string;
  /** The firewall's private IP: the default routes' next hop. */
  readonly nextHopIp: string;
  readonly tags: Readonly<Record<string, string>>;
  /** What every association waits for besides its default route (the firewall and its rules). */
  readonly associationDependsOn: readonly ITerraformDependable[];
}

/**
 * A firewall's route tables: one EgressRoute per region of its node subnets (ids
 * `route-table-<region>`, `default-route-<region>`; a token region gets a counter), and one
 * association per node subnet (`route-association-<n>`), made once however often it is asked.
 */
export class RegionalEgressRoutes {
  /** The associations made so far. */
  public readonly associations: SubnetRouteTableAssociation[] = [];
  private readonly routed = new Set<string>();
  private readonly routes = new Map<string, EgressRoute>();

  public constructor(private readonly scope: Construct, private readonly props: RegionalEgressRoutesProps) {}

  /** Associates a subnet (once) with its region's route table, created on first use. */
  public associate(subnetId: string, location = this.props.location): void {
    const key = resolvedKey(this.scope, subnetId);
    if (this.routed.has(key)) {
      return;
    }
    this.routed.add(key);
    const region = isToken(location) ? resolvedKey(this.scope, location) : regionName(location);
    let route = this.routes.get(region);
    if (!route) {
      const suffix = isToken(location) ? `${this.routes.size}` : regionName(location);
      route = new EgressRoute(this.scope, {
        tableId: `route-table-${suffix}`,
        routeId: `default-route-${suffix}`,
        name: `${this.props.name}-egress-${suffix}`,
        routeName: 'default-via-firewall',
        resourceGroupName: this.props.resourceGroupName,
        location,
        nextHopIp: this.props.nextHopIp,
        tags: this.props.tags,
        // The default route must point at a firewall that exists and has its rules before nodes start.
        associationDependsOn: this.props.associationDependsOn,
      });
      this.routes.set(region, route);
    }
    this.associations.push(route.associate(`route-association-${this.associations.length}`, subnetId));
  }
}
