import { Naming, regionCode } from '../../lib/platform/naming';

describe('Naming', () => {
  const n = new Naming({ prefix: 'contoso', environment: 'prod', location: 'westeurope' });

  test('is deterministic per environment and differs between environments', () => {
    const again = new Naming({ prefix: 'contoso', environment: 'prod', location: 'westeurope' });
    const other = new Naming({ prefix: 'contoso', environment: 'rehears1', location: 'westeurope' });
    expect(again.registry()).toBe(n.registry());
    expect(again.keyVault()).toBe(n.keyVault());
    expect(other.registry()).not.toBe(n.registry());
    expect(other.keyVault()).not.toBe(n.keyVault());
  });

  test('respects each type\'s rules', () => {
    expect(n.cluster()).toBe('aks-contoso-prod-weu-main');
    expect(n.resourceGroup('spoke')).toMatch(/^[-\w.()]{1,90}$/);
    expect(n.registry()).toMatch(/^[a-zA-Z0-9]{5,50}$/);
    expect(n.keyVault()).toMatch(/^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/);
    expect(n.storageAccount('backup')).toMatch(/^[a-z0-9]{3,24}$/);
    const long = new Naming({ prefix: 'contosox', environment: 'rehears1', location: 'germanywestcentral' });
    expect(long.keyVault('ops').length).toBeLessThanOrEqual(24);
    expect(long.storageAccount('backupdata').length).toBeLessThanOrEqual(24);
    expect(n.nodePool('user-zone1')).toBe('userzone1');
  });

  test('region codes', () => {
    expect(regionCode('northeurope')).toBe('neu');
    expect(regionCode('polandcentral')).toBe('plndcn');
  });

  test.each([
    ['prefix', { prefix: 'Contoso', environment: 'prod', location: 'westeurope' }],
    ['environment', { prefix: 'contoso', environment: 'production', location: 'westeurope' }],
    ['location', { prefix: 'contoso', environment: 'prod', location: 'West Europe' }],
    ['uniqueSuffix', { prefix: 'contoso', environment: 'prod', location: 'westeurope', uniqueSuffix: 'X' }],
  ])('rejects a bad %s', (prop, props) => {
    expect(() => new Naming(props)).toThrow(new RegExp(`Naming(?: '[^']+')?: prop '${prop}'`));
  });

  test('rejects a bad purpose', () => {
    expect(() => n.resourceGroup('Spoke Net')).toThrow(/Naming(?: '[^']+')?: prop 'purpose' = 'Spoke Net'/);
  });
});
