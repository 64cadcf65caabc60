/**
 * HubEgressRoute: forced tunnelling to a firewall that already exists in a hub another team owns.
 *
 * Spoke side only: a route table without BGP route propagation, a standalone 0.0.0.0/0 route with
 * next hop VirtualAppliance at the hub firewall's private IP, and one association per node subnet.
 * It implements IEgressPath, so SecureAksCluster runs on `outbound_type = userDefinedRouting` and
 * waits for the route and the associations.
 *
 * What it cannot do: see or change the hub firewall's rules (the hub team must allow the AKS
 * egress FQDNs, e.g. from `featureEndpoints` in lib/egress/endpoints), nor create the hub-to-spoke
 * peering. The network/egress-lockdown rule accepts such a route only while no azurerm_firewall is
 * in the stack, and its evidence says the firewall's rules are not verified.
 */
import type { Route } from '@cdktf/provider-azurerm/lib/route';
import type { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import type { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { parseIp } from '../core/cidr';
import type { IEgressPath, PlacementProps } from '../core/contracts';
import { assertProp } from '../core/errors';
import { EgressRoute } from './egress-route';
import { isPrivateIp, PRIVATE_RANGES, RESERVED_SUBNET_NAMES } from './rules';
import { atScope, checkPlacement, isToken, resolvedKey } from '../core/validate';

const C = 'HubEgressRoute';
/** Azure route table names: 1-80 letters, digits, `_ . -`, starting with a letter or digit, ending with a letter, digit or `_`. */
const ROUTE_TABLE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;

/** A node subnet routed to the hub firewall. */
export interface HubRoutedSubnet {
  /** Subnet resource id (a token is fine). */
  readonly id: string;
  /**
   * Subnet name, when known: a reserved name (AzureFirewallSubnet, AzureBastionSubnet, GatewaySubnet...) is rejected.
   * @default not checked
   */
  readonly name?: string;
}

/** Props of HubEgressRoute. */
export interface HubEgressRouteProps extends PlacementProps {
  /** Route table name (1-80 letters, digits, `_ . -`), in the node subnets' region and subscription. */
  readonly name: string;
  /**
   * Private IP of the existing hub firewall (Azure Firewall or NVA): a literal RFC 1918 address
   * such as `10.0.0.4`. A token is accepted but cannot be checked, and the egress-lockdown rule
   * cannot verify a route to it.
   */
  readonly firewallPrivateIp: string;
  /** Node subnets (system and user pools): each gets the route table. At least one. */
  readonly nodeSubnets: readonly HubRoutedSubnet[];
  /**
   * Public IPs the hub firewall egresses from, for a public API server's authorized ranges.
   * @default [] (a private cluster needs none)
   */
  readonly firewallPublicIps?: readonly string[];
}

/** The spoke side of egress through an existing hub firewall: route table, default route, subnet associations. */
export class HubEgressRoute extends Construct implements IEgressPath {
  public readonly outboundType = 'userDefinedRouting' as const;
  /** The hub firewall's private IP: the default route's next hop. */
  public readonly nextHopIp: string;
  /** The hub firewall's public egress IPs, as given. */
  public readonly egressPublicIps: readonly string[];
  /** The route table (bgp_route_propagation_enabled false). */
  public readonly routeTable: RouteTable;
  /** The standalone 0.0.0.0/0 route. */
  public readonly defaultRoute: Route;
  /** One association per node subnet. */
  public readonly associations: readonly SubnetRouteTableAssociation[];

  public constructor(scope: Construct, id: string, props: HubEgressRouteProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    atScope(this, () => validate(this, props));
    this.nextHopIp = props.firewallPrivateIp;
    this.egressPublicIps = [...(props.firewallPublicIps ?? [])];
    const route = new EgressRoute(this, {
      tableId: 'route-table',
      routeId: 'default-route',
      name: props.name,
      routeName: 'default-via-hub-firewall',
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      nextHopIp: props.firewallPrivateIp,
      tags: props.tags,
    });
    props.nodeSubnets.forEach((subnet, i) => route.associate(`association-${i}`, subnet.id));
    this.routeTable = route.routeTable;
    this.defaultRoute = route.defaultRoute;
    this.associations = route.associations;
  }

  /** The route and the associations: the cluster must be created after them. */
  public get dependables(): readonly ITerraformDependable[] {
    return [this.defaultRoute, ...this.associations];
  }
}

function validate(scope: Construct, props: HubEgressRouteProps): void {
  assertProp(
    isToken(props.name) || ROUTE_TABLE_NAME.test(props.name),
    C,
    'name',
    props.name,
    'is not a valid route table name',
    'use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore',
  );
  const ip = props.firewallPrivateIp;
  if (!isToken(ip)) {
    assertProp(typeof ip === 'string' && parseIp(ip) !== undefined, C, 'firewallPrivateIp', ip, 'is not an IPv4 address', "give the hub firewall's private IP, e.g. '10.0.0.4' (no prefix length)");
    assertProp(
      isPrivateIp(ip),
      C,
      'firewallPrivateIp',
      ip,
      `is not in a private range (${PRIVATE_RANGES.join(', ')}): a VirtualAppliance next hop is the firewall's private address in the hub VNet`,
      "give the firewall's private IP (Azure Firewall: the fourth address of AzureFirewallSubnet, e.g. '10.0.0.4'), not its public IP",
    );
  }
  assertProp(
    Array.isArray(props.nodeSubnets) && props.nodeSubnets.length > 0,
    C,
    'nodeSubnets',
    props.nodeSubnets,
    'is empty: no subnet would be routed to the firewall',
    'list the node subnets of every pool (system and user)',
  );
  const seen = new Set<string>();
  props.nodeSubnets.forEach((subnet, i) => {
    const prop = `nodeSubnets[${i}]`;
    assertProp(typeof subnet.id === 'string' && subnet.id.length > 0, C, `${prop}.id`, subnet.id, 'is empty', 'give the subnet resource id');
    const key = resolvedKey(scope, subnet.id);
    assertProp(!seen.has(key), C, `${prop}.id`, subnet.id, 'is listed twice: Azure allows one route table association per subnet', 'list each node subnet once');
    seen.add(key);
    if (subnet.name !== undefined && !isToken(subnet.name)) {
      assertProp(
        !RESERVED_SUBNET_NAMES.includes(subnet.name),
        C,
        `${prop}.name`,
        subnet.name,
        'is a subnet Azure reserves for its own services, not a node subnet: routing it to the firewall breaks that service',
        'pass only the node subnets',
      );
    }
  });
  for (const [i, publicIp] of (props.firewallPublicIps ?? []).entries()) {
    if (!isToken(publicIp)) {
      assertProp(parseIp(publicIp) !== undefined && !isPrivateIp(publicIp), C, `firewallPublicIps[${i}]`, publicIp, 'is not a public IPv4 address', "give the hub firewall's public egress IP, e.g. '20.50.1.10'");
    }
  }
}
