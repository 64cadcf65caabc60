/**
 * Typed settings: where a checklist item is delivered, as a construct and a prop of its props (or
 * a method of the construct), checked by the type-checker against the construct's own types. A
 * facet names every construct that delivers it (`settings: [...firewall('nodeSubnets'),
 * ...hubRoute('nodeSubnets')]`), and ITEMS.md lists them, so an item is one lookup from the setting.
 *
 * Pure: the types of the constructs are imported with `import type`, so rules and the report load
 * no construct code.
 */
import type { Construct } from 'constructs';
import type { Setting } from './types';

type Keys<T> = Extract<keyof T, string>;

/** One level below a prop: `kms.keyVaultKeyId`, `exclude.noLatestTag`, `clusters[].volumeSnapshots`. */
type Nested<T> = {
  [K in Keys<T>]: NonNullable<T[K]> extends readonly (infer E)[]
    ? E extends object
      ? `${K}[].${Keys<E>}`
      : never
    : NonNullable<T[K]> extends (...args: never[]) => unknown
      ? never
      : NonNullable<T[K]> extends object
        ? `${K}.${Keys<NonNullable<T[K]>>}`
        : never;
}[Keys<T>];

/** A prop of `P`, or a prop one level below one. */
export type PropPath<P> = Keys<P> | Nested<P>;

/** The methods a construct class `C` adds to Construct (its instance type). */
export type MethodOf<C> = Exclude<{ [K in Keys<C>]: C[K] extends (...args: never[]) => unknown ? K : never }[Keys<C>], keyof Construct>;

/**
 * The settings factory of one construct: `const cluster = settingsOf<SecureAksClusterProps,
 * SecureAksCluster>('SecureAksCluster')`, then `cluster('publicApiServer')`; a prop or method the
 * construct does not have is a type error. Without props, the construct itself delivers the item.
 */
export function settingsOf<P, C = never>(construct: string): (...props: (PropPath<P> | MethodOf<C>)[]) => Setting[] {
  return (...props) => (props.length === 0 ? [{ construct }] : props.map((prop) => ({ construct, prop })));
}

/** `Construct.prop` for people (the report's "Fix:" and ITEMS.md). */
export function settingLabel(s: Setting): string {
  return s.prop === undefined ? s.construct : `${s.construct}.${s.prop}`;
}
