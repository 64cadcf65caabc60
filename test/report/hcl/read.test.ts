/**
 * readHclConfiguration on folders written here: variable precedence, locals, count, for_each, dynamic
 * blocks, nested local modules, registry modules (initialised or not), AzAPI clusters shaped like the
 * AVM resource module for AKS, source lines.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ResolvedBlock, ResolvedConfiguration } from '../../../lib/core/resolved-config';
import { equals, evidenceFor } from '../../../lib/checklist/rule-kit';
import { TerraformDocument } from '../../../lib/core/terraform-document';
import { privateCluster, aadIntegration, upgradeChannel, kubernetesVersionCurrent, logAggregation } from '../../../lib/cluster/rules';
import { controlPlaneLogs } from '../../../lib/monitoring/rules';
import { registryQuarantine } from '../../../lib/registry/rules';
import { buildReport } from '../../../lib/report/build';
import { readHclConfiguration } from '../../../lib/report/hcl/read';
import { toJson } from '../../../lib/report/json';
import { toMarkdown } from '../../../lib/report/markdown';
import { toSarif } from '../../../lib/report/sarif';

/** Writes files (path → text) into a fresh folder and returns it. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcl-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function block(config: ResolvedConfiguration, address: string): ResolvedBlock {
  const found = config.blocks.find((b) => b.address === address);
  if (!found) {
    throw new Error(`no ${address} among ${config.blocks.map((b) => b.address).join(', ')}`);
  }
  return found;
}

describe('readHclConfiguration: variables', () => {
  const dir = folder({
    'main.tf': `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }
variable "g" { default = "default" }
variable "n" { type = number }
variable "unset" {}
resource "azurerm_resource_group" "rg" {
  name     = "\${var.a}|\${var.b}|\${var.c}|\${var.d}|\${var.e}|\${var.f}|\${var.g}"
  location = var.unset
  tags     = { n = var.n }
}`,
    'terraform.tfvars': 'a = "tfvars"\nb = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\nf = "tfvars"\ng = "tfvars"\n',
    'terraform.tfvars.json': JSON.stringify({ b: 'tfvars.json', c: 'tfvars.json', d: 'tfvars.json', e: 'tfvars.json', f: 'tfvars.json', g: 'tfvars.json' }),
    'a.auto.tfvars': 'c = "a.auto"\nd = "a.auto"\ne = "a.auto"\nf = "a.auto"\ng = "a.auto"\n',
    'b.auto.tfvars.json': JSON.stringify({ d: 'b.auto.json', e: 'b.auto.json', f: 'b.auto.json', g: 'b.auto.json' }),
    'one.tfvars': 'e = "var-file 1"\nf = "var-file 1"\ng = "var-file 1"\n',
    'two.tfvars': 'f = "var-file 2"\ng = "var-file 2"\n',
  });

  test('Terraform precedence: default < terraform.tfvars < .json < *.auto.tfvars (lexical) < --var-file (in order) < --var', async () => {
    const config = await readHclConfiguration(dir, { varFiles: [path.join(dir, 'one.tfvars'), path.join(dir, 'two.tfvars')], vars: { g: 'var', n: '7' } });
    const rg = block(config, 'azurerm_resource_group.rg');
    expect(rg.values.name).toBe('tfvars|tfvars.json|a.auto|b.auto.json|var-file 1|var-file 2|var');
    expect(rg.values.tags).toEqual({ n: 7 });
    expect(rg.values.location).toBe('${var.unset}');
    expect(config.coverage.files).toEqual(['main.tf', 'terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars', 'b.auto.tfvars.json', 'one.tfvars', 'two.tfvars'].map((f) => path.join(dir, f)));
  });

  test('without files or --var, defaults apply and a variable without one is unknown', async () => {
    const bare = folder({ 'main.tf': fs.readFileSync(path.join(dir, 'main.tf'), 'utf8') });
    const rg = block(await readHclConfiguration(bare), 'azurerm_resource_group.rg');
    expect(rg.values.name).toBe('default|default|default|default|default|default|default');
    expect(rg.values.tags).toEqual({ n: '${var.n}' });
  });
});

describe('readHclConfiguration: locals, count, for_each, dynamic blocks', () => {
  const dir = folder({
    'main.tf': `
locals {
  pools   = { gpu = { size = "Standard_NC6s_v3", zones = ["1"] }, batch = { size = "Standard_D8s_v5", zones = ["1", "2"] } }
  subnets = toset(["nodes", "pods"])
  prefix  = "aks-\${var.env}"
}
variable "env" { default = "prod" }
variable "monitoring" { default = true }
variable "identity_ids" {}

resource "azurerm_subnet" "this" {
  for_each         = local.subnets
  name             = "\${local.prefix}-\${each.key}"
  address_prefixes = [cidrsubnet("10.0.0.0/16", 8, index(tolist(local.subnets), each.value))]
}

resource "azurerm_public_ip" "egress" {
  count = 2
  name  = "\${local.prefix}-pip-\${count.index}"
}

resource "azurerm_kubernetes_cluster" "main" {
  name                      = local.prefix
  automatic_upgrade_channel = var.monitoring ? null : "stable"
  tags                      = { team = null }
  default_node_pool {
    name           = "system"
    vnet_subnet_id = azurerm_subnet.this["nodes"].id
    max_pods       = null
  }
  dynamic "oms_agent" {
    for_each = var.monitoring ? [1] : []
    content { log_analytics_workspace_id = "ws" }
  }
  dynamic "microsoft_defender" {
    for_each = var.monitoring == false ? [1] : []
    content { log_analytics_workspace_id = "ws" }
  }
  dynamic "identity" {
    for_each = var.identity_ids
    content { type = "UserAssigned" }
  }
  dynamic "key_vault_secrets_provider" {
    for_each = { rotate = "2m" }
    iterator = kv
    content {
      secret_rotation_enabled  = true
      secret_rotation_interval = kv.value
    }
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  for_each              = local.pools
  name                  = each.key
  vm_size               = each.value.size
  zones                 = each.value.zones
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  lifecycle { ignore_changes = [node_count] }
}

resource "azurerm_public_ip" "maybe" {
  count = var.identity_ids == null ? 0 : 1
  name  = "maybe-\${count.index}"
}

resource "azurerm_monitor_diagnostic_setting" "ips" {
  count              = length(azurerm_public_ip.egress)
  name               = "diag"
  target_resource_id = azurerm_public_ip.egress[count.index].id
}
`,
  });
  let config: ResolvedConfiguration;
  beforeAll(async () => {
    config = await readHclConfiguration(dir);
  });

  test('for_each over a set makes one instance per key, with each.key and each.value', () => {
    expect(block(config, 'azurerm_subnet.this["nodes"]').values).toMatchObject({ name: 'aks-prod-nodes', address_prefixes: ['10.0.0.0/24'] });
    expect(block(config, 'azurerm_subnet.this["pods"]').values).toMatchObject({ name: 'aks-prod-pods', address_prefixes: ['10.0.1.0/24'] });
  });

  test('for_each over a map, with the meta-arguments dropped', () => {
    const gpu = block(config, 'azurerm_kubernetes_cluster_node_pool.user["gpu"]');
    expect(gpu.values).toEqual({ name: 'gpu', vm_size: 'Standard_NC6s_v3', zones: ['1'], kubernetes_cluster_id: '${azurerm_kubernetes_cluster.main.id}' });
    expect(block(config, 'azurerm_kubernetes_cluster_node_pool.user["batch"]').values.zones).toEqual(['1', '2']);
  });

  test('count makes indexed instances with count.index; length() and indexes of a counted resource resolve', () => {
    expect(block(config, 'azurerm_public_ip.egress[1]').values.name).toBe('aks-prod-pip-1');
    expect(block(config, 'azurerm_monitor_diagnostic_setting.ips[1]').values.target_resource_id).toBe('${azurerm_public_ip.egress[1].id}');
    expect(config.blocks.filter((b) => b.type === 'azurerm_monitor_diagnostic_setting')).toHaveLength(2);
  });

  test('a reference to an instance keeps its key; a null argument is not set (a null in a map is a value)', () => {
    const aks = block(config, 'azurerm_kubernetes_cluster.main').values;
    expect(aks.default_node_pool).toEqual([{ name: 'system', vnet_subnet_id: '${azurerm_subnet.this["nodes"].id}' }]);
    expect('automatic_upgrade_channel' in aks).toBe(false);
    expect(aks.tags).toEqual({ team: null });
  });

  test('dynamic blocks: a known for_each expands (iterator included), an empty one is absent, an unknown one is an unknown value', () => {
    const aks = block(config, 'azurerm_kubernetes_cluster.main').values;
    expect(aks.oms_agent).toEqual([{ log_analytics_workspace_id: 'ws' }]);
    expect(aks.microsoft_defender).toEqual([]);
    expect(aks.key_vault_secrets_provider).toEqual([{ secret_rotation_enabled: true, secret_rotation_interval: '2m' }]);
    expect(aks.identity).toBe('${var.identity_ids}');
    expect(aks.dynamic).toBeUndefined();
  });

  test('an unknown dynamic block makes what the rules read inside it unknown, not absent', () => {
    const aks = TerraformDocument.fromConfiguration(config).block('azurerm_kubernetes_cluster.main')!;
    expect(evidenceFor(aks, [equals(aks, 'identity.type', 'UserAssigned')])[0]).toMatchObject({ ok: false, unknown: '${var.identity_ids}' });
  });

  test('an unknown count reads one instance that keeps its count, so that nothing about it is decided', () => {
    const maybe = block(config, 'azurerm_public_ip.maybe');
    expect(maybe.values).toEqual({ name: 'maybe-${count.index}', count: '${(var.identity_ids == null) ? 0 : 1}' });
    const doc = TerraformDocument.fromConfiguration(config);
    expect(evidenceFor(doc.block('azurerm_public_ip.maybe')!, [equals(doc.block('azurerm_public_ip.maybe')!, 'name', 'x')])[0].unknown).toBeDefined();
    expect(config.coverage.notes).toContain('azurerm_public_ip.maybe: count is unknown ((var.identity_ids == null) ? 0 : 1); read as one instance that may not exist');
  });

  test('source file and line of each block', () => {
    const line = fs.readFileSync(path.join(dir, 'main.tf'), 'utf8').split('\n').indexOf('resource "azurerm_kubernetes_cluster" "main" {') + 1;
    expect(line).toBeGreaterThan(1);
    expect(block(config, 'azurerm_kubernetes_cluster.main').source).toEqual({ file: path.join(dir, 'main.tf'), line });
  });
});

describe('readHclConfiguration: modules', () => {
  const dir = folder({
    'main.tf': `
variable "pools" { default = { a = "Standard_D4s_v5", b = "Standard_D8s_v5" } }
module "aks" {
  source   = "./modules/aks"
  name     = "prod"
  network  = { plugin = "azure", policy = "cilium" }
}
module "extra" {
  source   = "./modules/pool"
  for_each = var.pools
  size     = each.value
  cluster  = module.aks.cluster_id
}
module "registry_net" {
  source  = "Azure/network/azurerm"
  version = "5.3.0"
}
module "from_git" {
  source = "git::https://example.com/x.git"
}
resource "azurerm_subnet" "s" {
  name           = "s"
  vnet_name      = module.registry_net.vnet_name
  rg             = module.initialised.rg
}
module "initialised" {
  source = "Azure/rg/azurerm"
}
variable "n" {}
module "maybe" {
  source  = "./modules/pool"
  count   = var.n
  size    = "Standard_D2s_v5"
  cluster = "c"
}
`,
    'modules/aks/main.tf': `
variable "name" {}
variable "network" { type = object({ plugin = string, policy = optional(string, "azure"), mode = optional(string, "overlay") }) }
resource "azurerm_kubernetes_cluster" "main" {
  name = "aks-\${var.name}"
  network_profile {
    network_plugin      = var.network.plugin
    network_policy      = var.network.policy
    network_plugin_mode = var.network.mode
  }
}
module "system_pool" {
  source  = "../pool"
  size    = "Standard_D2s_v5"
  cluster = azurerm_kubernetes_cluster.main.id
}
output "cluster_id" { value = azurerm_kubernetes_cluster.main.id }
`,
    'modules/pool/main.tf': `
variable "size" {}
variable "cluster" {}
resource "azurerm_kubernetes_cluster_node_pool" "this" {
  vm_size               = var.size
  kubernetes_cluster_id = var.cluster
}
`,
    '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'initialised', Source: 'registry.terraform.io/Azure/rg/azurerm', Dir: '.terraform/modules/initialised' }] }),
    '.terraform/modules/initialised/main.tf': 'resource "azurerm_resource_group" "this" { name = "rg-init" }\noutput "rg" { value = azurerm_resource_group.this.name }\n',
  });
  let config: ResolvedConfiguration;
  beforeAll(async () => {
    config = await readHclConfiguration(dir);
  });

  test('a local module is followed with its inputs bound (object defaults applied); addresses read like Terraform', () => {
    expect(block(config, 'module.aks.azurerm_kubernetes_cluster.main').values).toEqual({
      name: 'aks-prod',
      network_profile: [{ network_plugin: 'azure', network_policy: 'cilium', network_plugin_mode: 'overlay' }],
    });
  });

  test('nested local modules: references inside a module carry its path, also through a module input', () => {
    expect(block(config, 'module.aks.module.system_pool.azurerm_kubernetes_cluster_node_pool.this').values).toEqual({
      vm_size: 'Standard_D2s_v5',
      kubernetes_cluster_id: '${module.aks.azurerm_kubernetes_cluster.main.id}',
    });
  });

  test('a module with for_each: one instance per key; a module output resolves for the parent', () => {
    expect(block(config, 'module.extra["b"].azurerm_kubernetes_cluster_node_pool.this').values).toEqual({
      vm_size: 'Standard_D8s_v5',
      kubernetes_cluster_id: '${module.aks.azurerm_kubernetes_cluster.main.id}',
    });
  });

  test('a registry or git module that terraform init did not fetch is listed as not followed; its outputs are unknown', () => {
    expect(config.coverage.modules).toEqual(
      expect.arrayContaining([
        { address: 'module.registry_net', source: 'Azure/network/azurerm', followed: false, reason: 'registry module not initialised: run terraform init' },
        { address: 'module.from_git', source: 'git::https://example.com/x.git', followed: false, reason: 'git module not initialised: run terraform init' },
        { address: 'module.aks', source: './modules/aks', followed: true },
        { address: 'module.aks.module.system_pool', source: '../pool', followed: true },
      ]),
    );
    expect(block(config, 'azurerm_subnet.s').values.vnet_name).toBe('${module.registry_net.vnet_name}');
  });

  test('the blocks of a module call whose count is unknown keep that count: they may not exist', () => {
    expect(block(config, 'module.maybe.azurerm_kubernetes_cluster_node_pool.this').values).toEqual({ vm_size: 'Standard_D2s_v5', kubernetes_cluster_id: 'c', count: '${var.n}' });
  });

  test('Markdown, JSON and SARIF name module addresses; SARIF points at the module file and line', () => {
    const report = buildReport([{ doc: TerraformDocument.fromConfiguration(config), source: dir }]);
    const address = 'module.aks.azurerm_kubernetes_cluster.main';
    expect(toMarkdown(report)).toContain(`\`${address}`);
    expect(toJson(report)).toContain(`"${address}"`);
    const sarif = JSON.parse(JSON.stringify(toSarif(report, { baseDir: dir })));
    const location = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cluster-setup/private-cluster').locations[0];
    expect(location.physicalLocation).toEqual({ artifactLocation: { uri: 'modules/aks/main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
    expect(location.logicalLocations[0].name).toBe(address);
  });

  test('a registry module that terraform init fetched (modules.json) is followed', () => {
    expect(block(config, 'module.initialised.azurerm_resource_group.this').values.name).toBe('rg-init');
    expect(block(config, 'azurerm_subnet.s').values.rg).toBe('rg-init');
    expect(block(config, 'module.initialised.azurerm_resource_group.this').source?.file).toBe(path.join(dir, '.terraform/modules/initialised/main.tf'));
  });
});

describe('readHclConfiguration: AzAPI clusters (shaped like the AVM resource module for AKS)', () => {
  const dir = folder({
    'main.tf': `
module "aks" {
  source    = "./avm"
  name      = "aks-prod"
  parent_id = azurerm_resource_group.rg.id
  api_server_access_profile = { enable_private_cluster = true, enable_vnet_integration = true, subnet_id = "/subscriptions/x/api" }
  aad_profile = { admin_group_object_ids = ["00000000-0000-0000-0000-000000000001"], enable_azure_rbac = true }
  managed_identities = { user_assigned_resource_ids = ["/subscriptions/x/id"] }
  agent_pools = { user = { name = "user", vm_size = "Standard_D8s_v5", mode = "User" } }
  kubernetes_version = "1.31"
}
resource "azurerm_resource_group" "rg" { name = "rg-aks" }
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrprod"
  location  = "westeurope"
  parent_id = azurerm_resource_group.rg.id
  body = {
    sku        = { name = "Premium" }
    properties = { adminUserEnabled = false, publicNetworkAccess = "Disabled", dataEndpointEnabled = true, policies = { quarantinePolicy = { status = "enabled" } } }
  }
}
`,
    'avm/variables.tf': `
variable "name" { type = string }
variable "parent_id" { type = string }
variable "kubernetes_version" { default = null }
variable "disable_local_accounts" { default = true }
variable "api_server_access_profile" {
  type = object({ enable_private_cluster = optional(bool), enable_private_cluster_public_fqdn = optional(bool), enable_vnet_integration = optional(bool), subnet_id = optional(string), authorized_ip_ranges = optional(list(string)) })
  default = null
}
variable "aad_profile" {
  type    = object({ admin_group_object_ids = optional(list(string)), enable_azure_rbac = optional(bool), managed = optional(bool, true) })
  default = null
}
variable "auto_upgrade_profile" {
  type    = object({ upgrade_channel = optional(string, "stable"), node_os_upgrade_channel = optional(string, "NodeImage") })
  default = {}
}
variable "managed_identities" {
  type    = object({ system_assigned = optional(bool, false), user_assigned_resource_ids = optional(set(string), []) })
  default = {}
}
variable "default_agent_pool" {
  type    = object({ name = optional(string, "system"), vm_size = optional(string, "Standard_D4ds_v5"), max_pods = optional(number, 110), zones = optional(list(string), ["1", "2", "3"]) })
  default = {}
}
variable "agent_pools" {
  type    = map(object({ name = string, vm_size = string, mode = optional(string, "User") }))
  default = {}
}
variable "oms_workspace_id" { default = "/subscriptions/x/ws" }
`,
    'avm/locals.tf': `
locals {
  managed_identities = {
    system_assigned_user_assigned = (var.managed_identities.system_assigned || length(var.managed_identities.user_assigned_resource_ids) > 0) ? {
      this = {
        type                       = var.managed_identities.system_assigned && length(var.managed_identities.user_assigned_resource_ids) > 0 ? "SystemAssigned, UserAssigned" : length(var.managed_identities.user_assigned_resource_ids) > 0 ? "UserAssigned" : "SystemAssigned"
        user_assigned_resource_ids = var.managed_identities.user_assigned_resource_ids
      }
    } : {}
  }
  agent_pool_profiles = [module.default_agent_pool_data.body_properties]
  resource_body = {
    properties = {
      aadProfile = var.aad_profile == null ? null : {
        adminGroupObjectIDs = var.aad_profile.admin_group_object_ids
        enableAzureRBAC     = var.aad_profile.enable_azure_rbac
        managed             = var.aad_profile.managed
      }
      addonProfiles = {
        omsagent = { enabled = true, config = { logAnalyticsWorkspaceResourceID = var.oms_workspace_id, useAADAuth = "true" } }
        azurepolicy = { enabled = true }
      }
      agentPoolProfiles = local.agent_pool_profiles
      apiServerAccessProfile = var.api_server_access_profile == null ? null : {
        authorizedIPRanges             = var.api_server_access_profile.authorized_ip_ranges == null ? null : [for item in var.api_server_access_profile.authorized_ip_ranges : item]
        enablePrivateCluster           = var.api_server_access_profile.enable_private_cluster
        enablePrivateClusterPublicFQDN = var.api_server_access_profile.enable_private_cluster_public_fqdn
        enableVnetIntegration          = var.api_server_access_profile.enable_vnet_integration
        subnetId                       = var.api_server_access_profile.subnet_id
      }
      autoUpgradeProfile = var.auto_upgrade_profile == null ? null : {
        nodeOSUpgradeChannel = var.auto_upgrade_profile.node_os_upgrade_channel
        upgradeChannel       = var.auto_upgrade_profile.upgrade_channel
      }
      disableLocalAccounts = var.disable_local_accounts
      networkProfile = { networkPlugin = "azure", networkPluginMode = "overlay", networkPolicy = "cilium", outboundType = "userDefinedRouting" }
    }
  }
}
`,
    'avm/main.tf': `
resource "azapi_resource" "this" {
  location  = "westeurope"
  name      = var.name
  parent_id = var.parent_id
  type      = "Microsoft.ContainerService/managedClusters@2025-10-01"
  body      = local.resource_body
  ignore_null_property = true
  dynamic "identity" {
    for_each = local.managed_identities.system_assigned_user_assigned
    content {
      type         = identity.value.type
      identity_ids = identity.value.user_assigned_resource_ids
    }
  }
  lifecycle { ignore_changes = [body.properties.kubernetesVersion] }
}
resource "azapi_update_resource" "kubernetes_version" {
  count     = var.kubernetes_version == null ? 0 : 1
  name      = var.name
  parent_id = var.parent_id
  type      = azapi_resource.this.type
  body      = { properties = { kubernetesVersion = var.kubernetes_version } }
  resource_id = azapi_resource.this.id
}
resource "azapi_resource" "diagnostics" {
  type      = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"
  name      = "aks-diagnostics"
  parent_id = azapi_resource.this.id
  body = { properties = { workspaceId = var.oms_workspace_id, logAnalyticsDestinationType = "Dedicated", logs = [{ categoryGroup = "allLogs", enabled = true }, { category = "kube-audit", enabled = false }] } }
}
resource "azapi_resource" "maintenance" {
  type      = "Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2025-10-01"
  name      = "aksManagedAutoUpgradeSchedule"
  parent_id = azapi_resource.this.id
  body      = { properties = { maintenanceWindow = { durationHours = 4, schedule = { weekly = { dayOfWeek = "Sunday", intervalWeeks = 1 } }, startTime = "00:00" } } }
}
module "default_agent_pool_data" {
  source           = "./modules/agentpool"
  name             = var.default_agent_pool.name
  vm_size          = var.default_agent_pool.vm_size
  max_pods         = var.default_agent_pool.max_pods
  zones            = var.default_agent_pool.zones
  mode             = "System"
  output_data_only = true
  parent_id        = ""
}
module "nodepools" {
  source    = "./modules/agentpool"
  for_each  = var.agent_pools
  name      = each.value.name
  vm_size   = each.value.vm_size
  mode      = each.value.mode
  parent_id = azapi_resource.this.id
}
`,
    'avm/modules/agentpool/main.tf': `
variable "name" {}
variable "vm_size" {}
variable "mode" {}
variable "parent_id" {}
variable "max_pods" { default = 30 }
variable "zones" { default = ["1", "2", "3"] }
variable "output_data_only" { default = false }
locals {
  properties = {
    name              = var.name
    vmSize            = var.vm_size
    mode              = var.mode
    maxPods           = var.max_pods
    availabilityZones = var.zones
    enableAutoScaling = true
    minCount          = 1
    maxCount          = 5
    nodeTaints        = var.mode == "System" ? ["CriticalAddonsOnly=true:NoSchedule"] : null
  }
}
resource "azapi_resource" "this" {
  count     = var.output_data_only ? 0 : 1
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2025-10-01"
  name      = var.name
  parent_id = var.parent_id
  body      = { properties = { for k, v in local.properties : k => v if k != "name" } }
}
output "body_properties" { value = local.properties }
`,
  });
  let config: ResolvedConfiguration;
  let doc: TerraformDocument;
  beforeAll(async () => {
    config = await readHclConfiguration(dir);
    doc = TerraformDocument.fromConfiguration(config);
  });

  test('the cluster is an azurerm_kubernetes_cluster at its AzAPI address, with the ARM properties mapped', () => {
    const aks = block(config, 'module.aks.azapi_resource.this');
    expect(aks.type).toBe('azurerm_kubernetes_cluster');
    expect(aks.values).toMatchObject({
      name: 'aks-prod',
      resource_group_name: '${azurerm_resource_group.rg.name}',
      private_cluster_enabled: true,
      api_server_access_profile: [{ virtual_network_integration_enabled: true, subnet_id: '/subscriptions/x/api' }],
      local_account_disabled: true,
      azure_active_directory_role_based_access_control: [{ admin_group_object_ids: ['00000000-0000-0000-0000-000000000001'], azure_rbac_enabled: true }],
      identity: [{ type: 'UserAssigned', identity_ids: ['/subscriptions/x/id'] }],
      automatic_upgrade_channel: 'stable',
      node_os_upgrade_channel: 'NodeImage',
      kubernetes_version: '1.31',
      azure_policy_enabled: true,
      oms_agent: [{ log_analytics_workspace_id: '/subscriptions/x/ws', msi_auth_for_monitoring_enabled: true }],
      network_profile: [{ network_plugin: 'azure', network_plugin_mode: 'overlay', network_policy: 'cilium', outbound_type: 'userDefinedRouting' }],
      maintenance_window_auto_upgrade: [expect.objectContaining({ duration_hours: 4, start_time: '00:00' })],
      default_node_pool: [
        { name: 'system', vm_size: 'Standard_D4ds_v5', mode: 'System', max_pods: 110, zones: ['1', '2', '3'], auto_scaling_enabled: true, min_count: 1, max_count: 5, node_taints: ['CriticalAddonsOnly=true:NoSchedule'], only_critical_addons_enabled: true },
      ],
    });
    expect(config.blocks.some((b) => b.type === 'azapi_update_resource')).toBe(false);
  });

  test('an agentPools resource is an azurerm_kubernetes_cluster_node_pool of that cluster', () => {
    expect(block(config, 'module.aks.module.nodepools["user"].azapi_resource.this[0]')).toMatchObject({
      type: 'azurerm_kubernetes_cluster_node_pool',
      values: { name: 'user', vm_size: 'Standard_D8s_v5', mode: 'User', kubernetes_cluster_id: '${module.aks.azapi_resource.this.id}' },
    });
  });

  test('azapi 1.x: a body written with jsonencode() and references inside is read as its object', async () => {
    const legacy = await readHclConfiguration(folder({
      'main.tf': `
resource "azurerm_resource_group" "rg" { name = "rg" }
resource "azapi_resource" "legacy" {
  type      = "Microsoft.ContainerService/managedClusters@2023-09-01"
  name      = "aks-azapi-1x"
  parent_id = azurerm_resource_group.rg.id
  body = jsonencode({
    properties = { disableLocalAccounts = true, apiServerAccessProfile = { enablePrivateCluster = true, subnetId = azurerm_resource_group.rg.id } }
  })
}
`,
    }));
    expect(block(legacy, 'azapi_resource.legacy')).toMatchObject({
      type: 'azurerm_kubernetes_cluster',
      values: { local_account_disabled: true, private_cluster_enabled: true, api_server_access_profile: [{ subnet_id: '${azurerm_resource_group.rg.id}' }] },
    });
  });

  test('a registry and a diagnostic setting written with AzAPI are mapped too', () => {
    expect(block(config, 'azapi_resource.acr')).toMatchObject({
      type: 'azurerm_container_registry',
      values: { name: 'acrprod', sku: 'Premium', admin_enabled: false, public_network_access_enabled: false, data_endpoint_enabled: true, quarantine_policy_enabled: true },
    });
    expect(block(config, 'module.aks.azapi_resource.diagnostics')).toMatchObject({
      type: 'azurerm_monitor_diagnostic_setting',
      values: { target_resource_id: '${module.aks.azapi_resource.this.id}', log_analytics_workspace_id: '/subscriptions/x/ws', log_analytics_destination_type: 'Dedicated', enabled_log: [{ category_group: 'allLogs' }] },
    });
    expect(controlPlaneLogs(doc).status).toBe('compliant');
    expect(registryQuarantine(doc).status).toBe('compliant');
  });

  test('the cluster rules judge it like an azurerm cluster, and the report does not list it as not judged', () => {
    expect(privateCluster(doc).status).toBe('compliant');
    expect(aadIntegration(doc).status).toBe('compliant');
    expect(upgradeChannel(doc).status).toBe('compliant');
    expect(kubernetesVersionCurrent(doc).status).toBe('compliant');
    expect(logAggregation(doc).status).toBe('compliant');
    expect(doc.coverage.unjudged ?? []).toEqual([]);
  });
});
