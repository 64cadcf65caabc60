/**
 * Each in-cluster item: a raw cluster with a ClusterBaseline of two tenants (defaults) is
 * compliant; the same stack with the setting loosened (through a prop, or by editing the rendered
 * manifests) is non-compliant; a stack with no cluster and no manifests is not applicable.
 */
import { ClusterBaseline } from '../../lib/in-cluster';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { buildStackReport } from '../../lib/report/build';
import { describeItem } from '../support/items';
import { synthDoc } from '../support/synth';
import { baselineDoc, CLUSTER, docWithManifests, editManifests, GROUP_A, rawCluster, REASON, twoTenants, windowsPool, without } from './fixtures';

let cached: TerraformDocument | undefined;
/** The compliant stack (synthesized once). */
const secure = (): TerraformDocument => (cached ??= baselineDoc());

const compliant = { 'raw cluster + ClusterBaseline with two tenants (defaults)': secure };
const noBaseline = { 'a cluster without a tenant baseline': () => synthDoc((s) => void rawCluster(s)) };
const empty = { 'no cluster and no manifests': () => synthDoc(() => undefined) };
/** Manifests fed without their cluster annotation still judge (manifests from another tool). */
const unannotated = (): TerraformDocument =>
  editManifests(secure(), (o) => {
    delete o.metadata.annotations;
    return o;
  });

describeItem('cluster-setup/logical-isolation', {
  compliant: { ...compliant, 'manifests without the cluster annotation': unannotated },
  nonCompliant: {
    ...noBaseline,
    'tenants without RoleBindings': () => without(secure(), 'RoleBinding'),
    'owners also bound cluster-wide': () => {
      const doc = secure();
      const binding = doc.manifests.find((o) => o.kind === 'RoleBinding' && o.metadata.namespace === 'team-a')!;
      const clusterWide = { ...binding, kind: 'ClusterRoleBinding', metadata: { name: 'team-a-cluster-admin', labels: binding.metadata.labels } };
      return new TerraformDocument(doc.json, doc.name, [...doc.manifests, clusterWide]);
    },
    'a baseline rendered for another cluster': () =>
      docWithManifests((s) => {
        rawCluster(s);
        new ClusterBaseline(s, 'baseline', { clusterName: 'aks-other', tenants: twoTenants() });
      }),
  },
  notApplicable: empty,
});

describeItem('development/namespace-isolation', {
  compliant,
  nonCompliant: {
    ...noBaseline,
    'no default-deny NetworkPolicy': () => without(secure(), 'NetworkPolicy', 'default-deny'),
    'no RoleBinding': () => without(secure(), 'RoleBinding'),
  },
  notApplicable: empty,
});

describeItem('resource-management/resource-quotas', {
  compliant,
  nonCompliant: {
    ...noBaseline,
    'no ResourceQuota': () => without(secure(), 'ResourceQuota'),
    'a quota without limits.memory': () =>
      editManifests(secure(), (o) => {
        if (o.kind === 'ResourceQuota') delete o.spec.hard['limits.memory'];
        return o;
      }),
  },
  notApplicable: empty,
});

describeItem('resource-management/limit-ranges', {
  compliant,
  nonCompliant: {
    ...noBaseline,
    'no LimitRange': () => without(secure(), 'LimitRange'),
    'a LimitRange without max': () =>
      editManifests(secure(), (o) => {
        if (o.kind === 'LimitRange') delete o.spec.limits[0].max;
        return o;
      }),
  },
  notApplicable: empty,
});

describeItem('resource-management/memory-requests-and-limits', {
  compliant,
  nonCompliant: {
    'no LimitRange': () => without(secure(), 'LimitRange'),
    'no default memory limit': () =>
      editManifests(secure(), (o) => {
        if (o.kind === 'LimitRange') delete o.spec.limits[0].default.memory;
        return o;
      }),
    'default memory request above the default limit': () =>
      editManifests(secure(), (o) => {
        if (o.kind === 'LimitRange') o.spec.limits[0].defaultRequest.memory = '1Gi';
        return o;
      }),
  },
  // Shared with the policy concern: without manifests the in-cluster facet does not judge.
  notApplicable: { ...empty, ...noBaseline },
});

describeItem('network/default-deny-network-policies', {
  compliant,
  nonCompliant: {
    ...noBaseline,
    'no default-deny policy': () => without(secure(), 'NetworkPolicy', 'default-deny'),
    'default-deny for ingress only': () =>
      editManifests(secure(), (o) => {
        if (o.metadata.name === 'default-deny') o.spec.policyTypes = ['Ingress'];
        return o;
      }),
    'default-deny selecting only some pods': () =>
      editManifests(secure(), (o) => {
        if (o.metadata.name === 'default-deny') o.spec.podSelector = { matchLabels: { app: 'web' } };
        return o;
      }),
    'Internet egress with a reason (reported as waived)': () =>
      baselineDoc({ tenants: twoTenants({ egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'], reason: REASON }] }) }),
    'an allow-all egress rule written by hand': () =>
      editManifests(secure(), (o) => {
        if (o.metadata.name === 'allow-dns') o.spec.egress.push({});
        return o;
      }),
  },
  notApplicable: empty,
});

describeItem('network/block-imds-access', {
  compliant: { ...compliant, 'Internet egress (IMDS excepted)': () => baselineDoc({ tenants: twoTenants({ egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'], reason: REASON }] }) }) },
  nonCompliant: {
    ...noBaseline,
    'imdsAccess for labelled pods (reported as waived)': () => baselineDoc({ tenants: twoTenants({ imdsAccess: { podLabels: { app: 'legacy-agent' }, reason: REASON } }) }),
    'an Internet allowance without the IMDS exception': () =>
      editManifests(baselineDoc({ tenants: twoTenants({ egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'], ports: [{ port: 80 }], reason: REASON }] }) }), (o) => {
        if (o.metadata.name === 'allow-egress-internet') delete o.spec.egress[0].to[0].ipBlock.except;
        return o;
      }),
    'no default-deny egress': () => without(secure(), 'NetworkPolicy', 'default-deny'),
  },
  notApplicable: empty,
});

describeItem('operations/resource-labels', {
  compliant,
  nonCompliant: {
    'an object without data-classification': () =>
      editManifests(secure(), (o) => {
        if (o.kind === 'LimitRange') {
          o.metadata.labels = { ...o.metadata.labels };
          delete o.metadata.labels['data-classification'];
        }
        return o;
      }),
  },
  notApplicable: empty,
});

describeItem('operations/no-default-namespace', {
  compliant,
  nonCompliant: {
    'an object in default': () => editManifests(secure(), (o) => (o.kind === 'ResourceQuota' ? { ...o, metadata: { ...o.metadata, namespace: 'default' } } : o)),
    'a namespaced object without a namespace': () =>
      editManifests(secure(), (o) => {
        if (o.kind === 'LimitRange') delete o.metadata.namespace;
        return o;
      }),
  },
  notApplicable: { ...empty, ...noBaseline },
});

describeItem('windows/container-traffic', {
  compliant: {
    'Windows pool on a Calico cluster with a baseline': () =>
      docWithManifests((s) => {
        windowsPool(s, rawCluster(s, 'calico'));
        new ClusterBaseline(s, 'baseline', { clusterName: CLUSTER, tenants: twoTenants() });
      }),
  },
  nonCompliant: {
    'Windows pool on a Cilium cluster': () => baselineDoc({}, (s, cluster) => void windowsPool(s, cluster)),
    'Windows pool on a Calico cluster without a baseline': () => synthDoc((s) => void windowsPool(s, rawCluster(s, 'calico'))),
  },
  notApplicable: { 'Linux pools only': secure, ...empty },
});

describe('in-cluster waivers in the report', () => {
  const status = (doc: TerraformDocument, id: string): string | undefined => buildStackReport(doc).items.find((i) => i.id === id)?.status;

  test('Internet egress with a reason is waived, with the reason', () => {
    const doc = baselineDoc({ tenants: twoTenants({ egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'], reason: REASON }] }) });
    const item = buildStackReport(doc).items.find((i) => i.id === 'network/default-deny-network-policies')!;
    expect(item.status).toBe('waived');
    expect(item.message).toContain(REASON);
  });

  test('IMDS access for labelled pods is waived', () => {
    expect(status(baselineDoc({ tenants: twoTenants({ imdsAccess: { podLabels: { app: 'agent' }, reason: REASON } }) }), 'network/block-imds-access')).toBe('waived');
  });

  test('the defaults are compliant in the report', () => {
    const ids = ['cluster-setup/logical-isolation', 'development/namespace-isolation', 'resource-management/resource-quotas', 'resource-management/limit-ranges', 'network/default-deny-network-policies', 'network/block-imds-access', 'operations/no-default-namespace'];
    expect(ids.map((id) => [id, status(secure(), id)])).toEqual(ids.map((id) => [id, 'compliant']));
  });

  test('evidence names the manifest object and the owner group', () => {
    const item = buildStackReport(secure()).items.find((i) => i.id === 'cluster-setup/logical-isolation')!;
    expect(item.evidence.map((e) => e.address)).toContain('k8s:Namespace/team-a');
    expect(item.message).toContain(GROUP_A);
  });
});
