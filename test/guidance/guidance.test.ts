import { catalogue } from '../../lib/checklist/catalogue';
import { guidanceFacets } from '../../lib/guidance/checklist';
import { BUILTINS } from '../../lib/policy/builtins';
import { policyFacets } from '../../lib/policy/checklist';

describe('guidance items', () => {
  test('each guidance facet says why Terraform cannot reach the item and what to do, with no rule', () => {
    for (const f of guidanceFacets) {
      expect({ id: f.id, delivery: f.delivery, rule: f.rule }).toEqual({ id: f.id, delivery: 'guidance', rule: undefined });
      expect(f.guidance?.reason.length).toBeGreaterThan(40);
      expect(f.guidance?.action.length).toBeGreaterThan(40);
    }
  });

  test('ids are known and unique', () => {
    const ids = guidanceFacets.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(catalogue().has(id)).toBe(true));
  });

  test('no item is both guidance and delivered by a built-in policy here', () => {
    const policyIds = new Set(policyFacets.map((f) => f.id));
    expect(guidanceFacets.filter((f) => policyIds.has(f.id)).map((f) => f.id)).toEqual([]);
  });

  test('items a built-in policy covers are not guidance in the catalogue', () => {
    // issue 2 §2: probes, preStop hooks, naked pods, requests/limits, privileged containers, the default
    // namespace, internal load balancers and topology spread have built-ins, so they must not be guidance.
    const reachable = [
      'development/liveness-probe',
      'development/readiness-probe',
      'development/prestop-hook',
      'development/no-naked-pods',
      'development/requests-and-limits',
      'development/security-context',
      'development/image-pull-policy',
      'operations/no-default-namespace',
      'network/internal-load-balancer',
      'disaster-recovery/pod-anti-affinity',
      'windows/no-privileged-containers',
      'windows/memory-usage',
      'container/allowed-registries-only',
    ] as const;
    for (const id of reachable) {
      expect({ id, delivery: catalogue().get(id)?.delivery }).not.toEqual({ id, delivery: 'guidance' });
    }
    expect(BUILTINS.windowsNoOvercommit.displayName).toMatch(/Windows containers should not overcommit/);
  });
});
