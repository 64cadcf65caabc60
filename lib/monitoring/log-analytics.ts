/**
 * `SecureLogAnalyticsWorkspace`: the Log Analytics workspace the platform's logs go to. Pay-as-you
 * go (`PerGB2018`), a set retention, and local (shared key) authentication off so every writer and
 * reader authenticates with Microsoft Entra ID.
 *
 * Create it before the cluster: the cluster's `oms_agent` (Container Insights add-on) takes its id.
 */
import type { KubernetesClusterOmsAgent } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import type { AzurermProviderFeaturesLogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/provider';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import type { EnvironmentKind } from '../core/contracts';
import { checkInt, checkPlacement, isToken, requireProp } from '../core/validate';

/** Props of SecureLogAnalyticsWorkspace. */
export interface SecureLogAnalyticsWorkspaceProps extends PlacementProps {
  /** Workspace name: 4-63 letters, digits or '-', not starting or ending with '-'. */
  readonly name: string;
  /**
   * Days logs are kept (30-730 on the PerGB2018 SKU).
   * @default 90
   */
  readonly retentionInDays?: number;
  /**
   * Daily ingestion cap in GB; ingestion stops for the day once reached.
   * @default no cap
   */
  readonly dailyQuotaGb?: number;
}

const WORKSPACE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/;

/** A Log Analytics workspace with Entra-only authentication and a set retention. */
export class SecureLogAnalyticsWorkspace extends Construct {
  /** The `azurerm_log_analytics_workspace`. */
  public readonly workspace: LogAnalyticsWorkspace;
  /** Resource id of the workspace. */
  public readonly workspaceId: string;

  public constructor(scope: Construct, id: string, props: SecureLogAnalyticsWorkspaceProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(WORKSPACE_NAME.test(props.name), this, 'name', props.name, "is not a valid workspace name (4-63 letters, digits or '-', not starting or ending with '-')", "use e.g. 'log-platform-weu'");
    checkInt(this, 'retentionInDays', props.retentionInDays ?? 90, 30, 730, 'days (7 exists only on the legacy Free tier)');
    if (props.dailyQuotaGb !== undefined && !isToken(props.dailyQuotaGb)) {
      requireProp(props.dailyQuotaGb > 0, this, 'dailyQuotaGb', props.dailyQuotaGb, 'is not a positive number of GB', 'give a cap above 0, or omit it for no cap');
    }
    this.workspace = new LogAnalyticsWorkspace(this, 'workspace', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: 'PerGB2018',
      retentionInDays: props.retentionInDays ?? 90,
      dailyQuotaGb: props.dailyQuotaGb,
      localAuthenticationEnabled: false,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.workspaceId = this.workspace.id;
  }

  /** The cluster's `oms_agent` block: Container Insights with managed-identity authentication. */
  public get omsAgent(): KubernetesClusterOmsAgent {
    return { logAnalyticsWorkspaceId: this.workspaceId, msiAuthForMonitoringEnabled: true };
  }
}

/**
 * The provider's `features.log_analytics_workspace` for an environment kind. A deleted workspace is
 * soft-deleted for 14 days and a new one with the same name in the same resource group recovers
 * it; a rehearsal deletes permanently so it starts empty, production keeps the recoverable copy.
 * Use: `features: [{ ...keyVaultProviderFeatures(m), logAnalyticsWorkspace: [logAnalyticsWorkspaceFeatures(m)] }]`.
 */
export function logAnalyticsWorkspaceFeatures(mode: EnvironmentKind): AzurermProviderFeaturesLogAnalyticsWorkspace {
  return { permanentlyDeleteOnDestroy: mode === 'rehearsal' };
}
