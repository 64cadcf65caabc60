/**
 * Input errors. Every message names the construct (and, given its scope, the construct's path),
 * the prop, the bad value and the fix, so a platform team can correct its input from the message
 * alone:
 *
 *   SecureAksPlatform 'platform': prop 'userPools[0].maxCount' = 1001 is outside 1-1000. Fix: ... (stack 'prod-weu')
 */
import type { IConstruct } from 'constructs';

/**
 * Who raises an error: a construct (its class name and path are read from it), a construct with
 * an explicit class name, or only a class name (when no scope exists yet).
 */
export type ErrorSubject = string | IConstruct | { readonly construct: string; readonly scope?: IConstruct };

/** An Error for a bad prop value, thrown at construction time. */
export class PropError extends Error {
  /** The construct's class name, e.g. `SecureAksCluster`. */
  public readonly construct: string;
  /** The construct's path inside its stack, e.g. `platform/cluster`, when its scope was given. */
  public readonly path?: string;
  /** The id of the stack the construct belongs to, when its scope was given. */
  public readonly stackId?: string;
  /** What is wrong with the value. */
  public readonly problem: string;
  /** What to do instead. */
  public readonly fix: string;

  /**
   * @param subject the construct (preferred: `this`), or its class name, e.g. `SecureAksCluster`
   * @param prop the prop path, e.g. `network.serviceCidr`
   * @param value the value given
   * @param problem what is wrong with it
   * @param fix what to do instead
   */
  public constructor(
    subject: ErrorSubject,
    public readonly prop: string,
    public readonly value: unknown,
    problem: string,
    fix: string,
  ) {
    const where = locate(subject);
    super(formatPropError(where.construct, where.path, prop, value, problem, fix, where.stack));
    this.name = 'PropError';
    this.construct = where.construct;
    this.path = where.path;
    this.stackId = where.stack;
    this.problem = problem;
    this.fix = fix;
  }
}

/** Throws a PropError unless `ok`. */
export function assertProp(ok: boolean, subject: ErrorSubject, prop: string, value: unknown, problem: string, fix: string): void {
  if (!ok) {
    throw new PropError(subject, prop, value, problem, fix);
  }
}

/** The one message format of every bad-input error. */
export function formatPropError(construct: string, path: string | undefined, prop: string, value: unknown, problem: string, fix: string, stack?: string): string {
  const at = path === undefined || path === '' ? construct : `${construct} '${path}'`;
  const fixText = fix.replace(/\.\s*$/, '');
  return `${at}: prop '${prop}' = ${showValue(value)} ${problem.replace(/\.\s*$/, '')}. Fix: ${fixText}${stack ? ` (stack '${stack}')` : ''}`;
}

/** A value as error messages show it: strings quoted, everything else as JSON. */
function showValue(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** How TerraformStack marks itself (read without importing cdktf: this module stays pure). */
const STACK_SYMBOL = Symbol.for('cdktf/TerraformStack');

function isConstruct(x: unknown): x is IConstruct {
  return typeof x === 'object' && x !== null && 'node' in x && typeof (x as IConstruct).node?.path === 'string';
}

function locate(subject: ErrorSubject): { construct: string; path?: string; stack?: string } {
  if (typeof subject === 'string') {
    return { construct: subject };
  }
  const scope = isConstruct(subject) ? subject : subject.scope;
  const construct = isConstruct(subject) ? subject.constructor.name : subject.construct;
  if (scope === undefined) {
    return { construct };
  }
  // The path inside the stack (`platform/cluster`), and the stack that tells two platforms of one app apart.
  const scopes = scope.node.scopes;
  const stackIndex = scopes.findIndex((s) => STACK_SYMBOL in s);
  if (stackIndex < 0) {
    return { construct, path: scope.node.path };
  }
  const stack = scopes[stackIndex];
  const path = scopes
    .slice(stackIndex + 1)
    .map((s) => s.node.id)
    .join('/');
  return { construct, path: path === '' ? stack.node.id : path, stack: path === '' ? undefined : stack.node.id };
}
