/**
 * The egress features a firewall allows, with their options: what its generated rules are made of
 * (`aks-core` always). Pure: no resources; EgressFirewall renders the endpoints into its group.
 */
import type { EgressFeature } from '../core/contracts';
import type { ErrorSubject } from '../core/errors';
import type { EgressFeatureOptions } from './egress-firewall-props';
import { ALL_FEATURES, EndpointContext, FeatureEndpoints, featureEndpoints } from './endpoints';
import { requireFeatureOptions } from './firewall-checks';

/** The enabled features of one firewall and the endpoints each needs. */
export class EnabledFeatures {
  private readonly options = new Map<EgressFeature, EgressFeatureOptions>([['aks-core', {}]]);

  /** @param context the firewall's region, API server access and DNS proxy (the hosts come per feature) */
  public constructor(private readonly context: Omit<EndpointContext, 'hosts'>) {}

  /** The enabled features, in rule order. */
  public get list(): readonly EgressFeature[] {
    return ALL_FEATURES.filter((f) => this.options.has(f));
  }

  /** Whether the container registry is reached by private link (then no rule may open its hosts). */
  public get registryPrivateLink(): boolean {
    return this.options.get('container-registry')?.privateLink === true;
  }

  /** Every FQDN the generated rules allow. */
  public get fqdns(): string[] {
    return this.list.flatMap((f) => this.endpointsOf(f).fqdnRules.flatMap((r) => r.fqdns ?? []));
  }

  /**
   * Enables a feature (or replaces its options), after checking them.
   * @param at the firewall (its errors name it and its path)
   * @param prop where the options came from, for the error (`features`, `allowFeature('x')`)
   */
  public enable(at: ErrorSubject, feature: EgressFeature, options: EgressFeatureOptions, prop: string): void {
    requireFeatureOptions(at, feature, options, prop);
    this.options.set(feature, options);
  }

  /** The endpoints a feature needs: none when it is reached by private link. */
  public endpointsOf(feature: EgressFeature): FeatureEndpoints {
    const options = this.options.get(feature) ?? {};
    if (options.privateLink) {
      return { fqdnRules: [], networkRules: [] };
    }
    return featureEndpoints(feature, { ...this.context, hosts: options.hosts ?? [] });
  }
}
