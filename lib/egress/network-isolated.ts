/**
 * NetworkIsolatedEgress: a network-isolated cluster, with no outbound path at all
 * (`outbound_type = none`). Nodes bootstrap from the private registry's artifact cache
 * (`bootstrap_profile { artifact_source = "Cache", container_registry_id }`): a cache rule
 * `aks-managed-rule` maps `mcr.microsoft.com/*` to `aks-managed-repository/*`, which AKS pulls
 * through the registry's private endpoint. The registry must be private-linked to the cluster's
 * network (PrivateRegistry with a private endpoint) and the kubelet identity must pull from it.
 *
 * The strongest egress lockdown: nothing leaves the VNet. Features that call out (Container
 * Insights, managed Prometheus, Defender, extensions) need private link (Azure Monitor Private
 * Link Scope) or do not work; the egress rules and the firewall drop out of the design.
 */
import { ContainerRegistryCacheRule } from '@cdktf/provider-azurerm/lib/container-registry-cache-rule';
import type { ITerraformDependable } from 'cdktf';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { IEgressPath } from '../core/contracts';
import { assertProp } from '../core/errors';

const NAME = 'NetworkIsolatedEgress';
const REGISTRY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/[^/]+$/i;

/** Props of NetworkIsolatedEgress. */
export interface NetworkIsolatedEgressProps {
  /** Resource id of the private registry the nodes bootstrap from (PrivateRegistry.registryId), Premium with a private endpoint. */
  readonly containerRegistryId: string;
  /**
   * Create the `aks-managed-rule` cache rule (`mcr.microsoft.com/*` to `aks-managed-repository/*`) on the registry.
   * @default true
   */
  readonly createCacheRule?: boolean;
}

/** No outbound path: IEgressPath for SecureAksCluster (`outbound_type = none`). */
export class NetworkIsolatedEgress extends Construct implements IEgressPath {
  public readonly outboundType = 'none' as const;
  public readonly egressPublicIps: readonly string[] = [];
  public readonly dependables: readonly ITerraformDependable[];
  public readonly bootstrapProfile: { readonly artifactSource: 'Cache'; readonly containerRegistryId: string };
  /** The cache rule (unless createCacheRule is false). */
  public readonly cacheRule?: ContainerRegistryCacheRule;

  public constructor(scope: Construct, id: string, props: NetworkIsolatedEgressProps) {
    super(scope, id);
    libraryStack(this);
    const registry = props.containerRegistryId;
    assertProp(
      typeof registry === 'string' && (Token.isUnresolved(registry) || REGISTRY_ID.test(registry)),
      { construct: NAME, scope: this },
      'containerRegistryId',
      registry,
      'is not a container registry resource id',
      'pass PrivateRegistry.registryId or /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>',
    );
    this.bootstrapProfile = { artifactSource: 'Cache', containerRegistryId: registry };
    if (props.createCacheRule ?? true) {
      this.cacheRule = new ContainerRegistryCacheRule(this, 'aks-managed-rule', {
        name: 'aks-managed-rule',
        containerRegistryId: registry,
        sourceRepo: 'mcr.microsoft.com/*',
        targetRepo: 'aks-managed-repository/*',
      });
    }
    this.dependables = this.cacheRule ? [this.cacheRule] : [];
  }
}
