/**
 * The windows example: the secure AKS platform with a Windows Server 2022 node pool whose pods run
 * as Active Directory identities through Group Managed Service Accounts (gMSA). The Windows admin
 * password is a sensitive Terraform variable: only a reference to it is synthesized.
 * Fork it: change the inputs below, nothing else is needed.
 */
import { PrivateDnsResolverVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-resolver-virtual-network-link';
import { App, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import { platformProvider, SecureAksPlatform, SecureAksPlatformProps } from 'aks-checklist-cdktf';

/** The Active Directory domain the Windows pods authenticate against. */
export interface ActiveDirectoryInputs {
  /**
   * Resource id of an existing DNS forwarding ruleset (Azure DNS Private Resolver, usually the hub
   * team's) with a rule that forwards the AD domain to the domain controllers. Linking it to the
   * spoke VNet makes the VNet's DNS resolve the domain, which gMSA with empty dnsServer and
   * rootDomain relies on; private endpoint zones keep resolving through Azure DNS.
   */
  readonly dnsForwardingRulesetId: string;
  /** Domain controller addresses: the egress firewall allows the node subnets to reach them for DNS, Kerberos, LDAP and RPC. */
  readonly domainControllers: readonly string[];
}

/** The declared inputs of the windows example. */
export interface WindowsInputs {
  /** The platform (networkPolicy, Windows pool and windowsProfile are set by the example). */
  readonly platform: Omit<SecureAksPlatformProps, 'networkPolicy' | 'windowsProfile'>;
  /** Admin user name of the Windows nodes (the password is the Terraform variable `windows_admin_password`). */
  readonly windowsAdminUsername: string;
  readonly activeDirectory: ActiveDirectoryInputs;
}

/** Name of the sensitive Terraform variable holding the Windows nodes' admin password. */
export const WINDOWS_PASSWORD_VARIABLE = 'windows_admin_password';

/** The declared inputs (replace the ids with your own). */
export const INPUTS: WindowsInputs = {
  platform: {
    prefix: 'contoso',
    environment: 'prod',
    location: 'westeurope',
    tenantId: '00000000-0000-0000-0000-000000000001',
    subscriptionId: '00000000-0000-0000-0000-000000000002',
    deployerObjectId: '00000000-0000-0000-0000-000000000003',
    adminGroupObjectIds: ['00000000-0000-0000-0000-000000000004'],
    addressSpace: { hub: '10.0.0.0/24', spoke: '10.30.0.0/16' },
    tags: { owner: 'team-legacy-apps', 'cost-center': 'cc-2002', 'data-classification': 'internal' },
    alerting: { receivers: { emails: ['legacy-apps-oncall@contoso.com'] } },
    userPools: [
      // Linux pool for Linux workloads and for Windows workloads' Linux helpers.
      { name: 'apps', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 3 },
      // Zonal Windows pools are named winz1..winz3: at most 6 characters, as Windows pools must be.
      { name: 'win', osType: 'Windows', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 3 },
    ],
    gitOps: { url: 'https://github.com/contoso/legacy-apps-config', branch: 'main' },
    tenants: [
      {
        name: 'legacy-apps',
        owners: ['00000000-0000-0000-0000-000000000005'],
        labels: { owner: 'team-legacy-apps', costCenter: 'cc-2002', dataClassification: 'internal' },
        ingressFromNamespaces: ['app-routing-system'],
      },
    ],
  },
  windowsAdminUsername: 'aksadmin',
  activeDirectory: {
    dnsForwardingRulesetId:
      '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-hub-weu/providers/Microsoft.Network/dnsForwardingRulesets/frs-corp-contoso',
    domainControllers: ['10.2.0.4', '10.2.0.5'],
  },
};

/** Ports Windows nodes use to reach domain controllers for gMSA: DNS, Kerberos, RPC endpoint mapper, LDAP, SMB, kpasswd, global catalog, dynamic RPC. */
export const DOMAIN_CONTROLLER_PORTS: readonly string[] = ['53', '88', '135', '389', '445', '464', '636', '3268-3269', '49152-65535'];

/** Builds the windows stack into `app`. */
export function buildWindows(app: App, id = 'windows', inputs: WindowsInputs = INPUTS): { stack: TerraformStack; platform: SecureAksPlatform; password: TerraformVariable } {
  const stack = new TerraformStack(app, id);
  const mode = inputs.platform.mode ?? 'production';
  // Local state keeps the example self-contained; use useRemoteState (lib/platform/remote-state) for real environments.
  // The state file is terraform.<stack>.tfstate in the project folder: Terraform runs in cdktf.out/stacks/<stack>/,
  // which synthesis rewrites (the cdktf CLI removes it), so state kept there would be lost.
  new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  platformProvider(stack, { subscriptionId: inputs.platform.subscriptionId, tenantId: inputs.platform.tenantId, mode });
  // Supplied at apply time (TF_VAR_windows_admin_password, e.g. from a pipeline secret); never written into cdk.tf.json.
  const password = new TerraformVariable(stack, WINDOWS_PASSWORD_VARIABLE, {
    type: 'string',
    sensitive: true,
    nullable: false,
    description: 'Admin password of the Windows nodes (the provider requires one). Supply it at apply time from a secret store; Terraform keeps it, marked sensitive, in the state.',
  });
  password.overrideLogicalId(WINDOWS_PASSWORD_VARIABLE);

  const platform = new SecureAksPlatform(stack, 'platform', {
    ...inputs.platform,
    // Cilium has no Windows support and Azure NPM on Windows is retiring: Calico enforces NetworkPolicy on Windows Server 2022 nodes.
    networkPolicy: 'calico',
    windowsProfile: {
      adminUsername: inputs.windowsAdminUsername,
      adminPasswordReference: password.stringValue,
      // Empty: the VNet's DNS (through the forwarding ruleset linked below) resolves the domain.
      gmsa: { dnsServer: '', rootDomain: '' },
    },
  });

  new PrivateDnsResolverVirtualNetworkLink(stack, 'ad-dns-link', {
    name: 'link-spoke-ad-domain',
    dnsForwardingRulesetId: inputs.activeDirectory.dnsForwardingRulesetId,
    virtualNetworkId: platform.network.vnetId,
  });
  // The domain controllers through the hub firewall (this example keeps the default firewall outbound).
  platform.firewall?.allowNetwork('active-directory', {
    protocols: ['TCP', 'UDP'],
    destinationAddresses: [...inputs.activeDirectory.domainControllers],
    destinationPorts: [...DOMAIN_CONTROLLER_PORTS],
  });
  return { stack, platform, password };
}
