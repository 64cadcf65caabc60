/**
 * NatGatewayEgress: outbound through an Azure NAT gateway, for teams without a hub firewall. It
 * scales SNAT far beyond a load balancer's ports, but does not filter: nodes reach any host, so the
 * choice takes a reason, which the cluster using the path records as a waiver of network/egress-lockdown. Pods stay limited by the
 * tenants' default-deny policies and FQDN allowances (Cilium FQDN filtering, on by default).
 *
 * - `userAssigned` (default): an `azurerm_nat_gateway` in one availability zone (a NAT gateway is a
 *   zonal resource) with its own zonal Standard public IPs, associated with the node subnets;
 *   the cluster uses `outbound_type = userAssignedNATGateway`.
 * - `managed`: AKS creates and manages the NAT gateway (`outbound_type = managedNATGateway` with a
 *   `nat_gateway_profile`); nothing is created here.
 */
import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { NatGatewayPublicIpAssociation } from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { SubnetNatGatewayAssociation } from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { IEgressPath } from '../core/contracts';
import { assertProp, ErrorSubject } from '../core/errors';
import { checkInt, checkName, checkOneOf, checkReason } from '../core/validate';

const NAME = 'NatGatewayEgress';
const RESOURCE_NAME = { pattern: /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/, rule: "1-80 letters, digits, '_', '.' and '-', starting with a letter or digit and ending with a letter, digit or '_'" };

/** Props of NatGatewayEgress. */
export interface NatGatewayEgressProps {
  /** Why unfiltered egress is accepted (at least 10 characters): recorded as a waiver of network/egress-lockdown. */
  readonly reason: string;
  /**
   * `userAssigned`: a NAT gateway created here and associated with `nodeSubnetIds`; `managed`: AKS
   * creates it.
   * @default 'userAssigned'
   */
  readonly mode?: 'userAssigned' | 'managed';
  /**
   * Outbound public IPs, 1-16 (each gives 64,512 SNAT ports).
   * @default 1
   */
  readonly publicIpCount?: number;
  /**
   * Idle timeout of outbound flows in minutes, 4-120.
   * @default 4
   */
  readonly idleTimeoutMinutes?: number;
  /** Where the NAT gateway and its IPs go (userAssigned). */
  readonly resourceGroupName?: string;
  /** Azure region (userAssigned). */
  readonly location?: string;
  /** NAT gateway name (userAssigned); its IPs are `<name>-pip<n>`. */
  readonly name?: string;
  /**
   * The availability zone of the NAT gateway and its IPs (userAssigned): '1', '2' or '3'. A NAT
   * gateway lives in one zone; nodes of the other zones lose egress when that zone fails.
   * @default '1'
   */
  readonly zone?: string;
  /** Node subnets the NAT gateway serves (userAssigned): every subnet of the cluster's pools. */
  readonly nodeSubnetIds?: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Outbound through a NAT gateway: IEgressPath for SecureAksCluster. */
export class NatGatewayEgress extends Construct implements IEgressPath {
  public readonly outboundType: 'userAssignedNATGateway' | 'managedNATGateway';
  public readonly egressPublicIps: readonly string[];
  public readonly dependables: readonly ITerraformDependable[];
  public readonly natGatewayProfile?: { readonly managedOutboundIpCount: number; readonly idleTimeoutInMinutes: number };
  /** The loosening (no filtering) with its reason, which the cluster records as a waiver of network/egress-lockdown. */
  public readonly unfiltered: { readonly reason: string };
  /** The NAT gateway (userAssigned). */
  public readonly natGateway?: NatGateway;

  public constructor(scope: Construct, id: string, props: NatGatewayEgressProps) {
    super(scope, id);
    libraryStack(this);
    const mode = props.mode ?? 'userAssigned';
    validate({ construct: NAME, scope: this }, props, mode);
    this.unfiltered = { reason: props.reason.trim() };
    const ips = props.publicIpCount ?? 1;
    const idle = props.idleTimeoutMinutes ?? 4;
    if (mode === 'managed') {
      this.outboundType = 'managedNATGateway';
      this.natGatewayProfile = { managedOutboundIpCount: ips, idleTimeoutInMinutes: idle };
      this.egressPublicIps = [];
      this.dependables = [];
      return;
    }
    this.outboundType = 'userAssignedNATGateway';
    const zones = [props.zone ?? '1'];
    const placement = { resourceGroupName: props.resourceGroupName as string, location: props.location as string, tags: props.tags ? { ...props.tags } : undefined };
    const natGateway = new NatGateway(this, 'gateway', { ...placement, name: props.name as string, skuName: 'Standard', idleTimeoutInMinutes: idle, zones });
    this.natGateway = natGateway;
    const publicIps = Array.from({ length: ips }, (_, i) => new PublicIp(this, `pip${i + 1}`, { ...placement, name: `${props.name}-pip${i + 1}`, sku: 'Standard', allocationMethod: 'Static', zones }));
    publicIps.forEach((ip, i) => new NatGatewayPublicIpAssociation(this, `pip${i + 1}-association`, { natGatewayId: natGateway.id, publicIpAddressId: ip.id }));
    this.egressPublicIps = publicIps.map((ip) => ip.ipAddress);
    this.dependables = (props.nodeSubnetIds ?? []).map((subnetId, i) => new SubnetNatGatewayAssociation(this, `subnet${i + 1}`, { subnetId, natGatewayId: natGateway.id }));
  }
}

function validate(at: ErrorSubject, p: NatGatewayEgressProps, mode: string): void {
  checkReason(at, 'reason', p.reason, 'egress without filtering (a NAT gateway, no firewall)');
  checkOneOf(at, 'mode', p.mode, ['userAssigned', 'managed']);
  checkInt(at, 'publicIpCount', p.publicIpCount, 1, 16, 'IPs');
  checkInt(at, 'idleTimeoutMinutes', p.idleTimeoutMinutes, 4, 120, 'minutes');
  if (mode === 'managed') {
    for (const prop of ['resourceGroupName', 'location', 'name', 'zone', 'nodeSubnetIds'] as const) {
      assertProp(p[prop] === undefined, at, prop, p[prop], 'is set with mode managed, where AKS creates the NAT gateway', `drop ${prop}, or use mode 'userAssigned'`);
    }
    return;
  }
  for (const prop of ['resourceGroupName', 'location', 'name'] as const) {
    assertProp(typeof p[prop] === 'string' && p[prop].length > 0, at, prop, p[prop], 'is required with mode userAssigned', `give the ${prop} of the NAT gateway`);
  }
  checkName(at, 'name', p.name, RESOURCE_NAME);
  checkOneOf(at, 'zone', p.zone, ['1', '2', '3']);
  assertProp(Array.isArray(p.nodeSubnetIds) && p.nodeSubnetIds.length > 0, at, 'nodeSubnetIds', p.nodeSubnetIds, 'is empty: AKS refuses userAssignedNATGateway unless the node subnets have a NAT gateway', 'pass the subnet id of every node pool (SpokeNetwork subnets with purpose nodes)');
}
