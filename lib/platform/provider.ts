/**
 * The azurerm provider as the platform's stacks need it: Entra ID for storage, the soft-delete and
 * workspace behaviour of the environment kind, the resource providers the platform uses registered
 * on a fresh subscription, and no data-plane polling of storage accounts the deployer cannot reach.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { Construct } from 'constructs';
import type { EnvironmentKind } from '../core/contracts';
import { keyVaultProviderFeatures } from '../key-vault/provider-features';
import { logAnalyticsWorkspaceFeatures } from '../monitoring/log-analytics';
import { checkGuid } from '../core/validate';

/**
 * Resource providers the platform uses that the azurerm provider does not register by itself
 * (its default "legacy" set): cluster extensions (Flux, AKS Backup), the Azure Monitor workspace
 * (managed Prometheus), Managed Grafana, and the backup vault.
 */
export const PLATFORM_RESOURCE_PROVIDERS: readonly string[] = ['Microsoft.KubernetesConfiguration', 'Microsoft.Monitor', 'Microsoft.Dashboard', 'Microsoft.DataProtection'];

export interface PlatformProviderProps {
  /** Subscription to deploy into (a declared input). */
  readonly subscriptionId: string;
  /** Microsoft Entra tenant. */
  readonly tenantId: string;
  /**
   * Environment kind: soft-delete and purge behaviour of vaults and workspaces.
   * @default 'production'
   */
  readonly mode?: EnvironmentKind;
  /**
   * Provider alias, for a second subscription in one stack.
   * @default none
   */
  readonly alias?: string;
}

/**
 * Configures the azurerm provider of a platform stack. Storage accounts are created with
 * `data_plane_available = false`: the platform's storage accounts deny public network access, so
 * the provider must not poll their blob and queue endpoints from wherever Terraform runs (it would
 * fail with 403 on a whitespace deployment); everything the platform sets on them is management-plane.
 */
export function platformProvider(scope: Construct, props: PlatformProviderProps): AzurermProvider {
  const mode = props.mode ?? 'production';
  checkGuid({ construct: 'platformProvider', scope }, 'subscriptionId', props.subscriptionId, 'the subscription id');
  checkGuid({ construct: 'platformProvider', scope }, 'tenantId', props.tenantId, 'the Entra tenant id');
  return new AzurermProvider(scope, props.alias ? `azurerm-${props.alias}` : 'azurerm', {
    alias: props.alias,
    subscriptionId: props.subscriptionId,
    tenantId: props.tenantId,
    storageUseAzuread: true,
    resourceProvidersToRegister: [...PLATFORM_RESOURCE_PROVIDERS],
    features: [
      {
        ...keyVaultProviderFeatures(mode),
        logAnalyticsWorkspace: [logAnalyticsWorkspaceFeatures(mode)],
        storage: [{ dataPlaneAvailable: false }],
      },
    ],
  });
}
