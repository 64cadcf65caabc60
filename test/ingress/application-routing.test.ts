import { applicationRoutingConfig } from '../../lib/ingress/application-routing';
import { waiversIn } from '../../lib/report/build';
import { bareCluster, RG, SUB } from '../disaster-recovery/fixtures';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';

const ZONE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateDnsZones/apps.internal.example.com`;

/** A cluster with application routing, as SecureAksCluster would pass it. */
const withRouting = () =>
  synthDoc((stack) => {
    bareCluster(stack, 'aks', { webAppRouting: applicationRoutingConfig(stack, { dnsZoneIds: [ZONE] }) });
  });

describe('applicationRoutingConfig', () => {
  test('defaults to an internal NGINX controller and emits the web_app_routing keys', () => {
    const cluster = withRouting().resources('azurerm_kubernetes_cluster')[0];
    expect(cluster.values.web_app_routing).toEqual({ default_nginx_controller: 'Internal', dns_zone_ids: [ZONE] });
  });

  test('no DNS zones gives the empty list the provider requires', () => {
    const doc = synthDoc((stack) => {
      bareCluster(stack, 'aks', { webAppRouting: applicationRoutingConfig(stack) });
    });
    expect(doc.resources('azurerm_kubernetes_cluster')[0].values.web_app_routing).toEqual({ default_nginx_controller: 'Internal', dns_zone_ids: [] });
  });

  test("'None' (no default controller) needs no reason", () => {
    const doc = synthDoc((stack) => {
      bareCluster(stack, 'aks', { webAppRouting: applicationRoutingConfig(stack, { defaultNginxController: 'None' }) });
    });
    expect(doc.resources('azurerm_kubernetes_cluster')[0].values.web_app_routing).toMatchObject({ default_nginx_controller: 'None' });
    expect(waiversIn(doc)).toEqual([]);
  });

  test('a public controller without a reason is an error naming the prop', () => {
    synthDoc((stack) => {
      expect(() => applicationRoutingConfig(stack, { defaultNginxController: 'External' as never })).toThrow(/applicationRoutingConfig 'test': prop 'defaultNginxController' = 'External' turns the internal load balancer off .* without a reason\. Fix: give defaultNginxController: \{ exposure: 'External', reason/);
      expect(() => applicationRoutingConfig(stack, { defaultNginxController: { exposure: 'AnnotationControlled', reason: 'short' } })).toThrow(/applicationRoutingConfig 'test': prop 'defaultNginxController\.reason' = 'short'/);
    });
  });

  test('a public controller with a reason records a waiver of network/internal-load-balancer', () => {
    const doc = synthDoc((stack) => {
      bareCluster(stack, 'aks', { webAppRouting: applicationRoutingConfig(stack, { defaultNginxController: { exposure: 'External', reason: 'public demo site behind Front Door WAF' } }) });
    });
    expect(doc.resources('azurerm_kubernetes_cluster')[0].values.web_app_routing).toMatchObject({ default_nginx_controller: 'External' });
    expect(waiversIn(doc)).toEqual([{ item: 'network/internal-load-balancer', path: 'test', reason: 'public demo site behind Front Door WAF' }]);
  });

  test('an unknown controller value is an error', () => {
    synthDoc((stack) => {
      expect(() => applicationRoutingConfig(stack, { defaultNginxController: 'Private' as never })).toThrow(/applicationRoutingConfig 'test': prop 'defaultNginxController' = 'Private'/);
    });
  });

  test('a DNS zone id that is not a zone is an error', () => {
    synthDoc((stack) => {
      expect(() => applicationRoutingConfig(stack, { dnsZoneIds: ['apps.example.com'] })).toThrow(/applicationRoutingConfig 'test': prop 'dnsZoneIds' = 'apps.example.com'/);
    });
  });
});

describeItem('network/internal-load-balancer', {
  compliant: { 'application routing with defaults': withRouting },
  nonCompliant: {
    'default controller External': () => mutate(withRouting(), (j) => (j.resource.azurerm_kubernetes_cluster.aks.web_app_routing.default_nginx_controller = 'External')),
    'default controller left to the AKS default (AnnotationControlled)': () => mutate(withRouting(), (j) => delete j.resource.azurerm_kubernetes_cluster.aks.web_app_routing.default_nginx_controller),
  },
});

describeItem('network/ingress-distribution', {
  compliant: { 'application routing with defaults': withRouting },
  nonCompliant: { 'cluster without a managed ingress controller': () => mutate(withRouting(), (j) => delete j.resource.azurerm_kubernetes_cluster.aks.web_app_routing) },
});
