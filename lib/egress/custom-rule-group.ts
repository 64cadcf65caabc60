/**
 * EgressFirewall's custom rule collection group, `custom-egress` (the generated group's priority
 * + 100): the collections added with allowFqdns/allowNetwork, each with its own name and priority,
 * rewritten in priority order whenever one is added. The group is created, in the firewall's
 * scope, with the first collection.
 */
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import type { Construct } from 'constructs';
import { assertProp } from '../core/errors';
import { atScope } from '../core/validate';
import { CustomCollection, customFqdns, nextFreePriority } from './rule-collections';
import { requirePriority } from './validation';

const C = 'EgressFirewall';

/** The custom collections of a firewall and the group they are written to. */
export class CustomRuleGroup {
  private readonly collections: CustomCollection[] = [];
  private resource?: FirewallPolicyRuleCollectionGroup;

  /**
   * @param scope the firewall: the group's scope, and the construct its errors name
   * @param firewallPolicyId the policy the group belongs to
   * @param priority the group's priority
   */
  public constructor(private readonly scope: Construct, private readonly firewallPolicyId: string, private readonly priority: number) {}

  /** The group, once a collection was added. */
  public get group(): FirewallPolicyRuleCollectionGroup | undefined {
    return this.resource;
  }

  /** The FQDNs the custom collections allow. */
  public get fqdns(): string[] {
    return customFqdns(this.collections);
  }

  /**
   * The priority of a new collection `name`: the given one (checked to be free), else the next
   * free one. The name must be new.
   * @param prop the priority's prop (`allowFqdns('x').priority`); the name's is derived from it
   */
  public claimPriority(prop: string, name: string, priority: number | undefined): number {
    assertProp(!this.collections.some((c) => c.name === name), this.scope, prop.replace(/\.priority$/, '.name'), name, 'is already a custom rule collection', 'give each rule collection its own name');
    const taken = new Map(this.collections.map((c) => [c.priority, c.name] as [number, string]));
    if (priority !== undefined) {
      atScope(this.scope, () => requirePriority(C, prop, priority, taken));
      return priority;
    }
    return nextFreePriority(taken);
  }

  /** Adds a collection and rewrites the group. */
  public add(collection: CustomCollection): void {
    this.collections.push(collection);
    if (!this.resource) {
      this.resource = new FirewallPolicyRuleCollectionGroup(this.scope, 'custom-egress', {
        name: 'custom-egress',
        firewallPolicyId: this.firewallPolicyId,
        priority: this.priority,
      });
    }
    const sorted = [...this.collections].sort((a, b) => a.priority - b.priority);
    this.resource.putApplicationRuleCollection(sorted.flatMap((c) => (c.application ? [c.application] : [])));
    this.resource.putNetworkRuleCollection(sorted.flatMap((c) => (c.network ? [c.network] : [])));
  }
}
