/**
 * `TracingApplicationInsights` (option, distributed tracing): a workspace-based Application
 * Insights resource with local authentication off, so instrumented workloads send telemetry with
 * Microsoft Entra tokens (a workload identity granted "Monitoring Metrics Publisher") rather than an
 * instrumentation key. The connection string it exposes identifies the resource; it is not a
 * credential once local authentication is off.
 */
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { checkPlacement, isToken, requireProp } from '../core/validate';

/** Props of TracingApplicationInsights. */
export interface TracingApplicationInsightsProps extends PlacementProps {
  /** Resource name: 1-260 characters, no `%&\?/` or control characters. */
  readonly name: string;
  /** Id of the Log Analytics workspace storing the telemetry (workspace-based resource). */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Percentage of telemetry kept (0-100].
   * @default 100
   */
  readonly samplingPercentage?: number;
}


/** Workspace-based Application Insights for distributed tracing, Entra-only ingestion. */
export class TracingApplicationInsights extends Construct {
  /** The `azurerm_application_insights`. */
  public readonly applicationInsights: ApplicationInsights;

  public constructor(scope: Construct, id: string, props: TracingApplicationInsightsProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(props.name.length >= 1 && props.name.length <= 260 && !/[%&\\?/]/.test(props.name), this, 'name', props.name, 'is not a valid Application Insights name', "use letters, digits and hyphens, e.g. 'appi-platform-weu'");
    const sampling = props.samplingPercentage ?? 100;
    if (!isToken(sampling)) {
      requireProp(sampling > 0 && sampling <= 100, this, 'samplingPercentage', sampling, 'is outside (0, 100]', 'use a percentage above 0 and at most 100');
    }
    this.applicationInsights = new ApplicationInsights(this, 'app-insights', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      applicationType: 'other',
      workspaceId: props.logAnalyticsWorkspaceId,
      localAuthenticationDisabled: true,
      samplingPercentage: sampling,
      tags: props.tags ? { ...props.tags } : undefined,
    });
  }
}
