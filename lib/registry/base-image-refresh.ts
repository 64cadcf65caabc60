/**
 * PrivateRegistry's base image refresh: a dedicated agent pool inside the network and an ACR task
 * that rebuilds an image whenever its base image is updated. Created in the registry's scope.
 */
import type { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ContainerRegistryAgentPool } from '@cdktf/provider-azurerm/lib/container-registry-agent-pool';
import { ContainerRegistryTask } from '@cdktf/provider-azurerm/lib/container-registry-task';
import { Token } from 'cdktf';
import type { Construct } from 'constructs';
import { assertProp } from '../core/errors';
import type { BaseImageRefreshProps, PrivateRegistryProps } from './private-registry-props';

/** Checks the task's inputs and creates the agent pool and the task (`scope` is the PrivateRegistry: errors name it and its path). */
export function baseImageRefresh(scope: Construct, registry: ContainerRegistry, props: PrivateRegistryProps, b: BaseImageRefreshProps, tags: Record<string, string>): void {
  const url = b.contextUrl;
  if (!Token.isUnresolved(url)) {
    const ok = /^https:\/\/[^\s@/?#]+\/[^\s?@]*$/.test(url) || /^oci:\/\/[^\s@?]+$/.test(url);
    assertProp(
      ok,
      scope,
      'baseImageRefresh.contextUrl',
      url,
      'is not a credential-free https Git URL or oci:// artifact (user info, query strings and tokens are not allowed)',
      'use a public repository (https://github.com/org/repo.git#main:src) or push the build context as an OCI artifact to this registry (oci://<loginServer>/context:tag)',
    );
  }
  assertProp(/^[a-z0-9]+(?:[._\-/][a-z0-9]+)*$/.test(b.imageName ?? ''), scope, 'baseImageRefresh.imageName', b.imageName, 'is not a valid repository name', "use lower-case path segments, e.g. 'apps/web'");
  assertProp(typeof b.agentPoolSubnetId === 'string' && b.agentPoolSubnetId.length > 0, scope, 'baseImageRefresh.agentPoolSubnetId', b.agentPoolSubnetId, 'is missing', 'give a subnet of the VNet for the dedicated agent pool that runs the task inside the network');
  const dockerfile = b.dockerfilePath ?? 'Dockerfile';
  const pool = new ContainerRegistryAgentPool(scope, 'agent-pool', {
    name: 'refresh',
    containerRegistryName: registry.name,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    tier: b.agentPoolTier ?? 'S1',
    instanceCount: 1,
    virtualNetworkSubnetId: b.agentPoolSubnetId,
    tags,
  });
  const image = `$Registry/${b.imageName}`;
  const task = [
    'version: v1.1.0',
    'steps:',
    `  - build: -t ${image}:{{.Run.ID}} -t ${image}:latest -f ${dockerfile} .`,
    '  - push:',
    `    - ${image}:{{.Run.ID}}`,
    `    - ${image}:latest`,
    '',
  ].join('\n');
  new ContainerRegistryTask(scope, 'base-image-refresh', {
    name: 'base-image-refresh',
    containerRegistryId: registry.id,
    agentPoolName: pool.name,
    platform: { os: 'Linux' },
    encodedStep: { taskContent: Buffer.from(task, 'utf8').toString('base64'), contextPath: url },
    baseImageTrigger: { name: 'base-image-update', type: b.trigger ?? 'Runtime', enabled: true },
    tags,
  });
}
