/**
 * Diagnostic settings, one way for every construct: `diagnosticSetting` writes an
 * `azurerm_monitor_diagnostic_setting` sending a resource's logs and metrics to a Log Analytics
 * workspace, in the caller's scope under the id it gives (the caller validates its own input;
 * `ResourceDiagnostics` in lib/monitoring is the construct with the checks).
 */
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { Construct } from 'constructs';

/** What `diagnosticSetting` writes. */
export interface DiagnosticSettingProps {
  /** Name of the diagnostic setting (unique per resource). */
  readonly name: string;
  /** Id of the resource whose logs are collected. */
  readonly targetResourceId: string;
  /** Id of the Log Analytics workspace the logs go to. */
  readonly logAnalyticsWorkspaceId: string;
  /** Log categories. @default none */
  readonly categories?: readonly string[];
  /** Log category groups (`allLogs`, `audit`). @default none */
  readonly categoryGroups?: readonly string[];
  /**
   * Metric categories to collect.
   * @default ['AllMetrics']
   */
  readonly metrics?: readonly string[];
  /**
   * `Dedicated` writes to resource-specific tables (for resources that support them, e.g. AKS);
   * `AzureDiagnostics` to the legacy shared table.
   * @default unset (Azure's default for the resource type)
   */
  readonly destinationType?: 'Dedicated' | 'AzureDiagnostics';
}

/** One diagnostic setting to Log Analytics. */
export function diagnosticSetting(scope: Construct, id: string, props: DiagnosticSettingProps): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: props.name,
    targetResourceId: props.targetResourceId,
    logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    logAnalyticsDestinationType: props.destinationType,
    enabledLog: [...(props.categories ?? []).map((category) => ({ category })), ...(props.categoryGroups ?? []).map((categoryGroup) => ({ categoryGroup }))],
    enabledMetric: (props.metrics ?? ['AllMetrics']).map((category) => ({ category })),
  });
}
