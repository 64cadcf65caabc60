/**
 * Traceability from the 103 seed items to the current edition of The AKS Checklist (168 items,
 * identified by GUID), so teams that track the current checklist, or Azure's review checklist
 * when it uses the same GUIDs, can join our reports with theirs.
 *
 * The mapping was made by meaning, not by title alone: a seed item maps to every current item
 * whose advice it covers (0..n), and a current item may be claimed by several seed items. Items
 * of the current edition that no seed item covers are listed in CURRENT_ITEMS all the same.
 *
 * Current-edition items that no seed item covers but the library meets are joined to the seed
 * item whose rule judges them (CURRENT_ONLY); three GUIDs that Azure/review-checklists uses for
 * other items are flagged (REVIEW_CHECKLIST_DIVERGENT), so nobody joins them blindly.
 *
 * Current edition titles are copied from the current edition's JSON files (MPL-2.0) so the
 * project works on its own. Regenerate by hand when the edition changes; the test in
 * test/checklist/traceability.test.ts keeps the two tables consistent.
 */
import type { ItemId } from './items';

/** An item of the current (168-item) edition. */
export interface CurrentItem {
  /** The item's title in the current edition. */
  readonly title: string;
  /** The file (area) of the current edition it comes from, e.g. `networking`. */
  readonly area: string;
}

/** Every item of the current edition, keyed by GUID, in the edition's order. */
export const CURRENT_ITEMS: Readonly<Record<string, CurrentItem>> = {
  "2e9ed573-38b2-4856-a7f9-676d9ab604e1": { title: "Implement a proper Liveness probe", area: "application" },
  "a066989c-9dce-4712-bce3-4eef36f8c0c2": { title: "Implement a proper Startup probe", area: "application" },
  "de1b6b38-4fa9-4f6e-ab92-d824346dd20c": { title: "Implement a proper Readiness probe", area: "application" },
  "dc4828a3-fc4f-4ac5-8844-122b8482dbb1": { title: "Implement a proper prestop hook", area: "application" },
  "4f1f88f9-98a3-48f5-a37f-4d9c9aecbb11": { title: "Run more than one replica for your Deployment", area: "application" },
  "7b613b26-df38-49a8-94bf-c5301a91d558": { title: "Apply tags/labels to all resources", area: "application" },
  "faa19bfe-9d55-4d04-a3c4-919ca1b2d121": { title: "Implement autoscaling of your applications (Horizontal pod autoscaler, KEDA)", area: "application" },
  "5e3df584-eccc-4d97-a3b6-bcda3b50eb2e": { title: "Store your secrets in Azure Key Vault, don't inject passwords in Docker Images", area: "application" },
  "d2e0d5d7-71d4-41e3-910c-c57b4a4b1410": { title: "Implement Azure Workload Identity", area: "application" },
  "0b56d03c-5fc8-42b1-943b-9e4b4d0f3de8": { title: "Use Kubernetes namespaces to properly isolate your Kubernetes resources", area: "application" },
  "b54eb2eb-03dd-4aa3-9927-18e2edb11726": { title: "Set up requests and limits on your containers", area: "application" },
  "20861805-be15-48f5-b40b-5ae203ddbb67": { title: "Specify the security context of your pod/container", area: "application" },
  "5388e9de-d167-4dd1-a2b0-ac241b999a64": { title: "Ensure your manifests respect good practices", area: "application" },
  "b5222fdc-72b7-4b5f-baae-ab48a69b1d36": { title: "Conduct Dockerfile scanning to ensure Docker Image Security Best Practices", area: "application" },
  "54cbc938-394e-480a-823a-51c2bcd3c66b": { title: "Static Analysis of Docker Images on Build", area: "application" },
  "1a67a172-c4ca-4383-8934-a71277cb927e": { title: "Threshold enforcement of Docker Image Builds that contain vulnerabilities", area: "application" },
  "01ede997-e0bf-454a-bd1f-114be06a9874": { title: "Compliance enforcement of Docker Image Builds", area: "application" },
  "c1c05f94-4b74-4231-9d36-aa7a56fb775e": { title: "Use Azure Migrate to quick containerize your applications", area: "application" },
  "3abc7c0e-44c7-40fc-afce-aa4ddbf3dd81": { title: "Apply the right deployment type to your application", area: "application" },
  "980e9f76-e20a-426a-9c01-cbae1b63c5e8": { title: "Don't use naked pods", area: "application" },
  "d457598a-047b-4fd7-88e5-9c61dea67f6a": { title: "Control the usage of imagePullPolicy", area: "application" },
  "3acbe04b-be20-49d3-afda-47778424d116": { title: "Use automation through ARM/TF to create your Azure resources", area: "application" },
  "785c2fa5-5b56-4ad4-a408-fe72734c476b": { title: "Use canary or blue/green deployments", area: "application" },
  "26886d20-b66c-457b-a591-19bf8e8f5c58": { title: "Use Dapr to ease microservice development", area: "application" },
  "bc14aea6-e65d-48d9-a3ad-c218e6436b06": { title: "Define non-functional requirements such as SLAs, RTO (Recovery Time Objective) and RPO (Recovery Point Objective)", area: "bc_dr" },
  "36cb45e5-7960-4332-9bdf-8cc23318da61": { title: "Schedule and perform DR tests regularly (whitespace deplyment)", area: "bc_dr" },
  "578a219a-46be-4b54-9350-24922634292b": { title: "Use Availability Zones if supported in your Azure region", area: "bc_dr" },
  "4e907690-4780-492f-9632-03bcc80b7a80": { title: "Plan for multiregion deployment", area: "bc_dr" },
  "170265f4-bb46-4a39-9af7-f317284797b1": { title: "Use Azure Traffic Manager or Azure Front Door as a global load balancer for region failover", area: "bc_dr" },
  "8c6703c5-42e9-46ef-93f1-7f6232af25fc": { title: "Create a storage migration plan", area: "bc_dr" },
  "71d41e36-10cc-457b-9a4b-1410d4395898": { title: "Use the standard-tier AKS offering", area: "bc_dr" },
  "1eea4888-8c2a-40b2-a40b-cacdc5f55497": { title: "Avoid Pods being placed into a single node", area: "bc_dr" },
  "b0803aed-1ca6-4330-816c-92677c6e9935": { title: "If using a private registry (ACR), configure region replication to store images in multiple regions", area: "bc_dr" },
  "a4cefd60-f24f-4907-9723-b927300b4c42": { title: "Configure your registry to use zone reduncancy", area: "bc_dr" },
  "7b0bb400-deb6-4914-82da-2e914c9aaa72": { title: "Move Container Registry to a dedicated resource group", area: "bc_dr" },
  "49919955-fd6c-40f5-9c5c-5a7273c7a935": { title: "Enable soft delete policy", area: "bc_dr" },
  "7e970492-1bed-4541-98f6-be550b17caa6": { title: "Use Azure Backup for AKS to protect cluster resources and persistent volumes", area: "bc_dr" },
  "49be78dc-6ff0-4b2c-94ef-e74002e18866": { title: "Logically isolate cluster", area: "cluster_multi" },
  "3b77c0ee-3f84-4a86-bb46-c6dc3070168c": { title: "Physically isolate cluster", area: "cluster_multi" },
  "574bd2fe-f58b-4199-b334-f7eff3ef90c8": { title: "Use Azure tags in Azure Kubernetes Service (AKS)", area: "cluster_multi" },
  "d34f49c0-e964-4465-9211-520479338b13": { title: "Use Azure Linux as host OS", area: "cluster_security" },
  "42d4aefe-2383-470e-b019-c30df24996b2": { title: "Configure your cluster for regulated industries", area: "cluster_security" },
  "aefbf509-a9e8-46cc-8ae9-80f07acffd7c": { title: "Check if you need the Kubernetes dashboard", area: "cluster_security" },
  "e7ba73a3-0508-4f80-806f-527db30cee96": { title: "Encrypt ETCD at rest with your own key", area: "cluster_security" },
  "e189c599-df0d-45a7-9dd4-ce32c1881370": { title: "Maintain kubernetes version up to date", area: "cluster_security" },
  "1f95a465-c682-405b-84b4-966c3a619c12": { title: "Policy blocking the deployment of vulnerable image", area: "cluster_security" },
  "fc1e68dd-ac89-4851-8e53-8fbac3461d26": { title: "Use Azure Key Vault", area: "cluster_security" },
  "23fda718-b80b-44c8-b2e4-d46580ab6651": { title: "Monitor the security of your cluster with Azure Security Center", area: "cluster_security" },
  "ca62d835-69cc-476d-bd8e-ea8fa58fab9c": { title: "Remove vulnerable images from your cluster", area: "cluster_security" },
  "c9e95ffe-6dd1-4a17-8c5f-110389ca9b21": { title: "Enable Microsoft Defender for Containers", area: "cluster_security" },
  "9ca48e4a-85e2-4223-bce8-bb12307ca5f1": { title: "Use Azure Policy for Kubernetes to ensure cluster compliance", area: "cluster_security" },
  "6f158e3e-a3a9-42c2-be7e-2165c3a87af4": { title: "Separate applications from the control plane with user/system nodepools", area: "cluster_security" },
  "b03dda6d-58d7-4c89-8ddb-107d5769ae66": { title: "If user Service Principals for the cluster, refresh credentials periodically (like quarterly)", area: "cluster_security" },
  "55b46a94-8008-4ae7-b7e4-b475b6c8bdbf": { title: "Use a private registry for your images, such as ACR", area: "cluster_security" },
  "cc639637-a652-42ac-89e8-06965388e9de": { title: "Use Azure Security Center to detect security posture vulnerabiities", area: "cluster_security" },
  "ec8e4e42-0344-41b0-b865-9123e8956d31": { title: "If required consider using Confidential Compute for AKS", area: "cluster_security" },
  "d167dd18-2b0a-4c24-8b99-9a646f8389a7": { title: "Define app separation requirements (namespace/nodepool/cluster)", area: "cluster_security" },
  "5ae124ba-34df-4585-bcdc-e9bd3bb0cdb3": { title: "If required consider using Azure Dedicated Hosts for AKS nodes", area: "cluster_security" },
  "59bce65d-e8a0-43f9-9879-468d66a786d6": { title: "Scan the container image against vulnerabilities", area: "container" },
  "8dcb9d27-a601-48e6-aeb8-e0469aaf8921": { title: "Allow deploying containers only from known registries", area: "container" },
  "a71e024f-ac46-4d0e-86d8-fad9a86c99af": { title: "Runtime Security of Applications", area: "container" },
  "c970cb26-a707-4bf2-9e40-5401fea3d55b": { title: "Quarantine of Docker Images in Docker Registries that have discovered issues", area: "container" },
  "3f703579-9f4a-43c4-8c40-5a9e78015379": { title: "Role-Based Access Contol (RBAC) to Docker Registries", area: "container" },
  "6ae51d09-8142-4979-95ed-7ec3451de81c": { title: "Network Segmentation of Docker Registries", area: "container" },
  "f57ba3a5-93ae-435f-9468-80ccd6a841b9": { title: "Prefer distroless images", area: "container" },
  "22882284-a9c2-4e16-b3e3-2d4947cc24b8": { title: "Refresh container when base image is updated", area: "container" },
  "7e42c78e-78c0-46a6-8a21-94956e698dc4": { title: "Integrate authentication with AAD (using the managed integration)", area: "identity" },
  "eec4962c-c3bd-421b-b77f-26e5e6b3bec3": { title: "Integrate authorization with AAD RBAC", area: "identity" },
  "100f8f70-3ec6-44bb-ab07-95eef965e80d": { title: "Use AKS and ACR integration without password", area: "identity" },
  "ed127dd1-42b0-46b2-8c69-99a646f3389a": { title: "Use managed identities instead of Service Principals", area: "identity" },
  "a2fe27b2-e287-401a-8352-beedf79b488d": { title: "Limit access to admin kubeconfig (get-credentials --admin)", area: "identity" },
  "f4dcf690-1b30-407d-abab-6f8aa780d3a3": { title: "For AKS non-interactive logins use kubelogin", area: "identity" },
  "b085b1f2-3119-4771-8c9a-bbf4411810ec": { title: "Disable AKS local accounts", area: "identity" },
  "36abb0db-c118-4f4c-9880-3f30f9a2deb6": { title: "Configure if required Just-in-time cluster access", area: "identity" },
  "1f711a74-3672-470b-b8b8-a2148d640d79": { title: "For finer control consider using a managed Kubelet Identity", area: "identity" },
  "c4d7f4c6-79bf-45d0-aa05-ce8fc717e150": { title: "Configure if required AAD conditional access for AKS", area: "identity" },
  "a0f61565-9de5-458f-a372-49c831112dbd": { title: "Choose the best CNI network plugin for your requirements (Azure CNI recommended)", area: "networking" },
  "7faf12e7-0943-4f63-8472-2da29c2b1cd6": { title: "If using Azure CNI, size your subnet accordingly considering the maximum number of pods per node", area: "networking" },
  "b3808b9f-a1cf-4204-ad01-3a923ce474db": { title: "Use an ingress controller to expose web-based apps instead of exposing them with LoadBalancer-type services", area: "networking" },
  "a3a92c2d-e7e2-4165-a3a8-7af4a7a1f893": { title: "Secure your exposed applications with a web application firewall (WAF)", area: "networking" },
  "e5684a8b-f072-43d2-83b2-234ad48f57c7": { title: "Apply control on ingress hostnames", area: "networking" },
  "c0179fd4-470b-43c8-b7bb-80307051bc96": { title: "Don't expose your load-balancer on Internet if not necessary", area: "networking" },
  "0751f099-e6f4-4250-b405-d2b26c707432": { title: "Control traffic flow with network policies", area: "networking" },
  "0bc4e0c6-97fd-411a-9eb4-1a1f85f9cdf0": { title: "Configure default network policies in each namespace", area: "networking" },
  "3b365a91-7ecb-4e48-bbe5-4cd7df2e8bba": { title: "Filter egress traffic with AzFW/NVA if your security requirements mandate it (egress lockdown)", area: "networking" },
  "e38f1680-8ddc-4c93-bf09-6b932a4935ca": { title: "Don't expose your container registry on Internet", area: "networking" },
  "4fb072a7-0303-46d8-9ecf-d8aa4d69ff83": { title: "Block Pod access to VMSS IMDS", area: "networking" },
  "29fb411c-20a8-4c39-84df-aaa4227eaeb2": { title: "Use private clusters if your requirements mandate it", area: "networking" },
  "5d0bb60d-b8e0-4031-9c5b-1f0a735f771f": { title: "Enable traffic management", area: "networking" },
  "22f54b29-bade-43aa-b1e8-c38ec9366673": { title: "If using Azure CNI, check the maximum pods/node (default 30)", area: "networking" },
  "d783a3e8-264f-4dac-870f-569791d1837e": { title: "If using a public API endpoint, restrict the IP addresses that can access it", area: "networking" },
  "ccb534e7-416e-4a1d-8e93-533b53199085": { title: "Use Azue NAT Gateway as outboundType for scaling egress traffic", area: "networking" },
  "8ee9a69a-1b58-4b1e-9c61-476e110a160b": { title: "Use Dynamic allocations of IPs in order to avoid Azure CNI IP exhaustion", area: "networking" },
  "ecccd979-3b6b-4cda-9b50-eb2eb03dda6d": { title: "Use Private Endpoints (preferred) or Virtual Network Service Endpoints to access PaaS services from the cluster", area: "networking" },
  "e9855d04-c3c3-49c9-a6bb-2c12159a114b": { title: "Consider using a service mesh for advanced microservice communication management", area: "networking" },
  "57bf217f-6dc8-481c-81e2-785773e9c00f": { title: "If required add your own CNI plugin", area: "networking" },
  "22fbe8d6-9b40-47ef-9011-25bb1a555a6b": { title: "If using Azure CNI, consider using different Subnets for NodePools", area: "networking" },
  "22fbe8d6-9b40-47ef-9011-25bb1a555a6c": { title: "Verify non overlapping CIDR ranges for Service-CIDR and Pod-CIDR or Subnet-CIDR", area: "networking" },
  "945889a8-a9e9-4059-b1aa-0a0df2b8a82c": { title: "Have a regular process to upgrade the cluster node images periodically (weekly, for example), or use the AKS autoupgrade feature", area: "operations" },
  "17bd8ae4-8ee7-472d-bca5-c7e3cc9b6d82": { title: "Use placement proximity group to improve performance", area: "operations" },
  "4cd9bd7a-fe6f-427b-b5dd-9ab2f50aa663": { title: "Customize your clusters with extensions", area: "operations" },
  "73b32a5a-67f7-4a9e-b5b3-1f38c3f39812": { title: "Customize the name of the MC_ resource group", area: "operations" },
  "28538587-2c1f-4390-b571-384649732c16": { title: "Securely connect to nodes through a bastion host", area: "operations" },
  "4dd8b544-5b8b-443d-8e76-cea80d9dec30": { title: "Regularly check for cluster issues", area: "operations" },
  "90640e42-ce36-4c2a-b20a-bee9c572df6c": { title: "Provision a log aggregation tool", area: "operations" },
  "6f8389a7-f82c-4b8e-a8c0-aa63a25a4956": { title: "Monitor your cluster metrics with Container Insights (or other tools like Prometheus)", area: "operations" },
  "8d33b2b2-e043-4c61-aa5d-319a8eb6c382": { title: "Configure distributed tracing", area: "operations" },
  "01deb8ed-b6f5-40bb-8d0b-d0ee2d933f51": { title: "Set Upgrade Channel", area: "operations" },
  "90ce65de-8e13-4f9c-abd4-69266abca264": { title: "Enable cluster autoscaling", area: "operations" },
  "0102ce16-ee30-41e6-b882-e52e4621dd68": { title: "Use GitOps to deploy workloads in your cluster", area: "operations" },
  "cd943950-e336-4906-a719-d2128c8d78e4": { title: "Implement CI/CD to deploy workloads in your cluster", area: "operations" },
  "fd926057-60e1-4d6c-afc2-0f03b5ab3763": { title: "Improve efficiency with K8S Tools", area: "operations" },
  "13bb9e32-6f48-4747-9531-0147f20f4b03": { title: "Don't use the default namespace", area: "operations" },
  "13bb9e32-6f48-4747-9531-0147f20f4b04": { title: "Apply different types of labels to all resources", area: "operations" },
  "831c2872-c693-4b39-a887-a561bada49bc": { title: "Fine tune your node configuration", area: "operations" },
  "d7672c26-7602-4482-85a4-14527fbe855c": { title: "Consider using AKS command invoke on private clusters", area: "operations" },
  "4621dd68-c5a5-4be2-bdb1-1726769ef669": { title: "Monitor CPU and memory utilization of the nodes", area: "operations" },
  "5b56ad48-408f-4e72-934c-476ba280dcf5": { title: "Send master logs (aka API logs) to Azure Monitor or your preferred log management solution", area: "operations" },
  "495e0503-5fbd-4ba7-8c33-2551b1676d1e": { title: "Consider an appropriate node size, not too large or too small", area: "operations" },
  "337453a3-cc63-4963-9a65-22ac19e80696": { title: "Regularly check Azure Advisor for recommendations on your cluster", area: "operations" },
  "b78f2dec-d75e-44c3-937a-7509fd7a54f1": { title: "Write manifests following good practices using dedicated tools", area: "operations" },
  "3aa70560-e7e7-4968-be3d-628af35b2ced": { title: "Enable AKS auto-certificate rotation", area: "operations" },
  "eaa8dc4a-2436-47b3-9697-15b1752beee0": { title: "Store and analyze your cluster logs with Container Insights (or other tools like Telegraf/ElasticSearch)", area: "operations" },
  "62f89719-db42-4cd0-824f-82ac7d62d9ac": { title: "Enable ContainerLogV2 schema for logging", area: "operations" },
  "c755562f-2b4e-4456-9b4d-874a748b662e": { title: "Consider AKS virtual node for quick bursting", area: "operations" },
  "c5a5b252-1e44-4a59-a9d2-399c4d7b68d0": { title: "Consider spot node pools for non time-sensitive workloads", area: "operations" },
  "67f7a9ed-5b31-4f38-a3f3-9812b2463cff": { title: "Configure alerts on the most critical metrics (see Container Insights for recommendations)", area: "operations" },
  "95951d87-1a2f-4a45-833c-2fc62d23c44d": { title: "If not using egress filtering with AzFW/NVA, monitor standard ALB allocated SNAT ports", area: "operations" },
  "74c2ee76-569b-4a79-a57e-dedf91b022c9": { title: "Subscribe to resource health notifications for your AKS cluster", area: "operations" },
  "9583c0f6-6083-43f6-aa6b-df7102c901bb": { title: "Consider subscribing to EventGrid Events for AKS automation", area: "operations" },
  "ed0fda7f-211b-47c7-8b6e-c18873fb473c": { title: "Develop own governance practices to make sure no changes are performed by operators in the node RG (aka 'infra RG')", area: "operations" },
  "f1d2d2f4-53a2-5f1b-9d1a-3a907b6844a5": { title: "Install debuging tools on your cluster", area: "operations" },
  "96516e10-4664-421a-992d-1271c29743ea": { title: "Consider using Long-Term Support (LTS) for Kubernetes versions", area: "operations" },
  "c88681ab-bb2b-46d1-9ea6-72564b75429a": { title: "Burst serverless with Azure Container Instances and Virtual Nodes", area: "resource_management" },
  "7f8b07c5-882b-45ba-9ec9-bcc29b4721ff": { title: "Sizing of the nodes", area: "resource_management" },
  "2a5f0cab-92b2-46dc-81a6-d358f7fd062a": { title: "Use ARM64 nodes when possible", area: "resource_management" },
  "769ef669-1a48-435a-a942-223ece80b123": { title: "Enforce resource quotas for namespaces", area: "resource_management" },
  "b74ea93b-598d-48e0-bb26-762b015602e1": { title: "Namespaces should have LimitRange", area: "resource_management" },
  "4868aa30-95a9-49fd-867e-57e70cb0d1d5": { title: "Set memory limits and requests for all containers", area: "resource_management" },
  "3c763963-7a55-42d5-a15e-401955387e5c": { title: "Use Disruption Budgets in your pod and deployment definitions", area: "resource_management" },
  "f82cb8eb-8c0a-4a63-a25a-4956eaa8dc4a": { title: "Use an external application such as kubecost to allocate costs to different users", area: "resource_management" },
  "87e651ea-bc4a-4a87-a6df-c06a4b570ebc": { title: "When required use multi-instance partioning GPU on AKS Clusters", area: "resource_management" },
  "2b72a08b-0410-4cd6-9093-e068a5cf27e8": { title: "If running a Dev/Test cluster use NodePool Start/Stop", area: "resource_management" },
  "64d1a846-e28a-4b6b-9a33-22a635c15a21": { title: "If required scale NodePool snapshots", area: "resource_management" },
  "081a5417-4158-433e-a3ad-3c2de733165c": { title: "Ensure your subscription has enough quota to scale out your nodepools", area: "resource_management" },
  "4d3dfbab-9924-4831-a68d-fdf0d72f462c": { title: "Use scale down mode to delete/delallocate nodes", area: "resource_management" },
  "4c20c4bd-a7e3-449f-9597-4939a3aeafe7": { title: "Choose the right storage type", area: "storage" },
  "18707174-fa23-4935-b463-8f9982629b35": { title: "Size the nodes for storage needs", area: "storage" },
  "77bda7ce-1fcf-4735-bd3d-1b3a83a9e484": { title: "Dynamically provision volumes", area: "storage" },
  "13d493b9-2cdc-4632-b188-6882b81da0ed": { title: "Secure and back up your data", area: "storage" },
  "9f7547c1-747d-4c56-868a-714435bd19dd": { title: "Avoid keeping state in the cluster, and store data outside (AzStorage, AzSQL, Cosmos, etc)", area: "storage" },
  "24367b33-6971-45b1-952b-eee0b9b588de": { title: "Use ephemeral OS disks", area: "storage" },
  "39c486ce-d5af-4062-89d5-18bb5fd795db": { title: "For hyper performance storage option use Ultra Disks on AKS", area: "storage" },
  "b5f3808d-3a6a-42a5-adde-7bb34e047169": { title: "Avoid keeping state in the cluster, and store data outside (AzStorage, AzSQL, Cosmos, etc)", area: "storage" },
  "83958a8c-2689-4b32-ab57-cfc64546135a": { title: "If using Azure Disks and AZs, consider having nodepools within a zone for LRS disk", area: "storage" },
  "fc4972cc-3cd2-45bf-a707-6e9eab4bed32": { title: "For non-ephemeral disks, use high IOPS and larger OS disks for the nodes when running many pods/node", area: "storage" },
  "4d3e8a06-b724-43a3-b9b9-328a08325c61": { title: "Map the base image to node OS", area: "windows" },
  "fce3ccf3-5f62-4ad6-b945-845362777529": { title: "Prepare your application for an abrupt kill", area: "windows" },
  "bd773172-40dc-4502-b284-137c70d77bc9": { title: "Don't use privileged containers", area: "windows" },
  "dea429d5-2c10-480c-85a1-9d9d0c4afc3d": { title: "Watch for memory usage", area: "windows" },
  "3922e5b0-fa6b-4020-a92e-2e0d76338e95": { title: "Implement CNI network mode", area: "windows" },
  "67138b82-0102-4ce1-9ee3-01e6e882e52e": { title: "Keep windows containers patch level in sync with host patch level", area: "windows" },
  "74e42965-8bbd-46fb-b027-ccad9c3933a4": { title: "Secure the traffic of your containers", area: "windows" },
  "e1123a7c-a333-4eb4-a120-4ee3f293c9f3": { title: "Enable Group Managed Service Accounts (GMSA) for your Windows Server nodes", area: "windows" },
  "ab5351f6-383a-45ed-9c5e-b143b16db40a": { title: "If required for AKS Windows workloads, HostProcess containers can be used", area: "windows" },
  "c1881370-6f7c-44c0-b4e5-14648d2457ed": { title: "Taint Windows nodes", area: "windows" },
  "ce7f2a7c-297c-47c6-adea-a6ff838db665": { title: "For Windows 2019 and 2022 AKS nodes Calico Network Policies can be us", area: "windows" },
  "7bacd7b9-c025-4a9d-a5d2-25d6bc5439d9": { title: "For Windows workloads use Accelerated Networking", area: "windows" },
};

/** How one seed item maps to the current edition. */
export interface Trace {
  /** GUIDs of the current edition's matching items (may be empty). */
  readonly guids: readonly string[];
  /** Why the mapping is what it is, when that is not obvious from the titles. */
  readonly note?: string;
}

/** Each seed item's matching current items. */
export const TRACEABILITY: Readonly<Record<ItemId, Trace>> = {
  "cluster-setup/logical-isolation": { guids: ["49be78dc-6ff0-4b2c-94ef-e74002e18866", "d167dd18-2b0a-4c24-8b99-9a646f8389a7"] },
  "cluster-setup/physical-isolation": { guids: ["3b77c0ee-3f84-4a86-bb46-c6dc3070168c", "d167dd18-2b0a-4c24-8b99-9a646f8389a7"] },
  "cluster-setup/api-server-authorized-ip-ranges": { guids: ["d783a3e8-264f-4dac-870f-569791d1837e"] },
  "cluster-setup/aad-integration": { guids: ["7e42c78e-78c0-46a6-8a21-94956e698dc4", "b085b1f2-3119-4771-8c9a-bbf4411810ec"], note: "Entra ID as the only way in: managed integration, local accounts disabled." },
  "cluster-setup/system-node-pools": { guids: ["6f158e3e-a3a9-42c2-be7e-2165c3a87af4"] },
  "cluster-setup/managed-identity": { guids: ["ed127dd1-42b0-46b2-8c69-99a646f3389a", "1f711a74-3672-470b-b8b8-a2148d640d79"], note: "Cluster and kubelet identities are managed identities." },
  "cluster-setup/vm-sizing": { guids: ["495e0503-5fbd-4ba7-8c33-2551b1676d1e"], note: "The seed item's tool (instance calculator) sizes nodes; its 'fewer, larger clusters' advice is also in logical-isolation." },
  "cluster-setup/regulated-industries": { guids: ["42d4aefe-2383-470e-b019-c30df24996b2"] },
  "cluster-setup/upgrade-channel": { guids: ["01deb8ed-b6f5-40bb-8d0b-d0ee2d933f51"] },
  "cluster-setup/kubernetes-rbac-aad": { guids: ["eec4962c-c3bd-421b-b77f-26e5e6b3bec3", "a2fe27b2-e287-401a-8352-beedf79b488d"], note: "Azure RBAC also limits who can get the admin kubeconfig." },
  "cluster-setup/private-cluster": { guids: ["29fb411c-20a8-4c39-84df-aaa4227eaeb2", "d7672c26-7602-4482-85a4-14527fbe855c"], note: "The seed item documents command invoke for private clusters." },
  "cluster-setup/cluster-autoscaling": { guids: ["90ce65de-8e13-4f9c-abd4-69266abca264"] },
  "cluster-setup/node-sizing": { guids: ["7f8b07c5-882b-45ba-9ec9-bcc29b4721ff"] },
  "cluster-setup/base-image-refresh": { guids: ["22882284-a9c2-4e16-b3e3-2d4947cc24b8"] },
  "cluster-setup/no-kubernetes-dashboard": { guids: ["aefbf509-a9e8-46cc-8ae9-80f07acffd7c"] },
  "cluster-setup/acr-integration-without-password": { guids: ["100f8f70-3ec6-44bb-ab07-95eef965e80d"] },
  "cluster-setup/proximity-placement-group": { guids: ["17bd8ae4-8ee7-472d-bca5-c7e3cc9b6d82"] },
  "cluster-setup/etcd-encryption-own-key": { guids: ["e7ba73a3-0508-4f80-806f-527db30cee96"] },
  "cluster-setup/traffic-management": { guids: ["5d0bb60d-b8e0-4031-9c5b-1f0a735f771f"] },
  "cluster-setup/registry-geo-replication": { guids: ["b0803aed-1ca6-4330-816c-92677c6e9935"] },
  "cluster-setup/node-configuration-tuning": { guids: ["831c2872-c693-4b39-a887-a561bada49bc"] },
  "cluster-setup/cluster-extensions": { guids: ["4cd9bd7a-fe6f-427b-b5dd-9ab2f50aa663"] },
  "container/image-vulnerability-scanning": { guids: ["59bce65d-e8a0-43f9-9879-468d66a786d6"] },
  "container/allowed-registries-only": { guids: ["8dcb9d27-a601-48e6-aeb8-e0469aaf8921", "55b46a94-8008-4ae7-b7e4-b475b6c8bdbf"], note: "Restricting images to known registries implies using a private registry." },
  "container/runtime-security": { guids: ["a71e024f-ac46-4d0e-86d8-fad9a86c99af"] },
  "container/registry-quarantine": { guids: ["c970cb26-a707-4bf2-9e40-5401fea3d55b", "1f95a465-c682-405b-84b4-966c3a619c12"], note: "Both keep images with discovered vulnerabilities from being deployed." },
  "container/registry-rbac": { guids: ["3f703579-9f4a-43c4-8c40-5a9e78015379"] },
  "container/registry-network-segmentation": { guids: ["6ae51d09-8142-4979-95ed-7ec3451de81c"] },
  "container/distroless-images": { guids: ["f57ba3a5-93ae-435f-9468-80ccd6a841b9"] },
  "development/liveness-probe": { guids: ["2e9ed573-38b2-4856-a7f9-676d9ab604e1"] },
  "development/startup-probe": { guids: ["a066989c-9dce-4712-bce3-4eef36f8c0c2"] },
  "development/readiness-probe": { guids: ["de1b6b38-4fa9-4f6e-ab92-d824346dd20c"] },
  "development/prestop-hook": { guids: ["dc4828a3-fc4f-4ac5-8844-122b8482dbb1"] },
  "development/multiple-replicas": { guids: ["4f1f88f9-98a3-48f5-a37f-4d9c9aecbb11"] },
  "development/resource-tags": { guids: ["7b613b26-df38-49a8-94bf-c5301a91d558", "574bd2fe-f58b-4199-b334-f7eff3ef90c8"] },
  "development/application-autoscaling": { guids: ["faa19bfe-9d55-4d04-a3c4-919ca1b2d121"] },
  "development/secrets-in-key-vault": { guids: ["5e3df584-eccc-4d97-a3b6-bcda3b50eb2e"] },
  "development/workload-identity": { guids: ["d2e0d5d7-71d4-41e3-910c-c57b4a4b1410"] },
  "development/namespace-isolation": { guids: ["0b56d03c-5fc8-42b1-943b-9e4b4d0f3de8"] },
  "development/requests-and-limits": { guids: ["b54eb2eb-03dd-4aa3-9927-18e2edb11726"] },
  "development/security-context": { guids: ["20861805-be15-48f5-b40b-5ae203ddbb67"] },
  "development/manifest-good-practices": { guids: ["5388e9de-d167-4dd1-a2b0-ac241b999a64", "b78f2dec-d75e-44c3-937a-7509fd7a54f1"] },
  "development/dockerfile-scanning": { guids: ["b5222fdc-72b7-4b5f-baae-ab48a69b1d36"] },
  "development/image-static-analysis-on-build": { guids: ["54cbc938-394e-480a-823a-51c2bcd3c66b"] },
  "development/vulnerability-threshold-on-build": { guids: ["1a67a172-c4ca-4383-8934-a71277cb927e"] },
  "development/image-compliance-on-build": { guids: ["01ede997-e0bf-454a-bd1f-114be06a9874"] },
  "development/azure-migrate": { guids: ["c1c05f94-4b74-4231-9d36-aa7a56fb775e"] },
  "development/deployment-strategy": { guids: ["3abc7c0e-44c7-40fc-afce-aa4ddbf3dd81", "785c2fa5-5b56-4ad4-a408-fe72734c476b"], note: "Canary and blue/green are deployment types." },
  "development/no-naked-pods": { guids: ["980e9f76-e20a-426a-9c01-cbae1b63c5e8"] },
  "development/image-pull-policy": { guids: ["d457598a-047b-4fd7-88e5-9c61dea67f6a"] },
  "disaster-recovery/whitespace-deployment": { guids: ["36cb45e5-7960-4332-9bdf-8cc23318da61", "3acbe04b-be20-49d3-afda-47778424d116"], note: "A whitespace deployment needs the whole platform as code (ARM/Terraform)." },
  "disaster-recovery/availability-zones": { guids: ["578a219a-46be-4b54-9350-24922634292b", "a4cefd60-f24f-4907-9723-b927300b4c42"], note: "Zones for the cluster and for the registry." },
  "disaster-recovery/multi-region": { guids: ["4e907690-4780-492f-9632-03bcc80b7a80"] },
  "disaster-recovery/traffic-manager-routing": { guids: ["170265f4-bb46-4a39-9af7-f317284797b1"] },
  "disaster-recovery/storage-migration-plan": { guids: ["8c6703c5-42e9-46ef-93f1-7f6232af25fc"] },
  "disaster-recovery/control-plane-sla": { guids: ["71d41e36-10cc-457b-9a4b-1410d4395898"], note: "Uptime SLA is now the Standard tier." },
  "disaster-recovery/pod-anti-affinity": { guids: ["1eea4888-8c2a-40b2-a40b-cacdc5f55497"] },
  "network/network-model": { guids: ["a0f61565-9de5-458f-a372-49c831112dbd", "57bf217f-6dc8-481c-81e2-785773e9c00f", "8ee9a69a-1b58-4b1e-9c61-476e110a160b", "22fbe8d6-9b40-47ef-9011-25bb1a555a6b"], note: "The seed item documents CNI, BYO CNI, dynamic IP allocation and per-pool subnets." },
  "network/ip-address-planning": { guids: ["7faf12e7-0943-4f63-8472-2da29c2b1cd6", "22f54b29-bade-43aa-b1e8-c38ec9366673", "22fbe8d6-9b40-47ef-9011-25bb1a555a6c"], note: "Subnet sizing, max pods per node and non-overlapping ranges." },
  "network/ingress-distribution": { guids: ["b3808b9f-a1cf-4204-ad01-3a923ce474db"] },
  "network/web-application-firewall": { guids: ["a3a92c2d-e7e2-4165-a3a8-7af4a7a1f893"] },
  "network/internal-load-balancer": { guids: ["c0179fd4-470b-43c8-b7bb-80307051bc96"], note: "Mapped by title: the seed edition swapped this item's text with ingress-hostname-control's." },
  "network/ingress-hostname-control": { guids: ["e5684a8b-f072-43d2-83b2-234ad48f57c7"], note: "Mapped by title: the seed edition swapped this item's text with internal-load-balancer's." },
  "network/network-policies": { guids: ["0751f099-e6f4-4250-b405-d2b26c707432"] },
  "network/default-deny-network-policies": { guids: ["0bc4e0c6-97fd-411a-9eb4-1a1f85f9cdf0"] },
  "network/egress-lockdown": { guids: ["3b365a91-7ecb-4e48-bbe5-4cd7df2e8bba"] },
  "network/private-registry-endpoint": { guids: ["e38f1680-8ddc-4c93-bf09-6b932a4935ca"] },
  "network/block-imds-access": { guids: ["4fb072a7-0303-46d8-9ecf-d8aa4d69ff83"] },
  "operations/kubernetes-version-current": { guids: ["e189c599-df0d-45a7-9dd4-ce32c1881370"] },
  "operations/node-os-patching": { guids: ["945889a8-a9e9-4059-b1aa-0a0df2b8a82c"] },
  "operations/bastion-access": { guids: ["28538587-2c1f-4390-b571-384649732c16"] },
  "operations/cluster-health-scanning": { guids: ["4dd8b544-5b8b-443d-8e76-cea80d9dec30"] },
  "operations/security-center-monitoring": { guids: ["23fda718-b80b-44c8-b2e4-d46580ab6651", "cc639637-a652-42ac-89e8-06965388e9de"], note: "Security Center is now Microsoft Defender for Cloud." },
  "operations/log-aggregation": { guids: ["90640e42-ce36-4c2a-b20a-bee9c572df6c", "eaa8dc4a-2436-47b3-9697-15b1752beee0"] },
  "operations/control-plane-logs": { guids: ["5b56ad48-408f-4e72-934c-476ba280dcf5"] },
  "operations/metrics-collection": { guids: ["6f8389a7-f82c-4b8e-a8c0-aa63a25a4956", "4621dd68-c5a5-4be2-bdb1-1726769ef669"] },
  "operations/distributed-tracing": { guids: ["8d33b2b2-e043-4c61-aa5d-319a8eb6c382"] },
  "operations/azure-policy": { guids: ["9ca48e4a-85e2-4223-bce8-bb12307ca5f1"] },
  "operations/securing-kubernetes-guide": { guids: [], note: "No counterpart: the current edition dropped the reading recommendation." },
  "operations/defender-for-kubernetes": { guids: ["c9e95ffe-6dd1-4a17-8c5f-110389ca9b21"], note: "Defender for Kubernetes is now Defender for Containers." },
  "operations/key-vault": { guids: ["fc1e68dd-ac89-4851-8e53-8fbac3461d26"] },
  "operations/gitops": { guids: ["0102ce16-ee30-41e6-b882-e52e4621dd68"] },
  "operations/kubernetes-tools": { guids: ["fd926057-60e1-4d6c-afc2-0f03b5ab3763"] },
  "operations/no-default-namespace": { guids: ["13bb9e32-6f48-4747-9531-0147f20f4b03"] },
  "operations/resource-labels": { guids: ["13bb9e32-6f48-4747-9531-0147f20f4b04", "7b613b26-df38-49a8-94bf-c5301a91d558"] },
  "resource-management/resource-quotas": { guids: ["769ef669-1a48-435a-a942-223ece80b123"] },
  "resource-management/limit-ranges": { guids: ["b74ea93b-598d-48e0-bb26-762b015602e1"] },
  "resource-management/memory-requests-and-limits": { guids: ["4868aa30-95a9-49fd-867e-57e70cb0d1d5"] },
  "resource-management/pod-disruption-budgets": { guids: ["3c763963-7a55-42d5-a15e-401955387e5c"] },
  "resource-management/cluster-auto-scaling": { guids: ["90ce65de-8e13-4f9c-abd4-69266abca264"] },
  "storage/storage-type": { guids: ["4c20c4bd-a7e3-449f-9597-4939a3aeafe7"] },
  "storage/node-storage-sizing": { guids: ["18707174-fa23-4935-b463-8f9982629b35"] },
  "storage/dynamic-volume-provisioning": { guids: ["77bda7ce-1fcf-4735-bd3d-1b3a83a9e484"] },
  "storage/data-backup": { guids: ["13d493b9-2cdc-4632-b188-6882b81da0ed", "7e970492-1bed-4541-98f6-be550b17caa6"], note: "Azure Backup for AKS backs up persistent volumes." },
  "storage/storage-resilience": { guids: ["9f7547c1-747d-4c56-868a-714435bd19dd", "b5f3808d-3a6a-42a5-adde-7bb34e047169"], note: "The current edition lists this item twice." },
  "windows/base-image-matches-node-os": { guids: ["4d3e8a06-b724-43a3-b9b9-328a08325c61"] },
  "windows/abrupt-termination": { guids: ["fce3ccf3-5f62-4ad6-b945-845362777529"] },
  "windows/no-privileged-containers": { guids: ["bd773172-40dc-4502-b284-137c70d77bc9"] },
  "windows/memory-usage": { guids: ["dea429d5-2c10-480c-85a1-9d9d0c4afc3d"] },
  "windows/azure-cni": { guids: ["3922e5b0-fa6b-4020-a92e-2e0d76338e95"] },
  "windows/node-patching": { guids: ["67138b82-0102-4ce1-9ee3-01e6e882e52e"] },
  "windows/container-traffic": { guids: ["74e42965-8bbd-46fb-b027-ccad9c3933a4"] },
  "windows/gmsa": { guids: ["e1123a7c-a333-4eb4-a120-4ee3f293c9f3"] },
};

/** A current-edition item with no seed counterpart that the library meets. */
export interface CurrentOnlyTrace {
  /** The seed item whose delivery meets it and whose rule judges it; the report lists the GUID there. */
  readonly item: ItemId;
  /** What meets it and what the rule checks. */
  readonly note: string;
}

/**
 * Current-edition items that no seed item's advice covers, but that the library meets: each is
 * listed under the seed item whose construct delivers it and whose rule judges the setting. An
 * item the library only allows (spot pools, a custom node resource group name) or delivers
 * without a rule that judges it (the image cleaner) is not listed.
 */
export const CURRENT_ONLY: Readonly<Record<string, CurrentOnlyTrace>> = {
  "d34f49c0-e964-4465-9211-520479338b13": { item: "cluster-setup/node-configuration-tuning", note: "Linux pools default to os_sku AzureLinux (SecureAksCluster, NodePoolSet); the OS facet reports an Ubuntu pool." },
  "f4dcf690-1b30-407d-abab-6f8aa780d3a3": { item: "cluster-setup/aad-integration", note: "Entra ID only, local accounts disabled: non-interactive sign-in goes through kubelogin (the rule checks the Entra block and local_account_disabled)." },
  "24367b33-6971-45b1-952b-eee0b9b588de": { item: "storage/storage-type", note: "Ephemeral OS disks wherever the VM size's cache or temp disk holds them; the rule checks os_disk_type." },
  "fc4972cc-3cd2-45bf-a707-6e9eab4bed32": { item: "storage/storage-type", note: "Where the OS disk cannot be ephemeral it is a premium SSD of an explicit size (storage/storage-type and storage/node-storage-sizing check both)." },
  "83958a8c-2689-4b32-ab57-cfc64546135a": { item: "disaster-recovery/availability-zones", note: "User pools are zonal by default (one pool per zone, for LRS disks); the rule accepts zonal sets and zone-spanning pools." },
  "62f89719-db42-4cd0-824f-82ac7d62d9ac": { item: "operations/log-aggregation", note: "Container Insights sets enableContainerLogV2; the rule checks the data collection rule's extension settings." },
  "67f7a9ed-5b31-4f38-a3f3-9812b2463cff": { item: "operations/metrics-collection", note: "OperationsAlerting: metric alerts on nodes and pods and the recommended managed Prometheus alerts, each to an action group with a receiver (criticalMetricAlerts)." },
  "95951d87-1a2f-4a45-833c-2fc62d23c44d": { item: "operations/metrics-collection", note: "A cluster whose outbound is the load balancer needs a SnatConnectionCount alert (criticalMetricAlerts); behind the egress firewall its SNAT port utilisation is alerted instead." },
  "74c2ee76-569b-4a79-a57e-dedf91b022c9": { item: "operations/cluster-health-scanning", note: "A Resource Health activity-log alert on the cluster (and firewall, registry, vault) to the action group." },
  "337453a3-cc63-4963-9a65-22ac19e80696": { item: "operations/cluster-health-scanning", note: "An Azure Advisor recommendation alert on the platform resource groups to the action group." },
  "9583c0f6-6083-43f6-aa6b-df7102c901bb": { item: "operations/kubernetes-version-current", note: "An Event Grid system topic on the cluster forwards the AKS upgrade events (option facet: on when an Event Hub or Logic App receiver is declared)." },
  "ecccd979-3b6b-4cda-9b50-eb2eb03dda6d": { item: "network/private-registry-endpoint", note: "Registry, vault and backup storage are reached through private endpoints; the registry and key-vault rules check them. In Azure/review-checklists this GUID is another item (REVIEW_CHECKLIST_DIVERGENT)." },
  "ce7f2a7c-297c-47c6-adea-a6ff838db665": { item: "windows/container-traffic", note: "networkPolicy 'calico' enforces NetworkPolicy on Windows Server 2019/2022 nodes; the rule checks the engine of clusters with Windows pools." },
  "ab5351f6-383a-45ed-9c5e-b143b16db40a": { item: "windows/no-privileged-containers", note: "HostProcess containers are denied by the Windows policy unless excluded with a reason (ClusterPolicies exclude.windowsNoHostProcess), which is how a workload that requires them gets them." },
};

/**
 * GUIDs that name different items in the current edition and in Azure/review-checklists
 * (`checklists/aks_checklist.en.json`), with what they mean there. A report joined with a review
 * checklist by GUID would match the wrong items: reports flag them.
 */
export const REVIEW_CHECKLIST_DIVERGENT: Readonly<Record<string, string>> = {
  "3c763963-7a55-42d5-a15e-401955387e5c": "If using a private registry, configure region replication to store images in multiple regions",
  "ecccd979-3b6b-4cda-9b50-eb2eb03dda6d": "Use private clusters if your requirements mandate it",
  "5ae124ba-34df-4585-bcdc-e9bd3bb0cdb3": "Consider an appropriate node size, not too large or too small",
};

/** The mapping as the catalogue takes it: seed id to GUIDs, the current-only items included. */
export const CURRENT_GUIDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(TRACEABILITY).map(([id, trace]) => [
    id,
    [...trace.guids, ...Object.entries(CURRENT_ONLY).filter(([g, t]) => t.item === id && !trace.guids.includes(g)).map(([g]) => g)],
  ]),
);

/** What a GUID names in Azure/review-checklists when that differs from the current edition, else undefined. */
export function reviewChecklistMeaning(guid: string): string | undefined {
  return REVIEW_CHECKLIST_DIVERGENT[guid];
}

/** The title of a current-edition item, or undefined for an unknown GUID. */
export function currentTitle(guid: string): string | undefined {
  return CURRENT_ITEMS[guid]?.title;
}

/** Current-edition GUIDs that the mapping (seed items and CURRENT_ONLY) does not reach. */
export function uncoveredCurrentGuids(): string[] {
  const covered = new Set(Object.values(CURRENT_GUIDS).flat());
  return Object.keys(CURRENT_ITEMS).filter((g) => !covered.has(g));
}

/** The current edition's coverage in one phrase, e.g. `137 of 168 current items mapped`. */
export function currentEditionCoverage(): string {
  const total = Object.keys(CURRENT_ITEMS).length;
  return `${total - uncoveredCurrentGuids().length} of ${total} current items mapped`;
}
