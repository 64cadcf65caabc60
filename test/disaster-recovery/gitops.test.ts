import { KubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-extension';
import { FluxConfigurationProps, GitOps } from '../../lib/disaster-recovery/gitops';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { bareCluster } from './fixtures';

const platform = (extra: Partial<FluxConfigurationProps> = {}): FluxConfigurationProps => ({
  name: 'platform',
  repository: { url: 'https://github.com/contoso/aks-platform', reference: { type: 'branch', value: 'main' } },
  kustomizations: [
    { name: 'infra', path: './infrastructure' },
    { name: 'apps', path: './apps/prod', dependsOn: ['infra'] },
  ],
  ...extra,
});

const withGitOps = (config: FluxConfigurationProps = platform()) =>
  synthDoc((stack) => {
    const cluster = bareCluster(stack);
    new GitOps(stack, 'gitops', { clusterId: cluster.id, configurations: [config] });
  });

const build = (config: FluxConfigurationProps) => () => withGitOps(config);

describe('GitOps', () => {
  const doc = withGitOps();

  test('installs the Flux extension and a configuration that waits for it', () => {
    const ext = doc.resources('azurerm_kubernetes_cluster_extension')[0];
    expect(ext.values).toMatchObject({ extension_type: 'microsoft.flux', cluster_id: '${azurerm_kubernetes_cluster.aks.id}', release_train: 'stable' });
    const flux = doc.resources('azurerm_kubernetes_flux_configuration')[0].values;
    expect(flux).toMatchObject({ name: 'platform', namespace: 'flux-system', scope: 'cluster', cluster_id: '${azurerm_kubernetes_cluster.aks.id}', depends_on: [ext.address] });
  });

  test('emits the git source and kustomizations with prune, intervals and depends_on', () => {
    const flux = doc.resources('azurerm_kubernetes_flux_configuration')[0].values;
    expect(flux.git_repository).toEqual({
      url: 'https://github.com/contoso/aks-platform',
      reference_type: 'branch',
      reference_value: 'main',
      sync_interval_in_seconds: 300,
      timeout_in_seconds: 600,
    });
    expect(flux.kustomizations).toEqual([
      { name: 'infra', path: './infrastructure', garbage_collection_enabled: true, sync_interval_in_seconds: 600, retry_interval_in_seconds: 600, timeout_in_seconds: 600 },
      { name: 'apps', path: './apps/prod', garbage_collection_enabled: true, sync_interval_in_seconds: 600, retry_interval_in_seconds: 600, timeout_in_seconds: 600, depends_on: ['infra'] },
    ]);
    expect(JSON.stringify(flux)).not.toMatch(/https_key|ssh_private_key|https_user/);
  });

  test('exposes the source hosts for the egress firewall', () => {
    synthDoc((stack) => {
      const gitops = new GitOps(stack, 'gitops', { clusterId: bareCluster(stack).id, configurations: [platform()] });
      gitops.addConfiguration(platform({ name: 'team-a', repository: { url: 'ssh://git@ssh.dev.azure.com/v3/contoso/a/a', localAuthReference: 'team-a-git' } }));
      gitops.addConfiguration(platform({ name: 'team-b', repository: { url: 'git@gitlab.example.com:team/b.git', localAuthReference: 'team-b-git' } }));
      expect(gitops.sourceHosts).toEqual(['github.com', 'gitlab.example.com', 'ssh.dev.azure.com']);
      expect(GitOps.egressFeature).toBe('gitops');
    });
  });

  test('a private repository uses a Kubernetes secret reference, never a credential', () => {
    const flux = withGitOps(platform({ repository: { url: 'https://dev.azure.com/contoso/_git/platform', localAuthReference: 'platform-git' } })).resources('azurerm_kubernetes_flux_configuration')[0].values;
    expect(flux.git_repository).toMatchObject({ local_auth_reference: 'platform-git' });
  });

  describe('bad input', () => {
    test('credentials embedded in the URL, without echoing the token', () => {
      const run = build(platform({ repository: { url: 'https://deploy:ghp_SeCrEt123@github.com/contoso/aks-platform' } }));
      expect(run).toThrow(/GitOps '[^']+': prop 'configurations\[platform\].repository.url'.*embeds credentials/);
      expect(run).not.toThrow(/ghp_SeCrEt123/);
    });
    test('a token in the query string', () => expect(build(platform({ repository: { url: 'https://example.com/repo.git?private_token=abc' } }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].repository.url'.*query string/));
    test('plain HTTP', () => expect(build(platform({ repository: { url: 'http://github.com/contoso/aks-platform' } }))).toThrow(/GitOps '[^']+': prop 'configurations\[platform\].repository.url'.*plain HTTP/));
    test('SSH without a secret reference', () =>
      expect(build(platform({ repository: { url: 'git@github.com:contoso/aks-platform.git' } }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].repository.localAuthReference'/));
    test('not a URL', () => expect(build(platform({ repository: { url: 'github.com/contoso' } }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].repository.url' = 'github.com\/contoso'/));
    test('an invalid configuration name', () => expect(build(platform({ name: 'Platform_Config' }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[Platform_Config\].name'/));
    test('a kustomization name over 30 characters', () =>
      expect(build(platform({ kustomizations: [{ name: 'a-very-long-kustomization-name-x' }] }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].kustomizations\[a-very-long-kustomization-name-x\].name'/));
    test('no kustomization', () => expect(build(platform({ kustomizations: [] }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].kustomizations' = \[\] is empty/));
    test('duplicate kustomization names', () => expect(build(platform({ kustomizations: [{ name: 'apps' }, { name: 'apps' }] }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].kustomizations.name' = 'apps' is given twice\. Fix: give each entry once/));
    test('a dependency on an unknown kustomization', () =>
      expect(build(platform({ kustomizations: [{ name: 'apps', dependsOn: ['infra'] }] }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].kustomizations\[apps\].dependsOn' = 'infra'/));
    test('a sync interval of 0', () => expect(build(platform({ repository: { url: 'https://github.com/c/r', syncIntervalSeconds: 0 } }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].repository.syncIntervalSeconds' = 0/));
    test('a path leaving the repository', () => expect(build(platform({ kustomizations: [{ name: 'apps', path: '../other' }] }))).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].kustomizations\[apps\].path'/));
    test('the same configuration twice', () =>
      expect(() =>
        synthDoc((stack) => {
          new GitOps(stack, 'gitops', { clusterId: bareCluster(stack).id, configurations: [platform(), platform()] });
        }),
      ).toThrow(/GitOps(?: '[^']+')?: prop 'configurations\[platform\].name' = 'platform' is already a configuration/));
  });
});

const bare = () => synthDoc((stack) => void bareCluster(stack));

describeItem('operations/gitops', {
  compliant: { 'GitOps with a configuration': () => withGitOps() },
  nonCompliant: {
    'a cluster without Flux': bare,
    'Flux extension without a configuration': () => mutate(withGitOps(), (j) => delete j.resource.azurerm_kubernetes_flux_configuration),
  },
});

describeItem('cluster-setup/cluster-extensions', {
  compliant: {
    'GitOps installs the Flux extension': () => withGitOps(),
    'any extension as a resource': () =>
      synthDoc((stack) => {
        const cluster = bareCluster(stack);
        new KubernetesClusterExtension(stack, 'dapr', { name: 'dapr', clusterId: cluster.id, extensionType: 'Microsoft.Dapr' });
      }),
  },
  nonCompliant: { 'a cluster without extensions': bare },
});
