/** JSON values as found in Terraform JSON, and the path queries rules read them with (re-exported by ./terraform-document.ts). */

/** A JSON value as found in Terraform JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object as found in Terraform JSON. */
export type JsonObject = { [key: string]: JsonValue };

/** Whether a value is an expression (a string holding `${...}`), known reference or not. */
export function isExpression(value: JsonValue | undefined): value is string {
  return typeof value === 'string' && value.includes('${');
}


/** Walks a dotted path through objects and arrays. Single blocks written as one-element lists
 * (HCL-style JSON) and as plain objects (cdktf style) read the same: a name step on an array
 * reads the first element. Numeric steps index arrays. An expression met on the way (a `dynamic`
 * block whose `for_each` is unknown reads `identity = "${var.ids}"`) is the value of everything
 * inside it: `identity.type` is that expression, unknown, not absent. */
export function getPath(value: JsonValue | undefined, path: string): JsonValue | undefined {
  if (path === '') {
    return value;
  }
  let current: JsonValue | undefined = value;
  for (const step of path.split('.')) {
    if (current === undefined || current === null) {
      return undefined;
    }
    if (typeof current === 'string' && current.includes('${')) {
      return current;
    }
    if (Array.isArray(current)) {
      if (/^\d+$/.test(step)) {
        current = current[Number(step)];
        continue;
      }
      current = current[0];
      if (current === undefined || current === null || typeof current !== 'object' || Array.isArray(current)) {
        return undefined;
      }
    }
    if (typeof current !== 'object') {
      return undefined;
    }
    current = (current as JsonObject)[step];
  }
  return current;
}

/** A block attribute that may be written as an object or as a list of objects, as a list. */
export function blocks(value: JsonValue | undefined): JsonObject[] {
  if (value === undefined || value === null) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** A value as a list of strings (a single string becomes a one-element list). */
export function strings(value: JsonValue | undefined): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string');
}
