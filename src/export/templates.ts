// `{field}` templates for the text inserted into notes and copied (no vscode import: unit-tested).

export type TemplateFields = Record<string, string>;

const FIELD = /\{\{|\}\}|\{([A-Za-z]+)\}/g;
// A parenthesised part holding one field and plain text, e.g. " (due {due})".
const OPTIONAL_PART = /( ?)\(([^(){}]*)\{([A-Za-z]+)\}([^(){}]*)\)/g;

/**
 * Replaces `{name}` with the field's value, taken literally: `$`, backslashes and braces in values stay as they are.
 * A parenthesised part around an empty field disappears with it, with the space before it: `{description} (due {due})`
 * reads `Call Anna` when there is no due date. `{{` and `}}` are literal braces; unknown names are left alone.
 */
export function renderTemplate(template: string, fields: TemplateFields): string {
  const withoutEmptyParts = template.replace(OPTIONAL_PART, (part, _space, _before, name: string) =>
    Object.hasOwn(fields, name) && fields[name] === '' ? '' : part,
  );
  // A function replacement, so that `$&` or `$1` in a value is not read as a pattern.
  return withoutEmptyParts.replace(FIELD, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    return name !== undefined && Object.hasOwn(fields, name) ? fields[name]! : match;
  });
}
