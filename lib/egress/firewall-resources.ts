/**
 * EgressFirewall's firewall itself: the zone-redundant Standard public IP(s), the firewall policy
 * (threat intelligence Deny, IDPS Deny on Premium, DNS proxy on), the azurerm_firewall and its
 * diagnostic setting (resource-specific tables). Created in the firewall's scope, under the ids it
 * always used.
 */
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import type { Construct } from 'constructs';
import { diagnosticSetting } from '../core/diagnostic-setting';
import type { EgressFirewallProps, FirewallTier } from './egress-firewall-props';
import type { HubNetwork } from './hub-network';

/** The resource-specific (Dedicated) Azure Firewall log categories sent to Log Analytics. */
export const FIREWALL_LOG_CATEGORIES: readonly string[] = [
  'AZFWApplicationRule',
  'AZFWNetworkRule',
  'AZFWNatRule',
  'AZFWThreatIntel',
  'AZFWIdpsSignature',
  'AZFWDnsQuery',
  'AZFWFqdnResolveFailure',
  'AZFWApplicationRuleAggregation',
  'AZFWNetworkRuleAggregation',
  'AZFWNatRuleAggregation',
];

/** The firewall's resources. */
export interface FirewallResources {
  readonly publicIp: PublicIp;
  readonly policy: FirewallPolicy;
  readonly firewall: Firewall;
  readonly diagnostics: MonitorDiagnosticSetting;
}

/** Creates the public IP(s), the policy, the firewall and its diagnostics in `scope`. */
export function createFirewall(
  scope: Construct,
  props: EgressFirewallProps,
  tier: FirewallTier,
  hub: HubNetwork,
  zones: readonly string[] | undefined,
  tags: Record<string, string>,
): FirewallResources {
  const newPublicIp = (id: string, name: string): PublicIp =>
    new PublicIp(scope, id, {
      name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: zones ? [...zones] : undefined,
      tags: { ...(props.tags ?? {}) },
    });
  const publicIp = newPublicIp('pip', `${props.name}-fw-pip`);
  const premium = tier === 'Premium';
  const basic = tier === 'Basic';
  const policy = new FirewallPolicy(scope, 'policy', {
    name: `${props.name}-fw-policy`,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    sku: tier,
    // On the policy, never on the firewall: Azure rejects the firewall's own threat_intel_mode once a policy is attached.
    threatIntelligenceMode: basic ? 'Alert' : 'Deny',
    dns: basic ? undefined : { proxyEnabled: true, servers: props.dnsServers ? [...props.dnsServers] : undefined },
    intrusionDetection: premium ? { mode: 'Deny' } : undefined,
    insights: props.insights ? { enabled: true, defaultLogAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId, retentionInDays: 30 } : undefined,
    tags,
  });

  const managementIp = hub.managementSubnet ? newPublicIp('management-pip', `${props.name}-fw-mgmt-pip`) : undefined;
  const firewall = new Firewall(scope, 'firewall', {
    name: `${props.name}-fw`,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    skuName: 'AZFW_VNet',
    skuTier: tier,
    firewallPolicyId: policy.id,
    zones: zones ? [...zones] : undefined,
    ipConfiguration: [{ name: 'egress', subnetId: hub.firewallSubnet.id, publicIpAddressId: publicIp.id }],
    managementIpConfiguration: managementIp ? { name: 'management', subnetId: hub.managementSubnet!.id, publicIpAddressId: managementIp.id } : undefined,
    tags,
  });

  const diagnostics = diagnosticSetting(scope, 'diagnostics', {
    name: 'firewall-to-log-analytics',
    targetResourceId: firewall.id,
    logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    destinationType: 'Dedicated',
    categories: FIREWALL_LOG_CATEGORIES,
  });
  return { publicIp, policy, firewall, diagnostics };
}
