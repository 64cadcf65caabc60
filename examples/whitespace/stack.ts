/**
 * The whitespace example: the whole secure AKS platform of one environment in one region, in one
 * stack, from declared inputs only. Fork it: change the inputs below, nothing else is needed.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { platformProvider, SecureAksPlatform, SecureAksPlatformProps } from 'aks-checklist-cdktf';

/** The declared inputs of the example (replace the ids with your own). */
export const INPUTS: SecureAksPlatformProps = {
  prefix: 'contoso',
  environment: 'prod',
  location: 'westeurope',
  tenantId: '00000000-0000-0000-0000-000000000001',
  subscriptionId: '00000000-0000-0000-0000-000000000002',
  deployerObjectId: '00000000-0000-0000-0000-000000000003',
  adminGroupObjectIds: ['00000000-0000-0000-0000-000000000004'],
  addressSpace: { hub: '10.0.0.0/24', spoke: '10.10.0.0/16' },
  tags: { owner: 'platform-team', 'cost-center': 'cc-1234', 'data-classification': 'confidential' },
  userPools: [{ name: 'apps', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 5 }],
  bastion: true,
  backup: true,
  gitOps: { url: 'https://github.com/contoso/aks-platform-config', branch: 'main' },
  alerting: { receivers: { emails: ['platform-oncall@contoso.com'], armRoles: ['Owner'] } },
  // On by default, spelled out: Advanced Container Networking Services (billed per node), cost
  // analysis, and Azure Policy above the cluster on its resource group. README: what the options need.
  cluster: { advancedNetworking: { observability: true, security: true }, costAnalysis: true },
  governance: { scope: 'resourceGroup' },
  tenants: [
    {
      name: 'payments',
      owners: ['00000000-0000-0000-0000-000000000005'],
      labels: { owner: 'payments-team', costCenter: 'cc-2001', dataClassification: 'confidential' },
      ingressFromNamespaces: ['app-routing-system'],
      // The payment provider's API by name (Cilium FQDN filtering), allowed on the firewall too.
      egressFqdns: [{ name: 'stripe', fqdns: ['api.stripe.com'], podLabels: { app: 'checkout' } }],
    },
    {
      name: 'catalog',
      owners: ['00000000-0000-0000-0000-000000000006'],
      labels: { owner: 'catalog-team', costCenter: 'cc-2002', dataClassification: 'internal' },
      ingressFromNamespaces: ['app-routing-system'],
    },
  ],
};

export interface WhitespaceOptions {
  /** Environment name (part of every resource name). @default INPUTS.environment */
  readonly environment?: string;
}

/** Builds the whitespace stack into `app`. */
export function buildWhitespace(app: App, id = 'whitespace', options: WhitespaceOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, id);
  const inputs: SecureAksPlatformProps = { ...INPUTS, environment: options.environment ?? INPUTS.environment };
  const mode = inputs.mode ?? 'production';
  // Local state keeps the example self-contained; use useRemoteState (lib/platform/remote-state) for real environments.
  // The state file is terraform.<stack>.tfstate in the project folder: Terraform runs in cdktf.out/stacks/<stack>/,
  // which synthesis rewrites (the cdktf CLI removes it), so state kept there would be lost.
  new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  platformProvider(stack, { subscriptionId: inputs.subscriptionId, tenantId: inputs.tenantId, mode });
  new SecureAksPlatform(stack, 'platform', inputs);
  return stack;
}
