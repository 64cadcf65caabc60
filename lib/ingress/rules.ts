/**
 * Checklist rules for ingress: managed ingress controller, internal load balancer, WAF.
 */
import { check, equals, evidenceFor, forEachResource, fromEvidence, isEmpty, oneOf, present } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';
import { blocks, getPath, JsonObject, TfBlock } from '../core/terraform-document';

const CLUSTER = 'azurerm_kubernetes_cluster';

/** network/ingress-distribution: each cluster runs a managed ingress controller (application routing or AGIC). */
export const ingressDistributionRule: Rule = forEachResource(CLUSTER, (cluster) => {
  const routing = !isEmpty(getPath(cluster.values, 'web_app_routing'));
  const agic = !isEmpty(getPath(cluster.values, 'ingress_application_gateway'));
  return [
    check(
      routing ? 'web_app_routing' : 'ingress_application_gateway',
      routing || agic,
      routing ? 'application routing (managed NGINX ingress) is enabled' : 'the Application Gateway ingress controller is enabled',
      'no managed ingress controller (neither web_app_routing nor ingress_application_gateway)',
    ),
  ];
});

/**
 * network/internal-load-balancer (ingress facet): the application routing add-on's default NGINX
 * controller sits behind an internal load balancer (or is not created). Not applicable to clusters
 * without the add-on.
 */
export const internalIngressRule: Rule = (doc) =>
  fromEvidence(
    doc
      .resources(CLUSTER)
      .filter((c) => !isEmpty(getPath(c.values, 'web_app_routing')))
      .flatMap((c) => evidenceFor(c, [oneOf(c, 'web_app_routing.default_nginx_controller', ['Internal', 'None'])])),
    'no cluster with the application routing add-on',
  );

/** Whether a WAF policy block (Application Gateway or Front Door) is enabled and in Prevention mode. */
function policyChecks(policy: TfBlock, settingsPath: string): Evidence[] {
  const enabled = getPath(policy.values, `${settingsPath}enabled`);
  const mode = getPath(policy.values, `${settingsPath}mode`);
  return evidenceFor(policy, [
    check(`${settingsPath}enabled`, enabled === undefined || enabled === true, 'is enabled', 'is disabled'),
    // Both resources default mode to Prevention when it is not written.
    check(`${settingsPath}mode`, mode === undefined || mode === 'Prevention', 'is Prevention', `is ${JSON.stringify(mode)}, expected "Prevention"`),
  ]);
}

function gatewayEvidence(gateway: TfBlock, doc: Parameters<Rule>[0]): Evidence[] {
  const policies = doc.referencedBlocks(getPath(gateway.values, 'firewall_policy_id'), 'azurerm_web_application_firewall_policy');
  const inline = blocks(getPath(gateway.values, 'waf_configuration'))[0] as JsonObject | undefined;
  const own = evidenceFor(gateway, [
    oneOf(gateway, 'sku.tier', ['WAF_v2']),
    check(
      'firewall_policy_id',
      policies.length > 0 || !isEmpty(getPath(gateway.values, 'firewall_policy_id')) || inline !== undefined,
      'has a WAF policy attached',
      'has no WAF policy attached (firewall_policy_id)',
    ),
  ]);
  const inlineEvidence = inline
    ? evidenceFor(gateway, [equals(gateway, 'waf_configuration.enabled', true), equals(gateway, 'waf_configuration.firewall_mode', 'Prevention')])
    : [];
  return [...own, ...inlineEvidence];
}

function frontDoorEvidence(profile: TfBlock, doc: Parameters<Rule>[0]): Evidence[] {
  const security = doc.referencing('azurerm_cdn_frontdoor_security_policy', 'cdn_frontdoor_profile_id', profile);
  const withWaf = security.filter((s) => !isEmpty(getPath(s.values, 'security_policies.firewall.cdn_frontdoor_firewall_policy_id')));
  return evidenceFor(profile, [
    check('', withWaf.length > 0, `has a WAF security policy (${withWaf.map((s) => s.address).join(', ')})`, 'has no security policy with a WAF firewall policy'),
  ]);
}

/**
 * network/web-application-firewall: every Application Gateway is WAF_v2 with a policy attached,
 * every Front Door profile has a WAF security policy, and every WAF policy is enabled in Prevention
 * mode with a managed rule set. Not applicable when the stack publishes nothing through either.
 */
export const webApplicationFirewallRule: Rule = (doc) => {
  const gateways = doc.resources('azurerm_application_gateway');
  const frontDoors = doc.resources('azurerm_cdn_frontdoor_profile');
  const agwPolicies = doc.resources('azurerm_web_application_firewall_policy');
  const fdPolicies = doc.resources('azurerm_cdn_frontdoor_firewall_policy');
  const evidence: Evidence[] = [
    ...gateways.flatMap((g) => gatewayEvidence(g, doc)),
    ...frontDoors.flatMap((p) => frontDoorEvidence(p, doc)),
    ...agwPolicies.flatMap((p) => [
      ...policyChecks(p, 'policy_settings.'),
      ...evidenceFor(p, [present(p, 'managed_rules.managed_rule_set', 'has a managed rule set')]),
    ]),
    ...fdPolicies.flatMap((p) => [...policyChecks(p, ''), ...evidenceFor(p, [present(p, 'managed_rule', 'has a managed rule set')])]),
  ];
  return fromEvidence(evidence, 'no Application Gateway, Front Door or WAF policy in the stack');
};
