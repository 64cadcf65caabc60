/**
 * The firewall policy's rule collections as data: the generated ones (one rule per feature
 * endpoint, named `<feature>-<suffix>`, sources the node IP group) and the custom ones added with
 * allowFqdns/allowNetwork. Pure: EgressFirewall writes the result into its rule collection groups.
 */
import type {
  FirewallPolicyRuleCollectionGroupApplicationRuleCollection,
  FirewallPolicyRuleCollectionGroupNetworkRuleCollection,
} from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import type { EgressFeature } from '../core/contracts';
import type { FeatureEndpoints, FqdnProtocol } from './endpoints';

/** Where a rule's traffic comes from: the node IP group, or literal CIDRs. */
export interface RuleSources {
  readonly sourceIpGroups?: string[];
  readonly sourceAddresses?: string[];
}

/** A custom rule collection (application or network) of the custom group. */
export interface CustomCollection {
  readonly name: string;
  readonly priority: number;
  readonly application?: FirewallPolicyRuleCollectionGroupApplicationRuleCollection;
  readonly network?: FirewallPolicyRuleCollectionGroupNetworkRuleCollection;
}

/** The first priority given to a custom rule collection without one, and the step to the next. */
const FIRST_CUSTOM_PRIORITY = 1000;
const CUSTOM_PRIORITY_STEP = 10;

/** The generated group's collections: `aks-network` (priority 100) and `aks-application` (200), each only when it has rules. */
export function generatedCollections(
  features: readonly EgressFeature[],
  endpointsOf: (feature: EgressFeature) => FeatureEndpoints,
  sources: RuleSources,
): { network: FirewallPolicyRuleCollectionGroupNetworkRuleCollection[]; application: FirewallPolicyRuleCollectionGroupApplicationRuleCollection[] } {
  const application = features.flatMap((feature) =>
    endpointsOf(feature).fqdnRules.map((r) => ({
      name: `${feature}-${r.suffix}`,
      description: `feature=${feature}: ${r.why}`,
      ...sources,
      destinationFqdns: r.fqdns ? [...r.fqdns] : undefined,
      destinationFqdnTags: r.fqdnTags ? [...r.fqdnTags] : undefined,
      protocols: r.protocols.map((p) => ({ type: p.type, port: p.port })),
    })),
  );
  const network = features.flatMap((feature) =>
    endpointsOf(feature).networkRules.map((r) => ({
      name: `${feature}-${r.suffix}`,
      description: `feature=${feature}: ${r.why}`,
      ...sources,
      protocols: [...r.protocols],
      destinationPorts: [...r.ports],
      destinationAddresses: r.destinationAddresses ? [...r.destinationAddresses] : undefined,
      destinationFqdns: r.destinationFqdns ? [...r.destinationFqdns] : undefined,
    })),
  );
  return {
    network: network.length ? [{ name: 'aks-network', priority: 100, action: 'Allow', rule: network }] : [],
    application: application.length ? [{ name: 'aks-application', priority: 200, action: 'Allow', rule: application }] : [],
  };
}

/** A custom application rule collection with one rule. */
export function customFqdnCollection(name: string, priority: number, sources: RuleSources, fqdns: readonly string[], protocols: readonly FqdnProtocol[]): CustomCollection {
  return {
    name,
    priority,
    application: {
      name,
      priority,
      action: 'Allow',
      rule: [{ name, description: 'custom', ...sources, destinationFqdns: [...fqdns], protocols: protocols.map((p) => ({ type: p.type, port: p.port })) }],
    },
  };
}

/** A custom network rule collection with one rule. */
export function customNetworkCollection(
  name: string,
  priority: number,
  sources: RuleSources,
  rule: { readonly protocols: readonly string[]; readonly destinationPorts: readonly string[]; readonly destinationAddresses: readonly string[]; readonly destinationFqdns: readonly string[] },
): CustomCollection {
  return {
    name,
    priority,
    network: {
      name,
      priority,
      action: 'Allow',
      rule: [
        {
          name,
          description: 'custom',
          ...sources,
          protocols: [...rule.protocols],
          destinationPorts: [...rule.destinationPorts],
          destinationAddresses: rule.destinationAddresses.length ? [...rule.destinationAddresses] : undefined,
          destinationFqdns: rule.destinationFqdns.length ? [...rule.destinationFqdns] : undefined,
        },
      ],
    },
  };
}

/** The FQDNs the custom collections allow (application and network rules). */
export function customFqdns(custom: readonly CustomCollection[]): string[] {
  return custom.flatMap((c) => [
    ...(c.application ? (c.application.rule as { destinationFqdns?: string[] }[]).flatMap((r) => r.destinationFqdns ?? []) : []),
    ...(c.network ? (c.network.rule as { destinationFqdns?: string[] }[]).flatMap((r) => r.destinationFqdns ?? []) : []),
  ]);
}

/** The next free custom priority from FIRST_CUSTOM_PRIORITY in steps of CUSTOM_PRIORITY_STEP. */
export function nextFreePriority(taken: ReadonlyMap<number, string>): number {
  let next = FIRST_CUSTOM_PRIORITY;
  while (taken.has(next)) {
    next += CUSTOM_PRIORITY_STEP;
  }
  return next;
}
