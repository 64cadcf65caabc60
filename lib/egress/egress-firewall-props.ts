/**
 * The props of EgressFirewall and the shapes its methods take (hub network, subnets, spokes,
 * features, custom rules).
 */
import type { EgressFeature, PlacementProps } from '../core/contracts';
import type { ApiServerAccess, FqdnProtocol } from './endpoints';

/** Azure Firewall SKU tier (the policy gets the same tier). */
export type FirewallTier = 'Premium' | 'Standard' | 'Basic';

/** A hub VNet the construct creates. */
export interface HubNetworkProps {
  /** VNet name. */
  readonly name: string;
  /** Address space, e.g. `['10.0.0.0/22']`. */
  readonly addressSpace: readonly string[];
}

/** A hub VNet that already exists. */
export interface ExistingHubNetwork {
  /** VNet name. */
  readonly name: string;
  /** VNet resource id (for peerings). */
  readonly id: string;
  /**
   * Its resource group.
   * @default the construct's `resourceGroupName`
   */
  readonly resourceGroupName?: string;
  /**
   * Its address space, to check subnets lie inside it.
   * @default not checked
   */
  readonly addressSpace?: readonly string[];
}

/** A service subnet of the hub. */
export interface HubSubnetProps {
  /** Address prefix: /26 or larger. */
  readonly addressPrefix: string;
  /**
   * Subnet name: Azure accepts only its fixed name (`AzureFirewallSubnet`, `AzureFirewallManagementSubnet`).
   * @default the fixed name
   */
  readonly name?: string;
}

/** A subnet whose nodes egress through the firewall. */
export interface NodeSubnet {
  /** Subnet resource id (a token is fine). */
  readonly id: string;
  /** Its address prefixes: the sources of every generated rule (through an IP group). */
  readonly addressPrefixes: readonly string[];
  /**
   * Subnet name, when known: a reserved name (AzureFirewallSubnet, AzureBastionSubnet, GatewaySubnet...) is rejected.
   * @default not checked
   */
  readonly name?: string;
  /**
   * Resource id of the subnet's VNet: must be the hub or a spoke listed in `spokes`.
   * @default not checked (the VNet is assumed peered)
   */
  readonly vnetId?: string;
  /**
   * Region of the subnet (its route table is created there).
   * @default the firewall's `location`
   */
  readonly location?: string;
  /**
   * Associate the firewall's route table now; `false` defers it to `routeSubnets()`.
   * @default true
   */
  readonly route?: boolean;
}

/** A spoke VNet whose node subnets use the firewall. */
export interface PeeredSpoke {
  /** Spoke VNet resource id. */
  readonly vnetId: string;
  /** Spoke VNet name. */
  readonly vnetName: string;
  /** Spoke resource group. */
  readonly resourceGroupName: string;
  /** Spoke region. */
  readonly location: string;
  /**
   * `create`: this construct peers hub and spoke both ways (forwarded traffic allowed);
   * `existing`: the peering is managed elsewhere (e.g. a Virtual WAN or a platform landing zone).
   * @default 'create'
   */
  readonly peering?: 'create' | 'existing';
}

/** Options of a feature. */
export interface EgressFeatureOptions {
  /**
   * Hosts the feature reaches: for `container-registry` the registry's login server and data
   * endpoints (PrivateRegistry.dataEndpointHosts), for `key-vault` the vault hosts
   * (`<name>.vault.azure.net`), for `gitops` the Git/Helm source hosts, for `backup` the backup
   * storage account's blob host.
   * @default none
   */
  readonly hosts?: readonly string[];
  /**
   * The service is reached through a private endpoint: no firewall rule is generated, and any
   * later rule to its hosts is rejected (network/private-registry-endpoint).
   * @default false
   */
  readonly privateLink?: boolean;
}

/** A user application (FQDN) rule. */
export interface AllowFqdnsOptions {
  /** Destination hosts or `*.domain` wildcards; never `*`. */
  readonly fqdns: readonly string[];
  /** Protocols, e.g. `[{ type: 'Https', port: 443 }]`. */
  readonly protocols: readonly FqdnProtocol[];
  /**
   * Source CIDRs; never `*`.
   * @default the node subnets (IP group)
   */
  readonly sources?: readonly string[];
  /**
   * Rule collection priority, 100-65000, unique in the custom rule collection group.
   * @default the next free priority from 1000 in steps of 10
   */
  readonly priority?: number;
  /**
   * Required to allow a public registry or a registry wildcard (docker.io, *.azurecr.io...): why
   * it is accepted. Records a waiver of container/allowed-registries-only.
   * @default none: such hosts are rejected
   */
  readonly reason?: string;
}

/** A user network rule. */
export interface AllowNetworkOptions {
  /** Protocols. */
  readonly protocols: readonly ('TCP' | 'UDP' | 'ICMP')[];
  /** Destination ports or ranges (`443`, `8000-8080`); never `*` nor `1-65535`. */
  readonly destinationPorts: readonly string[];
  /**
   * Destination CIDRs, IPs or service tags; never `*` or `0.0.0.0/0`.
   * @default none (give this or destinationFqdns)
   */
  readonly destinationAddresses?: readonly string[];
  /**
   * Destination FQDNs (needs the DNS proxy: not on the Basic tier).
   * @default none (give this or destinationAddresses)
   */
  readonly destinationFqdns?: readonly string[];
  /**
   * Source CIDRs; never `*`.
   * @default the node subnets (IP group)
   */
  readonly sources?: readonly string[];
  /**
   * Rule collection priority, 100-65000, unique in the custom rule collection group.
   * @default the next free priority from 1000 in steps of 10
   */
  readonly priority?: number;
}

/** Props of EgressFirewall. */
export interface EgressFirewallProps extends PlacementProps {
  /** Base name of the resources (`<name>-fw`, `<name>-fw-policy`, `<name>-egress-<region>`...). */
  readonly name: string;
  /**
   * The hub VNet to create (give this or `existingHubNetwork`).
   * @default none
   */
  readonly hubNetwork?: HubNetworkProps;
  /**
   * An existing hub VNet (give this or `hubNetwork`).
   * @default none
   */
  readonly existingHubNetwork?: ExistingHubNetwork;
  /** AzureFirewallSubnet: /26 or larger. */
  readonly firewallSubnet: HubSubnetProps;
  /**
   * AzureFirewallManagementSubnet (/26 or larger) with its own public IP: required by the Basic tier.
   * @default none
   */
  readonly managementSubnet?: HubSubnetProps;
  /**
   * Firewall and policy tier. Premium adds IDPS in Deny mode. Basic needs `managementSubnet`, has
   * no DNS proxy (so no FQDN network rules: the NTP rule is left out; nodes built since March 2021
   * sync time from the Azure host) and threat intelligence in Alert mode only.
   * @default 'Premium'
   */
  readonly tier?: FirewallTier;
  /** Log Analytics workspace id for the firewall's logs (resource-specific tables). */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Policy analytics (firewall policy insights) into the same workspace.
   * @default false
   */
  readonly insights?: boolean;
  /**
   * DNS servers the firewall's DNS proxy forwards to.
   * @default Azure DNS
   */
  readonly dnsServers?: readonly string[];
  /**
   * Node subnets: sources of the rules and associated with the route table.
   * @default none (add them with addNodeSubnet)
   */
  readonly nodeSubnets?: readonly NodeSubnet[];
  /**
   * Spoke VNets holding node subnets; peered with the hub unless `peering: 'existing'`.
   * @default none
   */
  readonly spokes?: readonly PeeredSpoke[];
  /**
   * Features whose outbound endpoints are allowed. `aks-core` is always on.
   * @default ['aks-core', 'container-insights', 'managed-prometheus', 'azure-policy', 'defender']
   */
  readonly features?: readonly EgressFeature[];
  /**
   * Per-feature options (hosts, private link).
   * @default none
   */
  readonly featureOptions?: Readonly<Partial<Record<EgressFeature, EgressFeatureOptions>>>;
  /**
   * How the cluster's API server is reached: `vnet-integration` and `private-link` need no tunnel
   * ports; `public` adds UDP 1194 and TCP 9000 to `AzureCloud.<region>`.
   * @default 'vnet-integration'
   */
  readonly apiServerAccess?: ApiServerAccess;
  /**
   * Region of the cluster, for regional endpoints (`<region>.handler.control.monitor.azure.com`).
   * @default `location`
   */
  readonly clusterLocation?: string;
  /**
   * Azure Bastion (Standard) in the hub: `subnetAddressPrefix` of AzureBastionSubnet (/26 or larger).
   * @default none
   */
  readonly bastion?: { readonly subnetAddressPrefix: string; readonly subnetName?: string; readonly scaleUnits?: number };
  /**
   * Deploy without availability zones (a region without zones): why. Records a waiver of
   * disaster-recovery/availability-zones.
   * @default zones 1, 2 and 3
   */
  readonly withoutZones?: { readonly reason: string };
  /**
   * Priority of the generated rule collection group (the custom one is this + 100).
   * @default 200
   */
  readonly ruleCollectionGroupPriority?: number;
}
