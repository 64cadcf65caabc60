/**
 * The outbound endpoints each EgressFeature needs, as data. Sources (Azure public cloud):
 * - AKS core: "Outbound network and FQDN rules for AKS clusters" (learn.microsoft.com/azure/aks/outbound-rules-control-egress):
 *   the `AzureKubernetesService` FQDN tag holds every required FQDN of that page and is kept current
 *   by Azure; NTP (UDP 123, ntp.ubuntu.com) and the tunnel ports (UDP 1194, TCP 9000 to
 *   `AzureCloud.<region>`, not needed by private clusters) are network rules the tag does not cover.
 * - container-insights / managed-prometheus: "Network firewall requirements for monitoring
 *   Kubernetes clusters" (learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-firewall).
 * - azure-policy, defender (the "Microsoft Defender for Containers" section), key-vault (the
 *   "CSI Secret Store" section), windows, gitops/backup (the "Cluster extensions" section):
 *   the AKS outbound rules page above; Defender's sensor endpoint `*.cloud.defender.microsoft.com`
 *   from "Network access and permissions reference for Defender for Containers".
 * - service-mesh: the Istio add-on pulls its control plane, gateway and sidecar images from MCR
 *   ("Istio-based service mesh add-on for AKS"); it needs nothing else outbound.
 */
import type { EgressFeature } from '../core/contracts';

/** An application-rule protocol. */
export interface FqdnProtocol {
  /** `Http` or `Https`. */
  readonly type: 'Http' | 'Https';
  /** Port, 1-64000. */
  readonly port: number;
}

/** One generated application rule. */
export interface FeatureFqdnRule {
  /** Rule name suffix; the rule is named `<feature>-<suffix>`. */
  readonly suffix: string;
  /** Destination FQDNs. */
  readonly fqdns?: readonly string[];
  /** Destination FQDN tags (e.g. `AzureKubernetesService`). */
  readonly fqdnTags?: readonly string[];
  readonly protocols: readonly FqdnProtocol[];
  /** Why the feature needs it (goes into the rule's description). */
  readonly why: string;
}

/** One generated network rule. */
export interface FeatureNetworkRule {
  readonly suffix: string;
  readonly protocols: readonly ('TCP' | 'UDP')[];
  readonly ports: readonly string[];
  readonly destinationAddresses?: readonly string[];
  readonly destinationFqdns?: readonly string[];
  readonly why: string;
}

/** What the firewall must allow for one feature. */
export interface FeatureEndpoints {
  readonly fqdnRules: readonly FeatureFqdnRule[];
  readonly networkRules: readonly FeatureNetworkRule[];
}

/** How the API server is reached, which decides the AKS tunnel ports. */
export type ApiServerAccess = 'vnet-integration' | 'private-link' | 'public';

/** Inputs the endpoint lists depend on. */
export interface EndpointContext {
  /** Cluster region, lower case without spaces, e.g. `westeurope`. */
  readonly region: string;
  readonly apiServerAccess: ApiServerAccess;
  /** Whether FQDNs can be used in network rules (needs the firewall's DNS proxy: not on Basic). */
  readonly dnsProxy: boolean;
  /** Hosts given for the feature (registry login server and data endpoints, vault hosts, Git sources, backup storage). */
  readonly hosts: readonly string[];
}

const HTTPS: readonly FqdnProtocol[] = [{ type: 'Https', port: 443 }];
const HTTP: readonly FqdnProtocol[] = [{ type: 'Http', port: 80 }];

/** Hosts every cluster extension (Flux, backup) needs. */
function extensionRule(region: string): FeatureFqdnRule {
  return {
    suffix: 'extension-agents',
    fqdns: [`${region}.dp.kubernetesconfiguration.azure.com`, 'mcr.microsoft.com', '*.data.mcr.microsoft.com'],
    protocols: HTTPS,
    why: 'cluster extension configuration and agent images',
  };
}

function hostsRule(suffix: string, hosts: readonly string[], why: string): FeatureFqdnRule[] {
  return hosts.length === 0 ? [] : [{ suffix, fqdns: [...hosts], protocols: HTTPS, why }];
}

/** The endpoints a feature needs in a context. */
export function featureEndpoints(feature: EgressFeature, ctx: EndpointContext): FeatureEndpoints {
  const r = ctx.region;
  switch (feature) {
    case 'aks-core':
      return {
        fqdnRules: [
          {
            suffix: 'fqdn-tag',
            fqdnTags: ['AzureKubernetesService'],
            protocols: [...HTTP, ...HTTPS],
            why: 'required AKS FQDNs (API server, MCR, ARM, Entra ID, packages), kept current by Azure',
          },
        ],
        networkRules: [
          ...(ctx.dnsProxy
            ? [{ suffix: 'ntp', protocols: ['UDP' as const], ports: ['123'], destinationFqdns: ['ntp.ubuntu.com'], why: 'NTP time sync on Linux nodes' }]
            : []),
          ...(ctx.apiServerAccess === 'public'
            ? [
                { suffix: 'tunnel-udp', protocols: ['UDP' as const], ports: ['1194'], destinationAddresses: [`AzureCloud.${r}`], why: 'node to control plane tunnel (public API server)' },
                { suffix: 'tunnel-tcp', protocols: ['TCP' as const], ports: ['9000'], destinationAddresses: [`AzureCloud.${r}`], why: 'node to control plane tunnel (public API server)' },
              ]
            : []),
        ],
      };
    case 'container-insights':
      return {
        fqdnRules: [
          {
            suffix: 'azure-monitor',
            fqdns: [
              '*.ods.opinsights.azure.com',
              '*.oms.opinsights.azure.com',
              'dc.services.visualstudio.com',
              '*.monitoring.azure.com',
              'global.handler.control.monitor.azure.com',
              `${r}.handler.control.monitor.azure.com`,
              '*.ingest.monitor.azure.com',
            ],
            protocols: HTTPS,
            why: 'Container Insights logs ingestion, agent telemetry and data collection rules',
          },
        ],
        networkRules: [],
      };
    case 'managed-prometheus':
      return {
        fqdnRules: [
          {
            suffix: 'azure-monitor',
            fqdns: ['global.handler.control.monitor.azure.com', `${r}.handler.control.monitor.azure.com`, '*.metrics.ingest.monitor.azure.com'],
            protocols: HTTPS,
            why: 'managed Prometheus metrics ingestion and data collection rules',
          },
        ],
        networkRules: [],
      };
    case 'azure-policy':
      return {
        fqdnRules: [
          {
            suffix: 'policy',
            fqdns: ['data.policy.core.windows.net', 'store.policy.core.windows.net', 'dc.services.visualstudio.com'],
            protocols: HTTPS,
            why: 'Azure Policy add-on: policies, Gatekeeper artifacts, telemetry',
          },
        ],
        networkRules: [],
      };
    case 'defender':
      return {
        fqdnRules: [
          {
            suffix: 'sensor',
            fqdns: ['*.ods.opinsights.azure.com', '*.oms.opinsights.azure.com', '*.cloud.defender.microsoft.com'],
            protocols: HTTPS,
            why: 'Defender for Containers sensor: security events and authentication',
          },
        ],
        networkRules: [],
      };
    case 'key-vault':
      return { fqdnRules: hostsRule('vaults', ctx.hosts, 'Key Vault (CSI Secret Store) over the Internet: no private endpoint'), networkRules: [] };
    case 'container-registry':
      return { fqdnRules: hostsRule('registry', ctx.hosts, 'the private registry (login server and data endpoints): no private endpoint'), networkRules: [] };
    case 'gitops':
      return { fqdnRules: [extensionRule(r), ...hostsRule('sources', ctx.hosts, 'Flux Git/Helm sources')], networkRules: [] };
    case 'backup':
      return { fqdnRules: [extensionRule(r), ...hostsRule('storage', ctx.hosts, 'AKS Backup extension storage account')], networkRules: [] };
    case 'windows':
      return {
        fqdnRules: [
          { suffix: 'binaries', fqdns: ['onegetcdn.azureedge.net', 'go.microsoft.com'], protocols: HTTPS, why: 'Windows node binaries' },
          { suffix: 'updates', fqdns: ['*.mp.microsoft.com', 'www.msftconnecttest.com', 'ctldl.windowsupdate.com'], protocols: HTTP, why: 'Windows node binaries and updates' },
        ],
        networkRules: [],
      };
    case 'service-mesh':
      return {
        fqdnRules: [
          {
            suffix: 'istio-images',
            fqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'],
            protocols: HTTPS,
            why: 'Istio add-on: istiod, ingress gateway and sidecar proxy images (also in the AzureKubernetesService tag, named here so the rule says which feature needs it)',
          },
        ],
        networkRules: [],
      };
  }
}

/** Features that need hosts from the caller unless reached by private link. */
export const FEATURES_WITH_HOSTS: readonly EgressFeature[] = ['key-vault', 'container-registry'];

/** Every feature, in rule order. */
export const ALL_FEATURES: readonly EgressFeature[] = [
  'aks-core',
  'container-insights',
  'managed-prometheus',
  'azure-policy',
  'defender',
  'key-vault',
  'container-registry',
  'gitops',
  'backup',
  'windows',
  'service-mesh',
];

/** The features the firewall allows unless told otherwise. */
export const DEFAULT_FEATURES: readonly EgressFeature[] = ['aks-core', 'container-insights', 'managed-prometheus', 'azure-policy', 'defender'];
