/**
 * `PlatformActionGroup`: the one `azurerm_monitor_action_group` of an environment, built from
 * declared receivers. Every alert of the platform (Prometheus, metric, activity log) sends to it.
 *
 * No secret reaches the synthesized JSON:
 * - e-mail addresses, Logic App and Event Hub ids are identifiers, not credentials;
 * - a webhook URI or a Logic App callback URL carries its credential in the URL (`sig=`, `code=`,
 *   a token in the path), so it is accepted only as an unresolved Terraform value (a sensitive
 *   `TerraformVariable`, a Key Vault secret read elsewhere): the JSON then holds `${var.x}`, never the
 *   URL. The one exception is a webhook secured with Microsoft Entra ID (`entraAuth`): the endpoint
 *   authenticates the caller with a token, so a literal URI without a query string is not a secret.
 */
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { PropError } from '../core/errors';
import { atScope, isToken, requireProp } from '../core/validate';

/** A webhook receiver. */
export interface WebhookReceiver {
  /** Receiver name, unique in the action group (1-128 characters). */
  readonly name: string;
  /**
   * The webhook URI. Pass it as a Terraform value (e.g. `new TerraformVariable(stack, 'pager-uri',
   * { type: 'string', sensitive: true }).stringValue`): a literal URI is refused unless `entraAuth`
   * secures the endpoint and the URI has no query string.
   */
  readonly serviceUri: string;
  /**
   * Microsoft Entra authentication of the webhook call (secure webhook).
   * @default none (the URI is the credential)
   */
  readonly entraAuth?: {
    /** Object id of the Entra application the webhook accepts tokens for. */
    readonly objectId: string;
    /**
     * Identifier URI of that application.
     * @default the application's default identifier
     */
    readonly identifierUri?: string;
    /**
     * Tenant of the application.
     * @default the action group's tenant
     */
    readonly tenantId?: string;
  };
}

/** A Logic App receiver (e.g. a Teams or ticketing workflow). */
export interface LogicAppReceiver {
  /** Receiver name, unique in the action group. */
  readonly name: string;
  /** Resource id of the Logic App workflow. */
  readonly resourceId: string;
  /** The HTTP trigger's callback URL; it holds a SAS signature, so only a Terraform value (sensitive variable) is accepted. */
  readonly callbackUrl: string;
}

/** An Event Hub receiver (a SIEM or an on-call tool reading the hub). */
export interface EventHubReceiver {
  /**
   * Receiver name, unique in the action group.
   * @default 'eventhub-<n>'
   */
  readonly name?: string;
  /** Resource id of the event hub: `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<ns>/eventhubs/<hub>`. */
  readonly eventHubId: string;
  /**
   * Tenant of the event hub.
   * @default the action group's tenant
   */
  readonly tenantId?: string;
}

/** Built-in roles whose members (assigned at subscription scope) an ARM role receiver e-mails. */
export const ARM_ROLE_IDS = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'Monitoring Contributor': '749f88d5-cbae-40b8-bcfc-e573ddc772fa',
  'Monitoring Reader': '43d0d8ad-25c7-4714-9337-8ba259a9fe05',
} as const;

/** A built-in role an ARM role receiver can name. */
export type ArmRoleName = keyof typeof ARM_ROLE_IDS;

/** Who an alert reaches. At least one receiver is required. */
export interface AlertReceivers {
  /**
   * Built-in roles whose members at subscription scope are e-mailed (users only, not groups).
   * @default []
   */
  readonly armRoles?: readonly ArmRoleName[];
  /**
   * E-mail addresses (each becomes an e-mail receiver with the common alert schema).
   * @default []
   */
  readonly emails?: readonly string[];
  /**
   * Webhooks.
   * @default []
   */
  readonly webhooks?: readonly WebhookReceiver[];
  /**
   * Logic Apps.
   * @default []
   */
  readonly logicApps?: readonly LogicAppReceiver[];
  /**
   * Event Hubs.
   * @default []
   */
  readonly eventHubs?: readonly EventHubReceiver[];
}

/** Props of PlatformActionGroup. */
export interface PlatformActionGroupProps {
  /** Action group name (1-260 characters). */
  readonly name: string;
  /** Short name shown in e-mails and SMS: 1-12 characters. */
  readonly shortName: string;
  /** Resource group of the action group. */
  readonly resourceGroupName: string;
  /** The receivers. */
  readonly receivers: AlertReceivers;
  /**
   * Tags of the action group.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An e-mail address as Azure Monitor accepts it: one `@`, a local part without spaces, a domain
 * with at least one dot and a top-level label of two or more letters.
 */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/.test(text) && !text.includes('..');
}

const EVENT_HUB_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/[^/]+\/providers\/Microsoft\.EventHub\/namespaces\/([^/]+)\/eventhubs\/([^/]+)$/i;
const LOGIC_APP_ID = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Logic\/workflows\/[^/]+$/i;
const C = 'PlatformActionGroup';

/** Whether a set of receivers has any receiver at all. */
export function receiverCount(receivers: AlertReceivers): number {
  return (receivers.armRoles?.length ?? 0) + (receivers.emails?.length ?? 0) + (receivers.webhooks?.length ?? 0) + (receivers.logicApps?.length ?? 0) + (receivers.eventHubs?.length ?? 0);
}

/** The environment's action group. */
export class PlatformActionGroup extends Construct {
  /** The `azurerm_monitor_action_group`. */
  public readonly actionGroup: MonitorActionGroup;
  /** Its id, for alert actions. */
  public readonly actionGroupId: string;
  /** The Event Hub ids among the receivers (Event Grid can deliver there too). */
  public readonly eventHubIds: readonly string[];

  public constructor(scope: Construct, id: string, props: PlatformActionGroupProps) {
    super(scope, id);
    libraryStack(this);
    atScope(this, () => validateActionGroup(props));
    const r = props.receivers;
    this.eventHubIds = (r.eventHubs ?? []).map((e) => e.eventHubId);
    this.actionGroup = new MonitorActionGroup(this, 'action-group', {
      name: props.name,
      shortName: props.shortName,
      resourceGroupName: props.resourceGroupName,
      location: 'global',
      enabled: true,
      armRoleReceiver: orNone((r.armRoles ?? []).map((role) => ({ name: `role-${role.toLowerCase().replace(/\s+/g, '-')}`, roleId: ARM_ROLE_IDS[role], useCommonAlertSchema: true }))),
      emailReceiver: orNone((r.emails ?? []).map((address, i) => ({ name: `email-${i}`, emailAddress: address, useCommonAlertSchema: true }))),
      webhookReceiver: orNone((r.webhooks ?? []).map((w) => ({
        name: w.name,
        serviceUri: w.serviceUri,
        useCommonAlertSchema: true,
        aadAuth: w.entraAuth ? { objectId: w.entraAuth.objectId, identifierUri: w.entraAuth.identifierUri, tenantId: w.entraAuth.tenantId } : undefined,
      }))),
      logicAppReceiver: orNone((r.logicApps ?? []).map((l) => ({ name: l.name, resourceId: l.resourceId, callbackUrl: l.callbackUrl, useCommonAlertSchema: true }))),
      eventHubReceiver: orNone((r.eventHubs ?? []).map((e, i) => ({ name: e.name ?? `eventhub-${i}`, ...eventHubParts(e.eventHubId), tenantId: e.tenantId, useCommonAlertSchema: true }))),
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.actionGroupId = this.actionGroup.id;
  }
}

/** A list, or undefined when empty (no empty receiver blocks in the JSON). */
function orNone<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** The namespace, hub and subscription of an event hub id (split at apply time when the id is a token). */
function eventHubParts(eventHubId: string): { eventHubNamespace: string; eventHubName: string; subscriptionId: string } {
  const m = EVENT_HUB_ID.exec(eventHubId);
  if (m) {
    return { subscriptionId: m[1], eventHubNamespace: m[2], eventHubName: m[3] };
  }
  const parts = Fn.split('/', eventHubId);
  return { subscriptionId: Fn.element(parts, 2), eventHubNamespace: Fn.element(parts, 8), eventHubName: Fn.element(parts, 10) };
}

function validateActionGroup(props: PlatformActionGroupProps): void {
  requireProp(props.name.length >= 1 && props.name.length <= 260 && !/[<>%&\\?/]/.test(props.name), C, 'name', props.name, 'is not a valid action group name (1-260 characters, none of < > % & \\ ? /)', "use e.g. 'ag-contoso-prod-weu-ops'");
  requireProp(props.shortName.length >= 1 && props.shortName.length <= 12, C, 'shortName', props.shortName, 'is not 1-12 characters', "use e.g. 'cont-prod'");
  const r = props.receivers ?? {};
  if (receiverCount(r) === 0) {
    throw new PropError(C, 'receivers', r, 'declares no receiver, so every alert would reach nobody', "give at least one e-mail address, ARM role, webhook, Logic App or Event Hub, e.g. { emails: ['platform-oncall@contoso.com'] }");
  }
  for (const role of r.armRoles ?? []) {
    requireProp(role in ARM_ROLE_IDS, C, 'receivers.armRoles', role, 'is not a role an ARM role receiver can name', `use one of ${Object.keys(ARM_ROLE_IDS).join(', ')}`);
  }
  for (const email of r.emails ?? []) {
    requireProp(isEmailAddress(email), C, 'receivers.emails', email, 'is not an e-mail address', "write it like 'platform-oncall@contoso.com'");
  }
  const names = [...(r.webhooks ?? []).map((w) => w.name), ...(r.logicApps ?? []).map((l) => l.name), ...(r.eventHubs ?? []).flatMap((e) => (e.name ? [e.name] : []))];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) {
    throw new PropError(C, 'receivers', duplicate, 'is the name of two receivers', 'give each receiver its own name');
  }
  for (const w of r.webhooks ?? []) {
    requireProp(w.name.length >= 1 && w.name.length <= 128, C, 'receivers.webhooks.name', w.name, 'is not 1-128 characters', "use e.g. 'pager'");
    if (!isToken(w.serviceUri)) {
      const safe = w.entraAuth !== undefined && /^https:\/\/[^?#\s]+$/.test(w.serviceUri);
      if (!safe) {
        throw new PropError(
          C,
          'receivers.webhooks.serviceUri',
          redact(w.serviceUri),
          w.entraAuth ? 'is not an https URI without a query string' : 'is a literal URI: a webhook URI is its own credential and would be written into the synthesized JSON',
          "pass it as a sensitive Terraform variable (new TerraformVariable(stack, 'pager-uri', { type: 'string', sensitive: true }).stringValue), or secure the webhook with entraAuth",
        );
      }
    }
  }
  for (const l of r.logicApps ?? []) {
    requireProp(LOGIC_APP_ID.test(l.resourceId), C, 'receivers.logicApps.resourceId', l.resourceId, 'is not a Logic App workflow id', "use '/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Logic/workflows/<name>'");
    if (!isToken(l.callbackUrl)) {
      throw new PropError(C, 'receivers.logicApps.callbackUrl', redact(l.callbackUrl), 'is a literal URL: the callback URL holds a SAS signature and would be written into the synthesized JSON', 'pass it as a sensitive Terraform variable');
    }
  }
  for (const e of r.eventHubs ?? []) {
    requireProp(EVENT_HUB_ID.test(e.eventHubId), C, 'receivers.eventHubs.eventHubId', e.eventHubId, 'is not an event hub id', "use '/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<ns>/eventhubs/<hub>'");
  }
}

/** A URL with its query string and path cut, so an error message never repeats a credential. */
function redact(url: string): string {
  const m = /^([a-z]+:\/\/[^/?#]+)/i.exec(url);
  return m ? `${m[1]}/…` : '…';
}
