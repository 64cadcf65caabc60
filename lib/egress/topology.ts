/**
 * EgressFirewall's synth-time topology check, on the stack's Terraform document: the stack's
 * clusters, routes and firewall must agree (the network/egress-lockdown rule's failing evidence
 * about the firewall's own resources, or about a cluster attached to it).
 */
import type { TerraformDocument } from '../core/terraform-document';
import { egressLockdownEvidence } from './rules';

const C = 'EgressFirewall';

/**
 * The errors of the firewall at construct path `path` in `doc`.
 * @param nodeSubnetCount how many node subnets the firewall has (none is an error)
 */
export function firewallTopologyErrors(doc: TerraformDocument, path: string, nodeSubnetCount: number): string[] {
  const errors: string[] = [];
  if (nodeSubnetCount === 0) {
    errors.push(`${C} ${path}: no node subnet: the firewall routes and allows nothing. Fix: give nodeSubnets or call addNodeSubnet().`);
  }
  // Our node subnets' ids as the JSON writes them: read back from our own route associations.
  const mine = new Set(
    doc
      .resources('azurerm_subnet_route_table_association')
      .filter((a) => a.constructPath?.startsWith(`${path}/`))
      .map((a) => String(a.values.subnet_id)),
  );
  const failing = egressLockdownEvidence(doc).filter((e) => !e.ok);
  for (const e of failing) {
    const block = doc.block(e.address);
    const ownResource = e.constructPath !== undefined && e.constructPath.startsWith(`${path}/`);
    const attachedCluster =
      block?.type === 'azurerm_kubernetes_cluster' &&
      (JSON.stringify(block.values).includes('"userDefinedRouting"') || [...mine].some((id) => JSON.stringify(block.values).includes(JSON.stringify(id))));
    if (ownResource || attachedCluster) {
      errors.push(`${C} ${path}: ${e.message}.`);
    }
  }
  return errors;
}
