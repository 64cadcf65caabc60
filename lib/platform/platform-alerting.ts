/** SecureAksPlatform's alerting baseline: OperationsAlerting wired to the platform's parts, or the waivers of its opt-out. */
import { Checklist } from '../checklist/checklist';
import { OperationsAlerting } from '../monitoring/alerting';
import type { Naming } from './naming';
import type { SecureAksPlatform } from './secure-aks-platform';
import type { SecureAksPlatformProps } from './secure-aks-platform-props';

/** The alerting baseline of the platform's cluster, or the waivers of its opt-out. */
export function addAlerting(platform: SecureAksPlatform, props: SecureAksPlatformProps, naming: Naming): OperationsAlerting | undefined {
  const options = props.alerting ?? { receivers: { armRoles: ['Owner'] } };
  if ('disabled' in options) {
    const reason = `Alerting baseline off: ${options.disabled.reason}`;
    for (const item of ['operations/metrics-collection', 'operations/cluster-health-scanning', 'operations/log-aggregation', 'operations/security-center-monitoring'] as const) {
      Checklist.of(platform.cluster).waive(item, reason);
    }
    return undefined;
  }
  return new OperationsAlerting(platform, 'alerting', {
    ...options,
    resourceGroupName: platform.resourceGroup.name,
    location: props.location,
    ...naming.alerting(),
    subscriptionId: props.subscriptionId,
    clusterId: platform.cluster.id,
    clusterName: naming.cluster(),
    monitorWorkspaceId: platform.monitoring.prometheus.monitorWorkspace.id,
    firewallId: platform.firewall?.firewall.id,
    healthTargets: [
      ...(platform.firewall ? [{ name: 'firewall', id: platform.firewall.firewall.id }] : []),
      { name: 'registry', id: platform.registry.registryId },
      { name: 'vault', id: platform.keyVault.keyVaultId },
    ],
    resourceGroupIds: [platform.resourceGroup.id, ...(platform.hubResourceGroup ? [platform.hubResourceGroup.id] : [])],
  });
}
