'use strict';
// Writes a large HCL configuration for the report benchmark: one folder of 20 .tf files with
// `resources` resources (a cluster with node pools, subnets with route tables and NSGs, role
// assignments, registries, vaults, diagnostic settings), variables with defaults and references
// across files. Generated on the fly: no large fixture is committed.
const fs = require('fs');
const path = require('path');

const FILES = 20;

function block(type, name, body) {
  return `resource "${type}" "${name}" {\n${body.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

/** Writes the configuration into `dir`; returns the number of resources written. */
function writeHclConfiguration(dir, resources = 2000) {
  fs.mkdirSync(dir, { recursive: true });
  const out = Array.from({ length: FILES }, () => []);
  let count = 0;
  const add = (text) => {
    out[count % FILES].push(text);
    count++;
  };
  out[0].push(
    'variable "location" {\n  type    = string\n  default = "westeurope"\n}\n',
    'variable "tags" {\n  type    = map(string)\n  default = { owner = "platform", environment = "prod", cost-center = "cc-1", data-classification = "internal" }\n}\n',
    'locals {\n  rg = "rg-bench"\n}\n',
  );
  add(block('azurerm_resource_group', 'rg', ['name     = local.rg', 'location = var.location', 'tags     = var.tags']));
  add(block('azurerm_virtual_network', 'vnet', ['name                = "vnet-bench"', 'location            = var.location', 'resource_group_name = azurerm_resource_group.rg.name', 'address_space       = ["10.0.0.0/8"]', 'tags                = var.tags']));
  add(
    block('azurerm_kubernetes_cluster', 'aks', [
      'name                    = "aks-bench"',
      'location                = var.location',
      'resource_group_name     = azurerm_resource_group.rg.name',
      'dns_prefix              = "aks-bench"',
      'private_cluster_enabled = true',
      'sku_tier                = "Standard"',
      'tags                    = var.tags',
      'default_node_pool {',
      '  name           = "system"',
      '  vm_size        = "Standard_D4ds_v5"',
      '  vnet_subnet_id = azurerm_subnet.s0.id',
      '  zones          = ["1", "2", "3"]',
      '}',
      'identity {',
      '  type = "SystemAssigned"',
      '}',
      'network_profile {',
      '  network_plugin      = "azure"',
      '  network_plugin_mode = "overlay"',
      '}',
    ]),
  );
  for (let i = 0; count < resources; i++) {
    const kind = i % 8;
    if (kind === 0 || kind === 1) {
      add(block('azurerm_subnet', `s${i}`, [`name                 = "snet-${i}"`, 'resource_group_name  = azurerm_resource_group.rg.name', 'virtual_network_name = azurerm_virtual_network.vnet.name', `address_prefixes     = ["10.${Math.floor(i / 256) % 256}.${i % 256}.0/24"]`]));
    } else if (kind === 2) {
      add(block('azurerm_network_security_group', `nsg${i}`, [`name                = "nsg-${i}"`, 'location            = var.location', 'resource_group_name = azurerm_resource_group.rg.name', 'tags                = var.tags']));
    } else if (kind === 3) {
      add(block('azurerm_role_assignment', `ra${i}`, ['scope                = azurerm_resource_group.rg.id', 'role_definition_name = "Reader"', 'principal_id         = azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id']));
    } else if (kind === 4) {
      add(block('azurerm_kubernetes_cluster_node_pool', `p${i}`, [`name                  = "p${i % 1000}"`, 'kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id', 'vm_size               = "Standard_D4ds_v5"', 'auto_scaling_enabled  = true', 'min_count             = 1', 'max_count             = 3', 'zones                 = ["1", "2", "3"]', 'tags                  = var.tags']));
    } else if (kind === 5) {
      add(block('azurerm_container_registry', `acr${i}`, [`name                = "acr${i}"`, 'location            = var.location', 'resource_group_name = azurerm_resource_group.rg.name', 'sku                 = "Premium"', 'admin_enabled       = false', 'tags                = var.tags']));
    } else if (kind === 6) {
      add(block('azurerm_key_vault', `kv${i}`, [`name                      = "kv-${i}"`, 'location                  = var.location', 'resource_group_name       = azurerm_resource_group.rg.name', 'tenant_id                 = "00000000-0000-0000-0000-000000000000"', 'sku_name                  = "standard"', 'purge_protection_enabled  = true', 'tags                      = var.tags']));
    } else {
      add(
        block('azurerm_monitor_diagnostic_setting', `d${i}`, [
          `name                       = "diag-${i}"`,
          `target_resource_id         = azurerm_key_vault.kv${i - 1}.id`,
          'log_analytics_workspace_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"',
          'enabled_log {',
          '  category_group = "allLogs"',
          '}',
        ]),
      );
    }
  }
  out.forEach((blocks, n) => fs.writeFileSync(path.join(dir, `part-${String(n).padStart(2, '0')}.tf`), blocks.join('\n')));
  return count;
}

module.exports = { writeHclConfiguration };

if (require.main === module) {
  const dir = process.argv[2] || 'bench-hcl';
  const n = writeHclConfiguration(dir, Number(process.argv[3]) || 2000);
  process.stdout.write(`wrote ${n} resources to ${dir}\n`);
}
