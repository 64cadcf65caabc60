/**
 * Items out of Terraform's reach: image builds, CI pipelines, application design and reading.
 * Each says why no Azure resource (nor a built-in Azure Policy, see lib/policy/builtins.ts) can
 * deliver it, and what a team should do instead. Items that Terraform or a built-in can reach are
 * not here (issue 2 §2): probes, preStop hooks, naked pods, requests/limits, pull policy, the
 * default namespace, Windows privileges and memory are delivered by ClusterPolicies.
 */
import type { ItemFacet } from '../checklist/types';

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const guidanceFacets: readonly ItemFacet[] = [
  {
    id: 'container/distroless-images',
    delivery: 'guidance',
    guidance: {
      reason: 'The base image is chosen in each Dockerfile; no Azure resource or built-in policy sees which base an image was built from.',
      action:
        'Build on distroless or minimal bases (gcr.io/distroless/*, mcr.microsoft.com/cbl-mariner/distroless/*, chiseled Ubuntu images for .NET) with multi-stage builds, and check the base in CI with hadolint rules (e.g. DL3006/DL3007 pinning) or a Conftest policy on the Dockerfile.',
    },
  },
  {
    id: 'development/dockerfile-scanning',
    delivery: 'guidance',
    guidance: {
      reason: 'Dockerfiles live in application repositories and are checked in their CI pipelines; the platform stack never sees them.',
      action: 'Run hadolint and Dockle (or Checkov/Trivy config scanning) on every Dockerfile in CI, failing the build on errors; keep a team Dockerfile baseline (non-root USER, pinned base, no secrets in layers).',
    },
  },
  {
    id: 'development/image-static-analysis-on-build',
    delivery: 'guidance',
    guidance: {
      reason: 'Scanning at build time runs in the CI pipeline before the image reaches the registry; Terraform only creates the registry.',
      action:
        'Scan each built image in CI (Trivy, Grype, Microsoft Defender for DevOps / Defender CLI) before pushing it to the PrivateRegistry; Defender for Containers then rescans images in the registry continuously.',
    },
  },
  {
    id: 'development/vulnerability-threshold-on-build',
    delivery: 'guidance',
    guidance: {
      reason: 'A severity threshold is a build-pipeline gate; no Azure resource can fail a build.',
      action: 'Fail the CI job on fixable Critical/High findings (e.g. `trivy image --severity CRITICAL,HIGH --ignore-unfixed --exit-code 1`), with an allow-list file for accepted CVEs reviewed by security.',
    },
  },
  {
    id: 'development/image-compliance-on-build',
    delivery: 'guidance',
    guidance: {
      reason:
        'Build-time compliance runs in CI, before deployment. At deploy time ClusterPolicies already rejects root containers, privilege escalation and host ports through the pod security restricted initiative, but that is admission, not the build gate this item asks for.',
      action: 'Check images and manifests in CI against the same rules the cluster enforces (Conftest/OPA or Checkov, Dockle for USER root and exposed ports 22/80), so builds fail before the cluster would deny them.',
    },
  },
  {
    id: 'development/azure-migrate',
    delivery: 'guidance',
    guidance: {
      reason: 'Azure Migrate App Containerization is an interactive tool run against existing application servers; it is not infrastructure a stack declares.',
      action: 'Use the Azure Migrate App Containerization tool (ASP.NET and Java/Tomcat apps) to produce images and manifests, push the images to the PrivateRegistry and deploy them through GitOps.',
    },
  },
  {
    id: 'development/deployment-strategy',
    delivery: 'guidance',
    guidance: {
      reason: 'The rollout strategy (rolling, blue/green, canary) is part of each application\'s Deployment manifests and release tooling, not of the cluster\'s infrastructure.',
      action: 'Set `strategy.rollingUpdate` (maxSurge/maxUnavailable) per Deployment, and use Flagger or Argo Rollouts with the application routing ingress for canary or blue/green releases of critical services.',
    },
  },
  {
    id: 'development/multiple-replicas',
    delivery: 'guidance',
    guidance: {
      reason: 'No built-in Azure Policy requires more than one replica (the anti-affinity and PodDisruptionBudget built-ins that ClusterPolicies assigns only apply once there are several); the replica count is application configuration.',
      action: 'Set `replicas: 2` or more (or an HPA with `minReplicas: 2`) for every production Deployment and check it in CI with kube-score or Checkov; a custom Gatekeeper constraint (gatekeeper-library replicalimits) can enforce it in the cluster.',
    },
  },
  {
    id: 'operations/securing-kubernetes-guide',
    delivery: 'guidance',
    guidance: {
      reason: 'Reading a guide is a team practice, not a resource.',
      action: 'Have the platform team read "The Definitive Guide to Securing Kubernetes" and the AKS security baseline (learn.microsoft.com/azure/aks/concepts-security), and review this library\'s checklist report with them at each release.',
    },
  },
  {
    id: 'operations/kubernetes-tools',
    delivery: 'guidance',
    guidance: {
      reason: 'Helm, kubectl aliases, kubectx and k9s are operator workstation tools, not cluster resources.',
      action: 'Install them on the operators\' workstations or the bastion jump host (az aks install-cli for kubectl and kubelogin); access stays through Entra ID and the private API server.',
    },
  },
  {
    id: 'windows/abrupt-termination',
    delivery: 'guidance',
    guidance: {
      reason: 'terminationGracePeriodSeconds is not honoured by Windows containers, so the fix is in the application; no built-in policy or Azure setting changes how Windows stops containers.',
      action: 'Make Windows workloads safe to kill at any time: idempotent work, external state (queues, databases) and checkpoints, readiness probes so traffic drains first, and several replicas so a killed pod does not cause an outage.',
    },
  },
];
