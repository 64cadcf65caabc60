/**
 * ClusterBaseline and TenantNamespace: what they render (asserted on the emitted objects and
 * YAML), where the files land at synth, what the stack records, and the Flux wiring.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Checklist } from '../../lib/checklist/checklist';
import type { KubernetesObject } from '../../lib/core/terraform-document';
import { GitOps } from '../../lib/disaster-recovery/gitops';
import { ClusterBaseline, fluxKustomizationFor, IMDS_CIDR, manifestsOf, WINDOWS_ANNOTATION } from '../../lib/in-cluster';
import { loadManifests, parseManifests } from '../../lib/in-cluster/load';
import { testStack } from '../support/synth';
import { CLUSTER, GROUP_A, READERS, REASON, rawCluster, tenant, twoTenants } from './fixtures';

function build(props: Partial<ConstructorParameters<typeof ClusterBaseline>[2]> = {}, stack: TerraformStack = testStack()): ClusterBaseline {
  return new ClusterBaseline(stack, 'baseline', { clusterName: CLUSTER, tenants: twoTenants(), ...props });
}

const find = (objects: KubernetesObject[], kind: string, namespace: string | undefined, name: string): any =>
  objects.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);

describe('TenantNamespace objects', () => {
  const objects = build().objects();

  test('renders, per tenant, the namespace, quota, limits, bindings and policies in file order', () => {
    expect(objects.filter((o) => o.metadata.name === 'team-a' || o.metadata.namespace === 'team-a').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/team-a',
      'ResourceQuota/tenant-quota',
      'LimitRange/tenant-limits',
      'RoleBinding/owners',
      'NetworkPolicy/allow-dns',
      'NetworkPolicy/allow-same-namespace',
      'NetworkPolicy/default-deny',
    ]);
    expect(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual(['team-a', 'team-b']);
  });

  test('default-deny selects every pod and denies both directions', () => {
    const deny = find(objects, 'NetworkPolicy', 'team-a', 'default-deny');
    expect(deny.apiVersion).toBe('networking.k8s.io/v1');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('DNS is allowed to kube-dns in kube-system on UDP and TCP 53 only', () => {
    expect(find(objects, 'NetworkPolicy', 'team-a', 'allow-dns').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    });
  });

  test('owners and readers are Entra groups bound in the namespace only', () => {
    const owners = find(objects, 'RoleBinding', 'team-a', 'owners');
    expect(owners.apiVersion).toBe('rbac.authorization.k8s.io/v1');
    expect(owners.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' });
    expect(owners.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: GROUP_A }]);
    expect(find(objects, 'RoleBinding', 'team-b', 'readers').roleRef.name).toBe('view');
    expect(find(objects, 'RoleBinding', 'team-b', 'readers').subjects[0].name).toBe(READERS);
    expect(objects.some((o) => o.kind === 'ClusterRoleBinding')).toBe(false);
  });

  test('quota and LimitRange carry the documented defaults', () => {
    expect(find(objects, 'ResourceQuota', 'team-a', 'tenant-quota').spec.hard).toEqual({
      'limits.cpu': '8',
      'limits.memory': '16Gi',
      persistentvolumeclaims: '10',
      pods: '50',
      'requests.cpu': '4',
      'requests.memory': '8Gi',
      'requests.storage': '100Gi',
      'services.loadbalancers': '0',
      'services.nodeports': '0',
    });
    expect(find(objects, 'LimitRange', 'team-a', 'tenant-limits').spec.limits).toEqual([
      { type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' }, max: { cpu: '2', memory: '4Gi' } },
    ]);
  });

  test('every object carries the recommended labels and the cluster annotation', () => {
    for (const o of objects) {
      expect(o.metadata.labels).toMatchObject({
        'app.kubernetes.io/part-of': 'aks-platform',
        'app.kubernetes.io/managed-by': 'aks-checklist-cdktf',
        owner: expect.any(String),
        'cost-center': 'cc-1001',
        'data-classification': 'internal',
      });
      expect((o.metadata.annotations as Record<string, string>)['aks-checklist/cluster']).toBe(CLUSTER);
    }
  });

  test('every NetworkPolicy says that Windows nodes may not enforce it', () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(0);
    policies.forEach((p) => expect((p.metadata.annotations as Record<string, string>)[WINDOWS_ANNOTATION]).toMatch(/Windows.*Cilium.*Calico/));
  });

  test('nothing lands in default or kube-*', () => {
    expect(objects.filter((o) => o.kind !== 'Namespace').every((o) => o.metadata.namespace === 'team-a' || o.metadata.namespace === 'team-b')).toBe(true);
  });

  test('Internet egress excepts IMDS, keeps its ports and records its reason', () => {
    const b = build({ tenants: [tenant('team-a', { egress: [{ name: 'internet', cidrs: ['0.0.0.0/0'], podLabels: { app: 'web' }, reason: REASON }] })] });
    const np = find(b.objects(), 'NetworkPolicy', 'team-a', 'allow-egress-internet');
    expect(np.spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [IMDS_CIDR] } }], ports: [{ port: 443, protocol: 'TCP' }] }],
    });
    expect(np.metadata.annotations['aks-checklist/reason']).toBe(REASON);
  });

  test('a private allowance needs no reason and gets no exception outside 169.254.0.0/16', () => {
    const b = build({ tenants: [tenant('team-a', { egress: [{ name: 'db', cidrs: ['10.20.0.0/24'], ports: [{ port: 5432 }] }] })] });
    expect(find(b.objects(), 'NetworkPolicy', 'team-a', 'allow-egress-db').spec.egress[0].to).toEqual([{ ipBlock: { cidr: '10.20.0.0/24' } }]);
  });

  test('imdsAccess opens 169.254.169.254:80 to the labelled pods only', () => {
    const b = build({ tenants: [tenant('team-a', { imdsAccess: { podLabels: { app: 'agent' }, reason: REASON } })] });
    expect(find(b.objects(), 'NetworkPolicy', 'team-a', 'allow-imds').spec).toEqual({
      podSelector: { matchLabels: { app: 'agent' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: IMDS_CIDR } }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
  });

  test('an FQDN allowance is a CiliumNetworkPolicy: DNS through the proxy to kube-dns, then the named hosts on their ports', () => {
    const b = build({ tenants: [tenant('team-a', { egressFqdns: [{ name: 'payments-api', fqdns: ['api.stripe.com', '*.blob.core.windows.net'], ports: [443, 8443], podLabels: { app: 'checkout' } }] })] });
    const cnp = find(b.objects(), 'CiliumNetworkPolicy', 'team-a', 'allow-fqdn-payments-api');
    expect(cnp.apiVersion).toBe('cilium.io/v2');
    expect(cnp.spec).toEqual({
      endpointSelector: { matchLabels: { app: 'checkout' } },
      egress: [
        {
          toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
          toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
        },
        {
          toFQDNs: [{ matchPattern: '*.blob.core.windows.net' }, { matchName: 'api.stripe.com' }],
          toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }, { port: '8443', protocol: 'TCP' }] }],
        },
      ],
    });
    expect(cnp.metadata.labels['app.kubernetes.io/part-of']).toBeDefined();
    // listed after the NetworkPolicies; no FQDN policy unless asked
    expect(b.objects().filter((o) => o.metadata.namespace === 'team-a').map((o) => o.kind).slice(-1)).toEqual(['CiliumNetworkPolicy']);
    expect(objects.filter((o) => o.kind === 'CiliumNetworkPolicy')).toEqual([]);
  });

  test('ingress from named namespaces, and no same-namespace policy when turned off', () => {
    const b = build({ tenants: [tenant('team-a', { ingressFromNamespaces: ['app-routing-system'], allowSameNamespace: false })] });
    const names = b.objects().filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata.name);
    expect(names).toEqual(['allow-dns', 'allow-ingress-from-namespaces', 'default-deny']);
    expect(find(b.objects(), 'NetworkPolicy', 'team-a', 'allow-ingress-from-namespaces').spec.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'app-routing-system' } } }] },
    ]);
  });
});

describe('ClusterBaseline files', () => {
  test('the rendered YAML is deterministic', () => {
    const first = build().files();
    const second = build().files();
    expect(Object.keys(first)).toEqual(['team-a.yaml', 'team-b.yaml', 'kustomization.yaml']);
    expect(second).toEqual(first);
  });

  test('tenant order does not change the files', () => {
    expect(build({ tenants: [...twoTenants()].reverse() }).files()).toEqual(build().files());
  });

  test('the kustomization lists the tenant files', () => {
    expect(build().files()['kustomization.yaml']).toMatch(/apiVersion: kustomize\.config\.k8s\.io\/v1beta1\nkind: Kustomization\nresources:\n  - team-a\.yaml\n  - team-b\.yaml\n$/);
  });

  test('each file opens with the Windows note and parses back to the objects', () => {
    const b = build();
    const text = b.files()['team-a.yaml'];
    expect(text).toMatch(/^# Rendered by aks-checklist-cdktf ClusterBaseline for cluster 'aks-prod-weu'\..*\n# Windows nodes: NetworkPolicy is not enforced on Windows nodes by every data plane/);
    expect(text).toContain('podSelector: {}');
    expect(parseManifests(text)).toEqual(b.objects().filter((o) => o.metadata.name === 'team-a' || o.metadata.namespace === 'team-a'));
  });

  test('app.synth() writes the files to <outdir>/manifests/<cluster>/ and records them in the stack', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-cluster-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'platform');
      Checklist.of(stack).enforce({ mode: 'off', reason: 'a raw cluster, only to carry the baseline under test' });
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      rawCluster(stack);
      const b = build({}, stack);
      app.synth();
      const dir = path.join(outdir, 'manifests', CLUSTER);
      expect(fs.readdirSync(dir).sort()).toEqual(['kustomization.yaml', 'team-a.yaml', 'team-b.yaml']);
      expect(fs.readFileSync(path.join(dir, 'team-b.yaml'), 'utf8')).toBe(b.files()['team-b.yaml']);
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'platform', 'cdk.tf.json'), 'utf8'));
      expect(json['//'].metadata.aksManifests).toEqual([
        { cluster: CLUSTER, path: `manifests/${CLUSTER}`, files: ['team-a.yaml', 'team-b.yaml', 'kustomization.yaml'], namespaces: ['team-a', 'team-b'], repositoryPath: `manifests/${CLUSTER}` },
      ]);
      expect(loadManifests(outdir, json)).toEqual(b.objects());
      expect(manifestsOf(stack)).toEqual(b.objects());
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a second synth removes the files of a deleted tenant', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-cluster-'));
    try {
      const dir = path.join(outdir, 'manifests', CLUSTER);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'team-old.yaml'), 'stale');
      const app = new App({ outdir });
      build({}, new TerraformStack(app, 'platform'));
      app.synth();
      expect(fs.readdirSync(dir).sort()).toEqual(['kustomization.yaml', 'team-a.yaml', 'team-b.yaml']);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('loading a stack whose files are missing says to synthesize again', () => {
    const json = { '//': { metadata: { aksManifests: [{ cluster: CLUSTER, path: `manifests/${CLUSTER}`, files: ['team-a.yaml'] }] } } };
    expect(() => loadManifests(os.tmpdir() + '/does-not-exist', json)).toThrow(/does not exist\. Fix: synthesize the app again/);
  });
});

describe('Flux wiring', () => {
  test('fluxKustomizationFor points at the repository path with prune', () => {
    expect(fluxKustomizationFor(build())).toEqual({ name: 'tenant-baseline', path: `./manifests/${CLUSTER}`, prune: true, dependsOn: undefined });
    expect(fluxKustomizationFor(build({ repositoryPath: 'clusters/prod/baseline' }), { name: 'baseline', dependsOn: ['infra'] })).toEqual({
      name: 'baseline',
      path: './clusters/prod/baseline',
      prune: true,
      dependsOn: ['infra'],
    });
  });

  test('a GitOps configuration accepts it', () => {
    const stack = testStack();
    const cluster = rawCluster(stack);
    const b = build({}, stack);
    const gitops = new GitOps(stack, 'gitops', {
      clusterId: cluster.id,
      configurations: [{ name: 'platform', repository: { url: 'https://github.com/contoso/aks-gitops' }, kustomizations: [fluxKustomizationFor(b)] }],
    });
    expect(gitops.configurations).toHaveLength(1);
  });
});
