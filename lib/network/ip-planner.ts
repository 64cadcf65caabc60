/**
 * IP planning for a spoke network (network/ip-address-planning). Pure: no cdktf.
 *
 * For every subnet it computes the addresses the subnet must hold: Azure reserves 5 per subnet;
 * with overlay each node needs one address, with flat Azure CNI each node needs 1 + max_pods;
 * every node counts at the autoscaler maximum plus upgrade surge. It rejects subnets that are too
 * small (with required, available and the smallest prefix that fits), overlaps between subnets,
 * the VNet, the pod and service CIDRs and any peered/hub range, and proposes a layout from one
 * VNet range. The plan renders as data and as a Markdown table.
 */
import { Cidr, cidrOf, contains, overlaps, parseCidr, prefixFor } from '../core/cidr';
import { ErrorSubject, PropError } from '../core/errors';
import { AddressingModel, peakNodes, PoolAddressDemand, poolSubnetAddresses } from '../node-pools/pool-sizing';

/** Addresses Azure reserves in every subnet (network, gateway, two DNS, broadcast). */
export const AZURE_RESERVED = 5;
/** The smallest subnet Azure accepts for API server VNet integration. */
export const API_SERVER_MAX_PREFIX = 28;
/** Overlay gives each node a /24 of the pod CIDR. */
export const OVERLAY_NODE_BLOCK = 256;

/** What a subnet is for. */
export type SubnetPurpose = 'nodes' | 'api-server' | 'private-endpoints' | 'ingress' | 'other';

/** One subnet to plan or check. */
export interface SubnetRequest {
  /** Subnet name (also the Azure subnet name). */
  readonly name: string;
  readonly purpose: SubnetPurpose;
  /**
   * The subnet's CIDR. Leave unset to have `IpPlanner.propose` allocate one.
   * @default proposed
   */
  readonly cidr?: string;
  /**
   * Node pools placed in the subnet (purpose `nodes`).
   * @default []
   */
  readonly pools?: readonly PoolAddressDemand[];
  /**
   * Other addresses the subnet must hold: private endpoints, internal load balancer frontends,
   * the API server's internal load balancer.
   * @default 0 (nodes), 1 (api-server), 16 (private-endpoints), 8 (ingress)
   */
  readonly addresses?: number;
  /**
   * Extra prefix bits of growth the proposal leaves (1 doubles the subnet).
   * @default 1 for node subnets, 0 otherwise
   */
  readonly growthBits?: number;
}

/** A range the plan must not overlap (hub, peered spoke, on-premises). */
export interface ReservedRange {
  readonly name: string;
  readonly cidr: string;
}

/** Input of a plan. */
export interface IpPlanInput {
  /** The VNet address space (one or more ranges). */
  readonly vnetCidrs: readonly string[];
  /** How pods get addresses: overlay (and kubenet) one per node, flat Azure CNI 1 + max_pods per node. */
  readonly model: AddressingModel;
  /**
   * Overlay pod CIDR (checked for overlap and for a /24 per node).
   * @default none (flat model, or not checked)
   */
  readonly podCidr?: string;
  /**
   * Kubernetes service CIDR (checked for overlap).
   * @default none
   */
  readonly serviceCidr?: string;
  /**
   * Hub, peered and on-premises ranges the plan must not overlap.
   * @default []
   */
  readonly reservedRanges?: readonly ReservedRange[];
  readonly subnets: readonly SubnetRequest[];
}

/** One subnet of a plan. */
export interface SubnetPlan {
  readonly name: string;
  readonly purpose: SubnetPurpose;
  readonly cidr: string;
  /** Usable addresses: the block size minus Azure's 5. */
  readonly capacity: number;
  /** Addresses the subnet must hold (not counting Azure's 5). */
  readonly required: number;
  /** capacity - required. */
  readonly headroom: number;
  /** The smallest prefix length that fits the requirement. */
  readonly smallestPrefix: number;
  /** How `required` was computed, in words. */
  readonly basis: string;
}

/** A checked plan. */
export interface IpPlan {
  readonly vnetCidrs: readonly string[];
  readonly model: AddressingModel;
  readonly podCidr?: string;
  readonly serviceCidr?: string;
  readonly subnets: readonly SubnetPlan[];
  /** Nodes the cluster can reach at once (all node subnets, at max + surge). */
  readonly peakNodes: number;
}

const DEFAULT_ADDRESSES: Readonly<Record<SubnetPurpose, number>> = { nodes: 0, 'api-server': 1, 'private-endpoints': 16, ingress: 8, other: 0 };

/** What a subnet must hold (not counting Azure's 5), and how that was computed. */
export function subnetRequirement(request: SubnetRequest, model: AddressingModel): { required: number; basis: string } {
  const pools = request.pools ?? [];
  const extra = request.addresses ?? DEFAULT_ADDRESSES[request.purpose];
  const poolParts = pools.map((p) => `${p.name}: (${p.maxNodes}+${p.surgeNodes})${model === 'flat' ? `x${1 + p.maxPods}` : ''}`);
  const required = pools.reduce((sum, p) => sum + poolSubnetAddresses(p, model), 0) + extra;
  const parts = [...poolParts, ...(extra > 0 || pools.length === 0 ? [`${extra} ${request.purpose === 'nodes' ? 'other' : request.purpose} address${extra === 1 ? '' : 'es'}`] : [])];
  return { required, basis: parts.join(' + ') };
}

/** The smallest prefix that fits a requirement (Azure's 5 included; /28 at most for the API server subnet; /29 is Azure's smallest subnet). */
export function smallestPrefixFor(required: number, purpose: SubnetPurpose): number {
  const prefix = Math.min(prefixFor(required + AZURE_RESERVED), 29);
  return purpose === 'api-server' ? Math.min(prefix, API_SERVER_MAX_PREFIX) : prefix;
}

/** Plans, checks and renders subnet layouts. All methods are pure. */
export class IpPlanner {
  /**
   * @param owner the construct name used in error messages (e.g. `SpokeNetwork`)
   * @param propPrefix prefix of prop paths in error messages
   */
  public constructor(private readonly owner: ErrorSubject = 'IpPlanner', private readonly propPrefix = '') {}

  /** Checks a layout where every subnet has a CIDR; throws a PropError on the first problem. */
  public check(input: IpPlanInput): IpPlan {
    const vnets = this.parseVnets(input.vnetCidrs);
    const reserved = (input.reservedRanges ?? []).map((r) => ({ name: r.name, cidr: this.parse(`reservedRanges.${r.name}`, r.cidr) }));
    const pod = input.podCidr === undefined ? undefined : this.parse('podCidr', input.podCidr);
    const service = input.serviceCidr === undefined ? undefined : this.parse('serviceCidr', input.serviceCidr);

    reserved.forEach((r) => vnets.forEach((v) => this.noOverlap('vnetCidrs', v, `peered/hub range '${r.name}' (${r.cidr.text})`, r.cidr, 'choose a VNet range that is unique across the hub and its peered spokes')));
    const named: { label: string; cidr: Cidr }[] = [...vnets.map((v) => ({ label: `the VNet (${v.text})`, cidr: v })), ...reserved.map((r) => ({ label: `peered/hub range '${r.name}' (${r.cidr.text})`, cidr: r.cidr }))];
    if (pod) {
      named.forEach((n) => this.noOverlap('podCidr', pod, n.label, n.cidr, 'use a private range outside every VNet and peered range, e.g. 192.168.0.0/16 (overlay pod IPs never appear on the VNet, but routes to them must be unambiguous)'));
    }
    if (service) {
      [...named, ...(pod ? [{ label: `the pod CIDR (${pod.text})`, cidr: pod }] : [])].forEach((n) =>
        this.noOverlap('serviceCidr', service, n.label, n.cidr, 'use a range outside the VNet, peered ranges and the pod CIDR, e.g. 172.16.0.0/16'),
      );
    }

    const seen: { name: string; cidr: Cidr }[] = [];
    const subnets = input.subnets.map((s): SubnetPlan => {
      const prop = `subnets.${s.name}.cidr`;
      if (s.cidr === undefined) {
        throw new PropError(this.owner, this.prop(prop), undefined, 'is not set', 'give every subnet a CIDR, or call propose() to allocate them');
      }
      const cidr = this.parse(prop, s.cidr);
      if (!vnets.some((v) => contains(v, cidr))) {
        throw new PropError(this.owner, this.prop(prop), s.cidr, `is not inside the VNet address space (${vnets.map((v) => v.text).join(', ')})`, 'choose a subnet range inside the VNet');
      }
      seen.forEach((o) => this.noOverlap(prop, cidr, `subnet '${o.name}' (${o.cidr.text})`, o.cidr, 'give each subnet its own range'));
      [...reserved.map((r) => ({ label: `peered/hub range '${r.name}'`, cidr: r.cidr })), ...(pod ? [{ label: 'the pod CIDR', cidr: pod }] : []), ...(service ? [{ label: 'the service CIDR', cidr: service }] : [])].forEach((n) =>
        this.noOverlap(prop, cidr, `${n.label} (${n.cidr.text})`, n.cidr, 'move the subnet or the other range'),
      );
      seen.push({ name: s.name, cidr });
      const { required, basis } = subnetRequirement(s, input.model);
      const capacity = cidr.size - AZURE_RESERVED;
      const smallest = smallestPrefixFor(required, s.purpose);
      if (s.purpose === 'api-server' && cidr.prefix > API_SERVER_MAX_PREFIX) {
        throw new PropError(this.owner, this.prop(prop), s.cidr, `is smaller than /${API_SERVER_MAX_PREFIX}, the minimum AKS accepts for API server VNet integration`, `use a /${API_SERVER_MAX_PREFIX} or larger`);
      }
      if (required > capacity) {
        throw new PropError(
          this.owner,
          this.prop(prop),
          s.cidr,
          `is too small: it must hold ${required} addresses (${basis}; ${input.model}) but a /${cidr.prefix} has ${capacity} usable (${cidr.size} minus Azure's ${AZURE_RESERVED})`,
          `use a /${smallest} or larger (${2 ** (32 - smallest) - AZURE_RESERVED} usable), or lower maxCount, maxPods or maxSurge`,
        );
      }
      return { name: s.name, purpose: s.purpose, cidr: cidr.text, capacity, required, headroom: capacity - required, smallestPrefix: smallest, basis };
    });

    const peak = input.subnets.flatMap((s) => s.pools ?? []).reduce((sum, p) => sum + peakNodes(p), 0);
    if (pod && input.model === 'overlay' && peak * OVERLAY_NODE_BLOCK > pod.size) {
      const need = prefixFor(peak * OVERLAY_NODE_BLOCK);
      throw new PropError(this.owner, this.prop('podCidr'), pod.text, `holds ${pod.size / OVERLAY_NODE_BLOCK} node /24 blocks but the cluster can reach ${peak} nodes (max + surge)`, `use a /${need} or larger pod CIDR`);
    }
    return { vnetCidrs: vnets.map((v) => v.text), model: input.model, podCidr: pod?.text, serviceCidr: service?.text, subnets, peakNodes: peak };
  }

  /**
   * Proposes CIDRs for the subnets that have none, inside the VNet's first range, around the ones
   * that do: each gets the smallest prefix that fits plus its growth bits, largest first so blocks
   * stay aligned. Then checks the whole layout.
   */
  public propose(input: IpPlanInput): IpPlan {
    const vnets = this.parseVnets(input.vnetCidrs);
    const vnet = vnets[0];
    const taken: Cidr[] = input.subnets.filter((s) => s.cidr !== undefined).map((s) => this.parse(`subnets.${s.name}.cidr`, s.cidr!));
    const order = input.subnets
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.cidr === undefined)
      .map(({ s, i }) => {
        const { required } = subnetRequirement(s, input.model);
        const growth = s.growthBits ?? (s.purpose === 'nodes' ? 1 : 0);
        return { i, prefix: Math.max(vnet.prefix, smallestPrefixFor(required, s.purpose) - growth) };
      })
      .sort((a, b) => a.prefix - b.prefix || a.i - b.i);
    const assigned = new Map<number, string>();
    for (const { i, prefix } of order) {
      const block = this.firstFree(vnet, prefix, taken);
      if (!block) {
        const { required } = subnetRequirement(input.subnets[i], input.model);
        throw new PropError(this.owner, this.prop('vnetCidrs'), vnet.text, `has no free /${prefix} left for subnet '${input.subnets[i].name}' (needs ${required} addresses)`, 'use a larger VNet range, or lower the pools\' maxCount/maxPods');
      }
      taken.push(block);
      assigned.set(i, block.text);
    }
    return this.check({ ...input, subnets: input.subnets.map((s, i) => (assigned.has(i) ? { ...s, cidr: assigned.get(i) } : s)) });
  }

  private firstFree(vnet: Cidr, prefix: number, taken: readonly Cidr[]): Cidr | undefined {
    const size = 2 ** (32 - prefix);
    for (let first = vnet.first; first + size - 1 <= vnet.last; first += size) {
      const candidate = cidrOf(first, prefix);
      if (!taken.some((t) => overlaps(t, candidate))) {
        return candidate;
      }
    }
    return undefined;
  }

  private parseVnets(texts: readonly string[]): Cidr[] {
    if (texts.length === 0) {
      throw new PropError(this.owner, this.prop('vnetCidrs'), texts, 'is empty', 'give the VNet at least one address range, e.g. 10.10.0.0/16');
    }
    const vnets = texts.map((t) => this.parse('vnetCidrs', t));
    vnets.forEach((a, i) => vnets.slice(i + 1).forEach((b) => this.noOverlap('vnetCidrs', a, b.text, b, 'list non-overlapping VNet ranges')));
    return vnets;
  }

  private parse(prop: string, text: string): Cidr {
    const cidr = parseCidr(text);
    if (!cidr) {
      throw new PropError(this.owner, this.prop(prop), text, 'is not an IPv4 CIDR block with its host bits clear', "write it as 'a.b.c.d/n' with the address on a block boundary, e.g. 10.10.0.0/16");
    }
    return cidr;
  }

  private noOverlap(prop: string, a: Cidr, label: string, b: Cidr, fix: string): void {
    if (overlaps(a, b)) {
      throw new PropError(this.owner, this.prop(prop), a.text, `overlaps ${label}`, fix);
    }
  }

  private prop(p: string): string {
    return `${this.propPrefix}${p}`;
  }
}

/** Renders a plan as a Markdown table (subnet, CIDR, capacity, required, headroom) with the pod/service ranges below. */
export function planToMarkdown(plan: IpPlan): string {
  const rows = plan.subnets.map((s) => `| ${s.name} | ${s.cidr} | ${s.capacity} | ${s.required} | ${s.headroom} |`);
  const notes = [
    `VNet ${plan.vnetCidrs.join(', ')}; ${plan.model === 'overlay' ? 'Azure CNI overlay: one subnet address per node' : 'flat Azure CNI: one subnet address per node and per pod'}; nodes counted at autoscaler maximum plus upgrade surge (${plan.peakNodes} at most); capacity excludes the 5 addresses Azure reserves per subnet.`,
    ...(plan.podCidr ? [`Pod CIDR ${plan.podCidr} (${plan.model === 'overlay' ? `a /24 per node: room for ${2 ** (32 - Number(plan.podCidr.split('/')[1])) / OVERLAY_NODE_BLOCK} nodes` : 'unused with flat networking'}).`] : []),
    ...(plan.serviceCidr ? [`Service CIDR ${plan.serviceCidr}.`] : []),
  ];
  return ['| Subnet | CIDR | Capacity | Required | Headroom |', '| --- | --- | ---: | ---: | ---: |', ...rows, '', ...notes].join('\n');
}
