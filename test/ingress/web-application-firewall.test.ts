import { ApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { TerraformStack } from 'cdktf';
import { WebApplicationFirewall, WebApplicationFirewallProps } from '../../lib/ingress/web-application-firewall';
import { waiversIn } from '../../lib/report/build';
import { bareCluster, RG } from '../disaster-recovery/fixtures';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';

const props = (extra: Partial<WebApplicationFirewallProps> = {}): WebApplicationFirewallProps => ({
  name: 'agw-shop-weu',
  resourceGroupName: RG,
  location: 'westeurope',
  subnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke/subnets/appgw',
  site: { hostName: 'shop.example.com', certificateSecretId: 'https://kv-shop.vault.azure.net/secrets/shop-tls' },
  backend: { ipAddresses: ['10.240.4.250'] },
  keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shop',
  ...extra,
});

const wafStack = (extra: Partial<WebApplicationFirewallProps> = {}) =>
  synthDoc((stack) => {
    new WebApplicationFirewall(stack, 'waf', props(extra));
  });

const build = (extra: Partial<WebApplicationFirewallProps>) => () => {
  synthDoc((stack: TerraformStack) => {
    new WebApplicationFirewall(stack, 'waf', props(extra));
  });
};

describe('WebApplicationFirewall', () => {
  const doc = wafStack();
  const gateway = doc.resources('azurerm_application_gateway')[0].values;
  const policy = doc.resources('azurerm_web_application_firewall_policy')[0].values;

  test('WAF_v2 across three zones with a Prevention policy and the Default Rule Set attached', () => {
    expect(gateway.sku).toEqual({ name: 'WAF_v2', tier: 'WAF_v2' });
    expect(gateway.zones).toEqual(['1', '2', '3']);
    expect(gateway.autoscale_configuration).toEqual({ min_capacity: 2, max_capacity: 10 });
    expect(gateway.firewall_policy_id).toBe(`\${${doc.resources('azurerm_web_application_firewall_policy')[0].address}.id}`);
    expect(policy.policy_settings).toEqual({ enabled: true, mode: 'Prevention', request_body_check: true });
    expect(policy.managed_rules).toEqual({ managed_rule_set: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1' }] });
  });

  test('a public, zone-redundant frontend; HTTPS listener with SNI; HTTPS to the internal ingress IP', () => {
    expect(doc.resources('azurerm_public_ip')[0].values).toMatchObject({ sku: 'Standard', allocation_method: 'Static', zones: ['1', '2', '3'] });
    expect(gateway.frontend_ip_configuration).toEqual([{ name: 'public', public_ip_address_id: expect.stringMatching(/^\$\{azurerm_public_ip\./) }]);
    expect(gateway.http_listener).toEqual([
      { name: 'site-https', frontend_ip_configuration_name: 'public', frontend_port_name: 'https', protocol: 'Https', ssl_certificate_name: 'site', host_name: 'shop.example.com', require_sni: true },
    ]);
    expect(gateway.backend_address_pool).toEqual([{ name: 'ingress', ip_addresses: ['10.240.4.250'] }]);
    expect(gateway.backend_http_settings).toEqual([
      { name: 'ingress-https', protocol: 'Https', port: 443, cookie_based_affinity: 'Disabled', request_timeout: 30, host_name: 'shop.example.com', probe_name: 'ingress' },
    ]);
    expect(gateway.request_routing_rule).toEqual([
      { name: 'site', rule_type: 'Basic', priority: 100, http_listener_name: 'site-https', backend_address_pool_name: 'ingress', backend_http_settings_name: 'ingress-https' },
    ]);
    expect(gateway.ssl_policy).toEqual({ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' });
  });

  test('the certificate comes from Key Vault through a user-assigned identity; no certificate data or password', () => {
    expect(gateway.ssl_certificate).toEqual([{ name: 'site', key_vault_secret_id: 'https://kv-shop.vault.azure.net/secrets/shop-tls' }]);
    expect(gateway.identity).toEqual({ type: 'UserAssigned', identity_ids: [expect.stringMatching(/^\$\{azurerm_user_assigned_identity\./)] });
    const grant = doc.resources('azurerm_role_assignment')[0];
    expect(grant.values).toMatchObject({ role_definition_name: 'Key Vault Secrets User', scope: props().keyVaultId });
    expect(gateway.depends_on).toEqual([grant.address]);
    expect(JSON.stringify(doc.json)).not.toMatch(/"(data|password)"\s*:/);
  });

  test('an optional private frontend gets a static address in the gateway subnet', () => {
    const gw = wafStack({ privateFrontendIp: '10.240.5.10' }).resources('azurerm_application_gateway')[0].values;
    expect(gw.frontend_ip_configuration).toContainEqual({ name: 'private', subnet_id: props().subnetId, private_ip_address: '10.240.5.10', private_ip_address_allocation: 'Static' });
  });

  test('Detection mode with a reason is emitted and recorded as a waiver', () => {
    const d = wafStack({ mode: { mode: 'Detection', reason: 'two-week tuning period before Prevention' } });
    expect(d.resources('azurerm_web_application_firewall_policy')[0].values.policy_settings).toMatchObject({ mode: 'Detection' });
    expect(waiversIn(d)).toEqual([{ item: 'network/web-application-firewall', path: 'test/waf', reason: 'two-week tuning period before Prevention' }]);
  });

  test('OWASP 3.2 can be chosen', () => {
    expect(wafStack({ ruleSet: 'OWASP-3.2' }).resources('azurerm_web_application_firewall_policy')[0].values.managed_rules).toEqual({ managed_rule_set: [{ type: 'OWASP', version: '3.2' }] });
  });

  describe('bad input', () => {
    test('Detection mode without a reason', () => {
      expect(build({ mode: 'Detection' as never })).toThrow(/WebApplicationFirewall '[^']+': prop 'mode' = 'Detection' turns blocking off \(Detection only logs attacks\) without a reason\. Fix: give mode: \{ mode: 'Detection', reason/);
      expect(build({ mode: { mode: 'Detection', reason: 'tbd' } })).toThrow(/WebApplicationFirewall '[^']+': prop 'mode\.reason' = 'tbd'/);
    });
    test('an invalid gateway name', () => expect(build({ name: '-agw' })).toThrow(/WebApplicationFirewall '[^']+': prop 'name' = '-agw'/));
    test('a certificate that is not a Key Vault secret id', () =>
      expect(build({ site: { hostName: 'shop.example.com', certificateSecretId: 'MIIC...base64' } })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'site.certificateSecretId'/));
    test('a host name that is not a FQDN', () =>
      expect(build({ site: { hostName: 'shop', certificateSecretId: props().site.certificateSecretId } })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'site.hostName' = 'shop'/));
    test('a backend that is not an IP', () => expect(build({ backend: { ipAddresses: ['ingress.internal'] } })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'backend.ipAddresses' = 'ingress.internal'/));
    test('no backend IP', () => expect(build({ backend: { ipAddresses: [] } })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'backend.ipAddresses'.*empty/));
    test("a probe path without '/'", () => expect(build({ backend: { ipAddresses: ['10.0.0.4'], probePath: 'healthz' } })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'backend.probePath' = 'healthz'/));
    test('minCapacity above the provider\'s 100', () => expect(build({ minCapacity: 101, maxCapacity: 125 })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'minCapacity' = 101.*0-100/));
    test('maxCapacity below minCapacity', () => expect(build({ minCapacity: 5, maxCapacity: 3 })).toThrow(/WebApplicationFirewall '[^']+': prop 'maxCapacity' = 3/));
    test('an unknown zone', () => expect(build({ zones: ['1', '4'] })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'zones' = '4'/));
    test('an unknown mode', () => expect(build({ mode: 'Off' as never })).toThrow(/WebApplicationFirewall(?: '[^']+')?: prop 'mode' = 'Off'/));
    test('a private frontend IP outside its subnet, or reserved by Azure', () => {
      const onSubnet = (ip: string) => () =>
        synthDoc((stack: TerraformStack) => {
          const subnet = new Subnet(stack, 'appgw', { name: 'snet-appgw', resourceGroupName: RG, virtualNetworkName: 'vnet-spoke', addressPrefixes: ['10.240.5.0/24'] });
          new WebApplicationFirewall(stack, 'waf', props({ subnetId: subnet.id, privateFrontendIp: ip }));
        });
      expect(onSubnet('10.240.6.10')).toThrow(/WebApplicationFirewall 'waf': prop 'privateFrontendIp' = '10.240.6.10' is outside its subnet \(subnetId: 10.240.5.0\/24\)\. Fix: give a free address inside 10.240.5.0\/24, e.g. 10.240.5.4/);
      expect(onSubnet('10.240.5.1')).toThrow(/is one of the addresses Azure reserves in 10.240.5.0\/24/);
      expect(onSubnet('10.240.5.10')).not.toThrow();
      expect(build({ privateFrontendIp: '20.50.1.10' })).toThrow(/WebApplicationFirewall 'waf': prop 'privateFrontendIp' = '20\.50\.1\.10' is a public address, outside any private subnet \(subnetId\)/);
    });
    test('zones in a region without availability zones (and none by default there)', () => {
      expect(build({ location: 'ukwest', zones: ['1', '2', '3'] })).toThrow(/WebApplicationFirewall 'waf': prop 'zones' = \["1","2","3"\] asks for availability zones, but ukwest has no availability zones\. Fix: leave zones unset, or deploy to a region with availability zones \(e\.g\. 'uksouth'\)/);
      expect(wafStack({ location: 'ukwest' }).resources('azurerm_application_gateway')[0].values.zones).toEqual([]);
    });
    test('a region that does not exist', () => expect(build({ location: 'westeurop' })).toThrow(/WebApplicationFirewall 'waf': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/));
  });
});

describeItem('network/web-application-firewall', {
  compliant: { 'WebApplicationFirewall with defaults': () => wafStack() },
  nonCompliant: {
    'policy in Detection mode': () => mutate(wafStack(), (j) => Object.values<any>(j.resource.azurerm_web_application_firewall_policy).forEach((p) => (p.policy_settings.mode = 'Detection'))),
    'policy disabled': () => mutate(wafStack(), (j) => Object.values<any>(j.resource.azurerm_web_application_firewall_policy).forEach((p) => (p.policy_settings.enabled = false))),
    'no policy attached': () => mutate(wafStack(), (j) => Object.values<any>(j.resource.azurerm_application_gateway).forEach((g) => delete g.firewall_policy_id)),
    'a Standard_v2 gateway without WAF': () =>
      synthDoc((stack) => {
        new ApplicationGateway(stack, 'agw', {
          name: 'agw',
          resourceGroupName: RG,
          location: 'westeurope',
          sku: { name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 },
          gatewayIpConfiguration: [{ name: 'gw', subnetId: '/s/subnets/agw' }],
          frontendIpConfiguration: [{ name: 'fe', publicIpAddressId: '/pip' }],
          frontendPort: [{ name: 'http', port: 80 }],
          backendAddressPool: [{ name: 'be', ipAddresses: ['10.0.0.4'] }],
          backendHttpSettings: [{ name: 'bs', port: 80, protocol: 'Http', cookieBasedAffinity: 'Disabled' }],
          httpListener: [{ name: 'l', frontendIpConfigurationName: 'fe', frontendPortName: 'http', protocol: 'Http' }],
          requestRoutingRule: [{ name: 'r', ruleType: 'Basic', priority: 1, httpListenerName: 'l', backendAddressPoolName: 'be', backendHttpSettingsName: 'bs' }],
        });
      }),
  },
  notApplicable: { 'a cluster with nothing published': () => synthDoc((stack) => void bareCluster(stack)) },
});
