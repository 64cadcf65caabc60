import { useRemoteState } from '../../lib/platform/remote-state';
import { docOf, testStack } from '../support/synth';

describe('useRemoteState', () => {
  test('configures the azurerm backend with Entra ID auth and one key per stack, no secret', () => {
    const stack = testStack('platform-prod-weu');
    useRemoteState(stack, { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate01' });
    const backend = docOf(stack).json.terraform?.backend as Record<string, Record<string, unknown>>;
    expect(backend.azurerm).toEqual({
      resource_group_name: 'rg-tfstate',
      storage_account_name: 'sttfstate01',
      container_name: 'tfstate',
      key: 'platform-prod-weu.tfstate',
      use_azuread_auth: true,
    });
  });

  test('rejects a storage account name Azure would refuse', () => {
    expect(() => useRemoteState(testStack(), { resourceGroupName: 'rg', storageAccountName: 'St-State' })).toThrow(/useRemoteState 'test': prop 'storageAccountName' = 'St-State'/);
  });

  test('rejects a subscription id that is not a GUID', () => {
    expect(() => useRemoteState(testStack(), { resourceGroupName: 'rg', storageAccountName: 'sttfstate01', subscriptionId: 'platform-prod' })).toThrow(/useRemoteState 'test': prop 'subscriptionId' = 'platform-prod' is not a GUID/);
  });

  test('rejects a key that is not a state file', () => {
    expect(() => useRemoteState(testStack(), { resourceGroupName: 'rg', storageAccountName: 'sttfstate01', key: 'state' })).toThrow(/useRemoteState 'test': prop 'key' = 'state'/);
  });
});
