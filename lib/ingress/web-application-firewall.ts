/**
 * WebApplicationFirewall: an Application Gateway WAF_v2 in front of the cluster's internal ingress.
 *
 * Decision: the gateway has a PUBLIC frontend. A WAF exists to screen traffic from the Internet, and
 * Application Gateway v2 requires a public frontend IP anyway (private-only v2 gateways are a
 * preview feature). The cluster's ingress stays internal (application routing with an internal
 * load balancer): the gateway's backend is the ingress controller's private IP, so the WAF is the
 * only public entry point. An optional private frontend serves clients inside the network.
 *
 * TLS: the listener's certificate comes from Key Vault (`key_vault_secret_id`) through a
 * user-assigned identity; no certificate data or password is ever written to Terraform.
 */
import { ApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { WebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { parseIp } from '../core/cidr';
import type { IManagedIdentity, PlacementProps } from '../core/contracts';
import { PropError } from '../core/errors';
import { grantRole } from '../core/grants';
import { regionInfo } from '../core/regions';
import { atScope, checkInt, checkIpInSubnet, checkLoosening, checkName, checkOneOf, checkPlacement, checkUnique, checkZonesIn, isKnown, NAME_RULES } from '../core/validate';

/** WAF policy enforcement mode. */
export type WafMode = 'Prevention' | 'Detection';

/** A WAF that logs attacks without blocking them: why. */
export interface WafDetectionOnly {
  readonly mode: 'Detection';
  /** Why the WAF only detects; recorded as a waiver of network/web-application-firewall. */
  readonly reason: string;
}

/** Managed rule sets for Application Gateway WAF policies. */
export type WafRuleSet = 'DRS-2.1' | 'OWASP-3.2';

/** The site the gateway publishes. */
export interface WafSite {
  /** Public host name of the site, e.g. `shop.example.com` (the listener requires SNI for it). */
  readonly hostName: string;
  /**
   * Key Vault secret id of the site's certificate (a Key Vault certificate's `secret_id`,
   * preferably versionless so rotation is picked up). Never certificate data.
   */
  readonly certificateSecretId: string;
}

/** The ingress behind the gateway. */
export interface WafBackend {
  /** Private IP address(es) of the internal ingress controller's load balancer. */
  readonly ipAddresses: readonly string[];
  /**
   * Host name sent to the ingress (TLS SNI and Host header).
   * @default the site's hostName
   */
  readonly hostName?: string;
  /**
   * HTTPS port of the ingress.
   * @default 443
   */
  readonly port?: number;
  /**
   * Health probe path on the ingress; must start with '/'.
   * @default '/'
   */
  readonly probePath?: string;
}

export interface WebApplicationFirewallProps extends PlacementProps {
  /** Name of the Application Gateway; the public IP, WAF policy and identity derive from it. */
  readonly name: string;
  /** Id of the dedicated subnet for the gateway (nothing else may live in it; /24 recommended). */
  readonly subnetId: string;
  /** The site published through the gateway. */
  readonly site: WafSite;
  /** The internal ingress behind the gateway. */
  readonly backend: WafBackend;
  /**
   * Key Vault holding the certificate. When given, the gateway's identity is granted "Key Vault
   * Secrets User" on it (RBAC vault); otherwise grant it yourself before the gateway is created.
   * @default no role assignment
   */
  readonly keyVaultId?: string;
  /**
   * Availability zones of the gateway and its public IP.
   * @default ['1', '2', '3']
   */
  readonly zones?: readonly string[];
  /**
   * Autoscale minimum instance count (0-100: the provider's limit for `min_capacity`).
   * @default 2 (one per zone pair, keeps the gateway up during a zone loss)
   */
  readonly minCapacity?: number;
  /**
   * Autoscale maximum instance count (2-125, at least minCapacity).
   * @default 10
   */
  readonly maxCapacity?: number;
  /**
   * WAF mode: `Prevention` blocks attacks. Detection only logs them: it is a loosening,
   * `{ mode: 'Detection', reason }` (e.g. "two-week tuning period before Prevention"), recorded as a
   * waiver of network/web-application-firewall (a bare `'Detection'` is rejected).
   * @default 'Prevention'
   */
  readonly mode?: 'Prevention' | WafDetectionOnly;
  /**
   * The managed rule set.
   * @default 'DRS-2.1' (Microsoft Default Rule Set 2.1, the OWASP CRS successor)
   */
  readonly ruleSet?: WafRuleSet;
  /**
   * Static private IP for an additional private frontend (inside `subnetId`), for clients inside
   * the network. It gets no listener of its own.
   * @default no private frontend
   */
  readonly privateFrontendIp?: string;
}

const NAME = 'WebApplicationFirewall';
const RULE_SETS: Record<WafRuleSet, { type: string; version: string }> = {
  'DRS-2.1': { type: 'Microsoft_DefaultRuleSet', version: '2.1' },
  'OWASP-3.2': { type: 'OWASP', version: '3.2' },
};
const KEY_VAULT_SECRET = /^https:\/\/[a-z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)\/secrets\/[A-Za-z0-9-]{1,127}(\/[a-f0-9]{32})?\/?$/;

/** An Application Gateway WAF_v2 with a WAF policy in Prevention mode, in front of an internal ingress. */
export class WebApplicationFirewall extends Construct {
  public readonly gateway: ApplicationGateway;
  public readonly policy: WebApplicationFirewallPolicy;
  public readonly publicIp: PublicIp;
  /** The identity the gateway reads its certificate with (grant it "Key Vault Secrets User"). */
  public readonly identity: IManagedIdentity;

  public constructor(scope: Construct, id: string, props: WebApplicationFirewallProps) {
    super(scope, id);
    libraryStack(this);
    atScope(this, () => validate(props));
    checkPlacement(this, props);
    if (props.privateFrontendIp !== undefined) {
      checkIpInSubnet(this, 'privateFrontendIp', props.privateFrontendIp, props.subnetId, 'subnetId');
    }
    if (props.zones !== undefined && props.zones.length > 0) {
      checkZonesIn(this, 'zones', props.zones, props.location, 'availability zones', 'leave zones unset');
    }
    const detection = checkLoosening(this, 'mode', props.mode, 'mode', ['Detection'], 'blocking off (Detection only logs attacks)');
    const mode: WafMode = detection ? 'Detection' : 'Prevention';
    if (detection) {
      Checklist.of(this).waive('network/web-application-firewall', detection.reason);
    }
    // Zone-redundant by default where the region has zones; Azure rejects zones in a region without them.
    const zones = [...(props.zones ?? (isKnown(props.location) && regionInfo(props.location)?.zones === false ? [] : ['1', '2', '3']))];
    const placement = { resourceGroupName: props.resourceGroupName, location: props.location, tags: { ...(props.tags ?? {}) } };
    const ruleSet = RULE_SETS[props.ruleSet ?? 'DRS-2.1'];

    const identity = new UserAssignedIdentity(this, 'identity', { ...placement, name: `${props.name}-id` });
    this.identity = { id: identity.id, principalId: identity.principalId, clientId: identity.clientId };
    const grants = props.keyVaultId
      ? [
          grantRole(this, 'certificate-reader', { scope: props.keyVaultId, role: 'Key Vault Secrets User', principalId: identity.principalId, principalType: 'ServicePrincipal' }),
        ]
      : [];

    this.publicIp = new PublicIp(this, 'public-ip', { ...placement, name: `${props.name}-pip`, sku: 'Standard', allocationMethod: 'Static', zones });

    this.policy = new WebApplicationFirewallPolicy(this, 'policy', {
      ...placement,
      name: `${props.name}-waf`,
      policySettings: { enabled: true, mode, requestBodyCheck: true },
      managedRules: { managedRuleSet: [{ type: ruleSet.type, version: ruleSet.version }] },
    });

    const backendHost = props.backend.hostName ?? props.site.hostName;
    const frontends = [
      { name: 'public', publicIpAddressId: this.publicIp.id },
      ...(props.privateFrontendIp
        ? [{ name: 'private', subnetId: props.subnetId, privateIpAddress: props.privateFrontendIp, privateIpAddressAllocation: 'Static' }]
        : []),
    ];
    this.gateway = new ApplicationGateway(this, 'gateway', {
      ...placement,
      name: props.name,
      zones,
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      autoscaleConfiguration: { minCapacity: props.minCapacity ?? 2, maxCapacity: props.maxCapacity ?? 10 },
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      firewallPolicyId: this.policy.id,
      forceFirewallPolicyAssociation: true,
      sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101S' },
      gatewayIpConfiguration: [{ name: 'gateway', subnetId: props.subnetId }],
      frontendIpConfiguration: frontends,
      frontendPort: [{ name: 'https', port: 443 }],
      sslCertificate: [{ name: 'site', keyVaultSecretId: props.site.certificateSecretId }],
      httpListener: [
        {
          name: 'site-https',
          frontendIpConfigurationName: 'public',
          frontendPortName: 'https',
          protocol: 'Https',
          sslCertificateName: 'site',
          hostName: props.site.hostName,
          requireSni: true,
        },
      ],
      backendAddressPool: [{ name: 'ingress', ipAddresses: [...props.backend.ipAddresses] }],
      probe: [
        {
          name: 'ingress',
          protocol: 'Https',
          path: props.backend.probePath ?? '/',
          interval: 30,
          timeout: 30,
          unhealthyThreshold: 3,
          pickHostNameFromBackendHttpSettings: true,
          match: { statusCode: ['200-399'] },
        },
      ],
      backendHttpSettings: [
        {
          name: 'ingress-https',
          protocol: 'Https',
          port: props.backend.port ?? 443,
          cookieBasedAffinity: 'Disabled',
          requestTimeout: 30,
          hostName: backendHost,
          probeName: 'ingress',
        },
      ],
      requestRoutingRule: [
        { name: 'site', ruleType: 'Basic', priority: 100, httpListenerName: 'site-https', backendAddressPoolName: 'ingress', backendHttpSettingsName: 'ingress-https' },
      ],
      dependsOn: grants,
    });
  }

  /** The gateway's public IP address (the address to publish in DNS or Traffic Manager). */
  public get publicIpAddress(): string {
    return this.publicIp.ipAddress;
  }
}

function validate(props: WebApplicationFirewallProps): void {
  checkName(NAME, 'name', props.name, NAME_RULES.applicationGateway);
  if (isKnown(props.name)) {
    checkName(NAME, 'name', `${props.name}-waf`, NAME_RULES.wafPolicy);
  }
  checkOneOf(NAME, 'mode', typeof props.mode === 'object' ? undefined : props.mode, ['Prevention', 'Detection']);
  checkOneOf(NAME, 'ruleSet', props.ruleSet, ['DRS-2.1', 'OWASP-3.2']);
  // azurerm validates autoscale_configuration.min_capacity as IntBetween(0, 100) and max_capacity as IntBetween(2, 125).
  checkInt(NAME, 'minCapacity', props.minCapacity, 0, 100);
  checkInt(NAME, 'maxCapacity', props.maxCapacity, 2, 125);
  const min = props.minCapacity ?? 2;
  const max = props.maxCapacity ?? 10;
  if (isKnown(min) && isKnown(max) && max < min) {
    throw new PropError(NAME, 'maxCapacity', max, `is below minCapacity (${min})`, 'give a maxCapacity at least minCapacity');
  }
  for (const zone of props.zones ?? []) {
    checkOneOf(NAME, 'zones', zone, ['1', '2', '3']);
  }
  checkUnique(NAME, 'zones', props.zones ?? []);
  if (props.zones !== undefined && props.zones.length === 0) {
    throw new PropError(NAME, 'zones', props.zones, 'is empty', "leave it unset for ['1', '2', '3'], or list the zones the region has");
  }
  const secret = props.site.certificateSecretId;
  if (isKnown(secret) && !KEY_VAULT_SECRET.test(secret)) {
    throw new PropError(NAME, 'site.certificateSecretId', secret, 'is not a Key Vault secret id', "pass the Key Vault certificate's versionless secret id, e.g. https://myvault.vault.azure.net/secrets/site-cert");
  }
  const host = props.site.hostName;
  if (isKnown(host) && !/^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(host)) {
    throw new PropError(NAME, 'site.hostName', host, 'is not a fully qualified host name', 'give the DNS name clients use, e.g. shop.example.com');
  }
  if (isKnown(props.backend.ipAddresses) && props.backend.ipAddresses.length === 0) {
    throw new PropError(NAME, 'backend.ipAddresses', props.backend.ipAddresses, 'is empty', "give the internal ingress load balancer's private IP");
  }
  for (const ip of props.backend.ipAddresses) {
    if (isKnown(ip) && parseIp(ip) === undefined) {
      throw new PropError(NAME, 'backend.ipAddresses', ip, 'is not an IPv4 address', "give the internal ingress load balancer's private IP, e.g. 10.240.0.250");
    }
  }
  if (props.privateFrontendIp !== undefined && isKnown(props.privateFrontendIp) && parseIp(props.privateFrontendIp) === undefined) {
    throw new PropError(NAME, 'privateFrontendIp', props.privateFrontendIp, 'is not an IPv4 address', "give a free static address of the gateway's subnet");
  }
  checkInt(NAME, 'backend.port', props.backend.port, 1, 65535);
  const path = props.backend.probePath;
  if (path !== undefined && isKnown(path) && !path.startsWith('/')) {
    throw new PropError(NAME, 'backend.probePath', path, "does not start with '/'", `use '/${path}'`);
  }
}
