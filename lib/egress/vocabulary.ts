/**
 * The egress concern's shared vocabulary: reserved subnet names, required firewall log categories,
 * unvetted registry hosts, "any" addresses and ports, private ranges. Pure.
 */
import { containsIp, parseCidr, parseIp } from '../core/cidr';


/** The only name Azure accepts for the firewall's subnet. */
export const FIREWALL_SUBNET_NAME = 'AzureFirewallSubnet';
/** The only name Azure accepts for the firewall's management (forced tunnelling / Basic) subnet. */
export const FIREWALL_MANAGEMENT_SUBNET_NAME = 'AzureFirewallManagementSubnet';
/** The only name Azure accepts for Bastion's subnet. */
export const BASTION_SUBNET_NAME = 'AzureBastionSubnet';
/** Subnets that must never carry the node default route (Azure reserves them for its own services). */
export const RESERVED_SUBNET_NAMES: readonly string[] = [FIREWALL_SUBNET_NAME, FIREWALL_MANAGEMENT_SUBNET_NAME, BASTION_SUBNET_NAME, 'GatewaySubnet', 'RouteServerSubnet'];
/** Resource-specific (Dedicated table) log categories of Azure Firewall that the lockdown needs to be auditable. */
export const FIREWALL_REQUIRED_LOG_CATEGORIES: readonly string[] = ['AZFWApplicationRule', 'AZFWNetworkRule'];

/**
 * Registry hosts that let nodes pull from registries nobody chose: registry wildcards and public
 * registries. A firewall rule allowing one of them defeats "allow deploying containers only from known registries".
 */
export const UNVETTED_REGISTRY_HOSTS: readonly string[] = [
  '*.azurecr.io',
  '*.data.azurecr.io',
  'docker.io',
  '*.docker.io',
  'registry-1.docker.io',
  'production.cloudflare.docker.com',
  '*.docker.com',
  'ghcr.io',
  'pkg-containers.githubusercontent.com',
  'quay.io',
  '*.quay.io',
  'gcr.io',
  '*.gcr.io',
  '*.pkg.dev',
  'registry.k8s.io',
  'public.ecr.aws',
  '*.amazonaws.com',
];

/** Whether an FQDN (or wildcard) opens a registry nobody vetted: a listed host, or a wildcard as wide as one. */
export function isUnvettedRegistryHost(fqdn: string): boolean {
  const host = fqdn.trim().toLowerCase();
  if (host === '*' || UNVETTED_REGISTRY_HOSTS.includes(host)) {
    return true;
  }
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return /(^|\.)azurecr\.io$/.test(domain) || UNVETTED_REGISTRY_HOSTS.map((h) => h.replace(/^\*\./, '')).some((h) => h === domain || h.endsWith(`.${domain}`));
  }
  return false;
}

/** Whether a firewall FQDN pattern (`*`, `*.example.com`, `host.example.com`) matches a host. */
export function fqdnMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.trim().toLowerCase();
  if (p === '*' || p === h) {
    return true;
  }
  return p.startsWith('*.') && h.endsWith(p.slice(1));
}

const ANY_ADDRESS = ['*', '0.0.0.0/0', 'any', 'internet'];
const ANY_PORT = ['*', '1-65535', '0-65535'];

/** Whether a source or destination list means "anything". */
export function isAnyAddress(value: string): boolean {
  return ANY_ADDRESS.includes(value.trim().toLowerCase());
}

/** Whether a port entry means "any port". */
export function isAnyPort(value: string): boolean {
  return ANY_PORT.includes(value.trim().replace(/\s/g, ''));
}

/** RFC 1918 ranges: where a hub firewall's private IP lives. */
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** Whether a literal is an IPv4 address in an RFC 1918 range. */
export function isPrivateIp(value: string): boolean {
  const ip = parseIp(value);
  return ip !== undefined && PRIVATE_RANGES.some((r) => containsIp(parseCidr(r)!, ip));
}
