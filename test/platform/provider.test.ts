import { App, TerraformStack, Testing } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { PLATFORM_RESOURCE_PROVIDERS, platformProvider } from '../../lib/platform/provider';

function providerBlock(mode?: 'production' | 'rehearsal'): Record<string, unknown> {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'p');
  platformProvider(stack, { subscriptionId: '00000000-0000-0000-0000-000000000002', tenantId: '00000000-0000-0000-0000-000000000001', mode });
  invokeAspects(stack);
  const json = stack.toTerraform() as { provider: { azurerm: Record<string, unknown>[] } };
  return json.provider.azurerm[0];
}

describe('platformProvider', () => {
  test('rejects subscription and tenant ids that are not GUIDs', () => {
    const stack = new TerraformStack(Testing.app(), 'p');
    expect(() => platformProvider(stack, { subscriptionId: 'contoso-prod', tenantId: '00000000-0000-0000-0000-000000000001' })).toThrow(/platformProvider 'p': prop 'subscriptionId' = 'contoso-prod' is not a GUID/);
    expect(() => platformProvider(stack, { subscriptionId: '00000000-0000-0000-0000-000000000002', tenantId: 'contoso.onmicrosoft.com' })).toThrow(/prop 'tenantId' = 'contoso\.onmicrosoft\.com' is not a GUID/);
  });

  test('registers the resource providers a fresh subscription lacks, with Entra ID for storage', () => {
    const p = providerBlock();
    expect(p.resource_providers_to_register).toEqual(PLATFORM_RESOURCE_PROVIDERS);
    expect(PLATFORM_RESOURCE_PROVIDERS).toContain('Microsoft.KubernetesConfiguration');
    expect(p.storage_use_azuread).toBe(true);
  });

  test('does not poll the data plane of storage accounts that deny public access', () => {
    expect(providerBlock()).toMatchObject({ features: [{ storage: [{ data_plane_available: false }] }] });
  });

  test('production keeps soft-deleted keys; rehearsal purges what purge protection allows', () => {
    expect(providerBlock('production')).toMatchObject({ features: [{ key_vault: [{ purge_soft_delete_on_destroy: false, recover_soft_deleted_key_vaults: true }] }] });
    expect(providerBlock('rehearsal')).toMatchObject({ features: [{ key_vault: [{ purge_soft_delete_on_destroy: true, recover_soft_deleted_key_vaults: true }] }] });
  });
});
