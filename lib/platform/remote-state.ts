/**
 * Remote state for platform stacks: the azurerm backend (state in a storage account, locked by
 * blob lease) with Entra ID authentication, one state file per stack so teams run one stack per
 * region and environment in parallel.
 */
import { AzurermBackend, TerraformStack } from 'cdktf';
import { PropError } from '../core/errors';
import { checkGuid } from '../core/validate';

export interface RemoteStateProps {
  /** Resource group of the state storage account (created once, outside the platform's stacks). */
  readonly resourceGroupName: string;
  /** State storage account (3-24 lowercase letters and digits). */
  readonly storageAccountName: string;
  /**
   * Blob container for state.
   * @default 'tfstate'
   */
  readonly containerName?: string;
  /**
   * State key.
   * @default '<stack name>.tfstate'
   */
  readonly key?: string;
  /**
   * Authenticate pipelines with OIDC workload identity federation (GitHub Actions, Azure DevOps).
   * @default false (the Azure CLI or a managed identity)
   */
  readonly useOidc?: boolean;
  /**
   * Subscription of the state storage account.
   * @default the caller's
   */
  readonly subscriptionId?: string;
}

/**
 * Configures the azurerm backend on a stack. Authentication is Entra ID (`use_azuread_auth`),
 * never a storage key or SAS token, so no secret reaches the configuration; the caller needs
 * "Storage Blob Data Contributor" on the container.
 */
export function useRemoteState(stack: TerraformStack, props: RemoteStateProps): AzurermBackend {
  const at = { construct: 'useRemoteState', scope: stack };
  if (!/^[a-z0-9]{3,24}$/.test(props.storageAccountName ?? '')) {
    throw new PropError(at, 'storageAccountName', props.storageAccountName, 'is not 3-24 lowercase letters and digits', 'give the name of the existing state storage account');
  }
  const key = props.key ?? `${stack.node.id}.tfstate`;
  if (!/^[\w./-]+\.tfstate$/.test(key)) {
    throw new PropError(at, 'key', key, "is not a state file key ending in '.tfstate'", "use e.g. 'platform/prod/westeurope.tfstate'");
  }
  if (props.subscriptionId !== undefined) {
    checkGuid(at, 'subscriptionId', props.subscriptionId, 'the subscription id of the state storage account');
  }
  return new AzurermBackend(stack, {
    resourceGroupName: props.resourceGroupName,
    storageAccountName: props.storageAccountName,
    containerName: props.containerName ?? 'tfstate',
    key,
    useAzureadAuth: true,
    useOidc: props.useOidc,
    subscriptionId: props.subscriptionId,
  });
}
