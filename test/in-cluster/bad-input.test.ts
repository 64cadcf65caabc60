/**
 * Bad input: each case throws at construction with a message naming the construct, the prop, the
 * bad value and the fix. One test per case.
 */
import { TerraformVariable } from 'cdktf';
import { ClusterBaseline, TenantNamespaceProps } from '../../lib/in-cluster';
import { testStack } from '../support/synth';
import { CLUSTER, GROUP_A, REASON, tenant } from './fixtures';

/** Builds a baseline with one tenant `team-a` with `overrides`. */
function withTenant(overrides: Partial<TenantNamespaceProps>): () => ClusterBaseline {
  return () => new ClusterBaseline(testStack(), 'baseline', { clusterName: CLUSTER, tenants: [tenant('team-a', overrides)] });
}

describe('TenantNamespace bad input', () => {
  test.each([
    [{ name: 'api', fqdns: ['*'] }, /prop 'tenants\[0\]\.egressFqdns\[0\]\.fqdns\[0\]' = '\*' is not a host name or a \*\.domain pattern/],
    [{ name: 'api', fqdns: ['https://api.stripe.com/'] }, /prop 'tenants\[0\]\.egressFqdns\[0\]\.fqdns\[0\]' = 'https:\/\/api.stripe.com\/' is not a host name/],
    [{ name: 'api', fqdns: [] }, /prop 'tenants\[0\]\.egressFqdns\[0\]\.fqdns' = \[\] is empty/],
    [{ name: 'Api', fqdns: ['api.stripe.com'] }, /prop 'tenants\[0\]\.egressFqdns\[0\]\.name' = 'Api' is not a valid Kubernetes allowance name/],
    [{ name: 'api', fqdns: ['api.stripe.com'], ports: [70000] }, /prop 'tenants\[0\]\.egressFqdns\[0\]\.ports\[0\]' = 70000 is not a TCP port/],
  ])('FQDN allowance %p', (allowance, message) => {
    expect(withTenant({ egressFqdns: [allowance as never] })).toThrow(message);
  });

  test('two FQDN allowances with one name', () => {
    expect(withTenant({ egressFqdns: [{ name: 'api', fqdns: ['a.example.com'] }, { name: 'api', fqdns: ['b.example.com'] }] })).toThrow(/prop 'tenants\[0\]\.egressFqdns\[1\]\.name' = 'api' is used by another allowance of the tenant/);
  });

  test.each([['Team-A'], ['team_a'], ['-team'], ['a'.repeat(64)], ['']])('namespace name %p is not a DNS-1123 label', (name) => {
    expect(withTenant({ name })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.name' = .* is not a valid Kubernetes namespace name \(a DNS-1123 label\)\. Fix: use 1-63 lowercase/);
  });

  test('namespace default is reserved', () => {
    expect(withTenant({ name: 'default' })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.name' = 'default' is a reserved namespace.*Fix: give the tenant its own namespace/);
  });

  test.each(['flux-system', 'gatekeeper-system', 'app-routing-system', 'dataprotection-microsoft', 'calico-system', 'tigera-operator'])('the add-on namespace %s is not a tenant namespace', (name) => {
    expect(withTenant({ name })).toThrow(new RegExp(`ClusterBaseline 'baseline': prop 'tenants\\[0\\]\\.name' = '${name}' is the namespace of an AKS add-on or cluster extension, which creates and owns it\\. Fix: give the tenant its own namespace`));
  });

  test('a namespace next to an add-on name is accepted', () => {
    expect(withTenant({ name: 'flux-team' })).not.toThrow();
  });

  test('a kube-* namespace is reserved', () => {
    expect(withTenant({ name: 'kube-system' })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.name' = 'kube-system' is a reserved namespace/);
  });

  test('a tenant without owners', () => {
    expect(withTenant({ owners: [] })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.owners' = \[\] is empty for tenant 'team-a'.*Fix: give the object id of at least one Entra group/);
  });

  test('an owner that is not a group object id', () => {
    expect(withTenant({ owners: ['team-a-admins'] })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.owners\[0\]' = 'team-a-admins' is not a GUID\. Fix: give the Entra group's object id/);
  });

  test('an owner given as a Terraform reference', () => {
    const stack = testStack();
    const group = new TerraformVariable(stack, 'group', { type: 'string' });
    expect(() => new ClusterBaseline(stack, 'baseline', { clusterName: CLUSTER, tenants: [tenant('team-a', { owners: [group.stringValue] })] })).toThrow(
      /ClusterBaseline 'baseline': prop 'tenants\[0\]\.owners\[0\]' = .* is a Terraform reference \(a token\), which cannot be written into a manifest file.*Fix: pass the literal value/,
    );
  });

  test('a quota below the LimitRange default request', () => {
    expect(withTenant({ quota: { requestsMemory: '64Mi' } })).toThrow(
      /ClusterBaseline 'baseline': prop 'tenants\[0\]\.quota\.requestsMemory' = '64Mi' is below the LimitRange default limits\.defaultRequestMemory = '128Mi'.*Fix: raise quota\.requestsMemory or lower limits\.defaultRequestMemory/,
    );
  });

  test('a CPU limit quota below the LimitRange default limit', () => {
    expect(withTenant({ quota: { limitsCpu: '250m' } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.quota\.limitsCpu' = '250m' is below the LimitRange default limits\.defaultCpu = '500m'/);
  });

  test('a LimitRange default above its max', () => {
    expect(withTenant({ limits: { defaultMemory: '8Gi' } })).toThrow(
      /ClusterBaseline 'baseline': prop 'tenants\[0\]\.limits\.defaultMemory' = '8Gi' is above limits\.maxMemory = '4Gi'.*Kubernetes rejects the LimitRange.*Fix: lower limits\.defaultMemory or raise limits\.maxMemory/,
    );
  });

  test('a default request above the default limit', () => {
    expect(withTenant({ limits: { defaultRequestCpu: '1' } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.limits\.defaultRequestCpu' = '1' is above limits\.defaultCpu = '500m'/);
  });

  test('a malformed quantity', () => {
    expect(withTenant({ limits: { maxCpu: 'two' } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.limits\.maxCpu' = 'two' is not a Kubernetes quantity/);
  });

  test('egress to 0.0.0.0/0 without a reason', () => {
    expect(withTenant({ egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'] }] })).toThrow(
      /ClusterBaseline 'baseline': prop 'tenants\[0\]\.egress\[0\]\.reason' = undefined is missing or too short: loosening a secure default \(egress to 0\.0\.0\.0\/0 \(most of the Internet\)\) needs a reason.*Fix: give a reason of at least 10 characters/,
    );
  });

  test('egress to 0.0.0.0/0 with a reason too short to judge', () => {
    expect(withTenant({ egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'], reason: 'needed' }] })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.egress\[0\]\.reason' = 'needed' is not a reason a reviewer can judge \(too short\)/);
  });

  test('egress to a malformed CIDR', () => {
    expect(withTenant({ egress: [{ name: 'db', cidrs: ['10.0.0.1/16'] }] })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.egress\[0\]\.cidrs\[0\]' = '10\.0\.0\.1\/16' has host bits set\. Fix: use the block's network address, e\.g\. 10\.0\.0\.0\/16/);
  });

  test('egress straight to IMDS', () => {
    expect(withTenant({ egress: [{ name: 'imds', cidrs: ['169.254.169.254/32'], reason: REASON }] })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.egress\[0\]\.cidrs\[0\]' = '169\.254\.169\.254\/32' is the instance metadata endpoint.*Fix: use imdsAccess/);
  });

  test('IMDS access for every pod of the namespace', () => {
    expect(withTenant({ imdsAccess: { podLabels: {}, reason: REASON } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.imdsAccess\.podLabels' = \{\} is empty/);
  });

  test('IMDS access without a reason', () => {
    expect(withTenant({ imdsAccess: { podLabels: { app: 'agent' }, reason: '' } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.imdsAccess\.reason' = '' is missing or too short: loosening a secure default \(access to the instance metadata endpoint\)/);
  });

  test('a missing data-classification label', () => {
    expect(withTenant({ labels: { owner: 'team-a', costCenter: 'cc-1', dataClassification: ' ' } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.labels\.dataClassification' = ' ' is required/);
  });

  test('an invalid label value', () => {
    expect(withTenant({ labels: { owner: 'Team A', costCenter: 'cc-1', dataClassification: 'internal' } })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.labels\.owner' = 'Team A' is not a valid Kubernetes label value/);
  });

  test('an invalid egress port', () => {
    expect(withTenant({ egress: [{ name: 'db', cidrs: ['10.0.0.0/24'], ports: [{ port: 70000 }] }] })).toThrow(/ClusterBaseline 'baseline': prop 'tenants\[0\]\.egress\[0\]\.ports\[0\]\.port' = 70000 is outside 1-65535\. Fix: give a whole number from 1 to 65535/);
  });
});

describe('ClusterBaseline bad input', () => {
  test('two tenants with the same namespace', () => {
    expect(() => new ClusterBaseline(testStack(), 'baseline', { clusterName: CLUSTER, tenants: [tenant('team-a'), tenant('team-a', { owners: [GROUP_A] })] })).toThrow(
      /ClusterBaseline 'baseline': prop 'tenants\[1\]\.name' = 'team-a' is already a tenant namespace of cluster 'aks-prod-weu'/,
    );
  });

  test('an invalid cluster name', () => {
    expect(() => new ClusterBaseline(testStack(), 'baseline', { clusterName: 'aks/prod' })).toThrow(/ClusterBaseline(?: '[^']+')?: prop 'clusterName' = 'aks\/prod' is not a valid AKS cluster name/);
  });

  test('a cluster name that is a Terraform reference', () => {
    const stack = testStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' });
    expect(() => new ClusterBaseline(stack, 'baseline', { clusterName: name.stringValue })).toThrow(/ClusterBaseline 'baseline': prop 'clusterName' = .* is a Terraform reference \(a token\), which cannot be written into a manifest file/);
  });

  test('a tenant added to a baseline names TenantNamespace at the baseline, and leaves no tenant behind', () => {
    const baseline = new ClusterBaseline(testStack(), 'baseline', { clusterName: CLUSTER });
    expect(() => baseline.addTenant(tenant('team-a', { owners: ['team-a-admins'] }))).toThrow(/^TenantNamespace 'baseline': prop 'owners\[0\]' = 'team-a-admins' is not a GUID/);
    expect(() => baseline.addTenant(tenant('team-a'))).not.toThrow();
  });

  test('two baselines for the same cluster in one app', () => {
    const stack = testStack();
    new ClusterBaseline(stack, 'one', { clusterName: CLUSTER });
    expect(() => new ClusterBaseline(stack, 'two', { clusterName: CLUSTER })).toThrow(/ClusterBaseline(?: '[^']+')?: prop 'clusterName' = 'aks-prod-weu' already has a baseline at 'test\/one'/);
  });

  test('a repository path that leaves the repository', () => {
    expect(() => new ClusterBaseline(testStack(), 'baseline', { clusterName: CLUSTER, repositoryPath: '../other' })).toThrow(/ClusterBaseline(?: '[^']+')?: prop 'repositoryPath' = '\.\.\/other' is empty, absolute or leaves the repository/);
  });
});
