// `NAME = "value"` in text we have no model for (scripts, app code, .properties, plain text):
// a secret-like name given a machine-generated-looking literal. Deliberately stricter than the
// name-based checks of structured sources — high entropy is required — because a regex over text
// cannot tell a label or a prompt string from a credential.
import { isSecretName } from './names';
import { isHighEntropy, isPlaceholder, isSecretReference } from './values';

export interface SecretAssignment {
  name: string;
  value: string;
  /** Offsets of the value (inside quotes) in the text. */
  start: number;
  end: number;
}

const ASSIGNMENT =
  /(?<![\w$.-])(?<name>[A-Za-z_][\w.-]{1,80})["']?[ \t]*(?::=|=>|==?|:)[ \t]*(?:[A-Za-z_][\w.]*\()?(?<quote>["'`]?)(?<value>[^\s"'`,;)(]{12,512})\k<quote>/g;

/** Lines without any of these fragments cannot hold a secret-named assignment: skip them cheaply. */
const SECRET_FRAGMENT = /pass|pwd|secret|token|key|auth|cred|psk|bearer|conn|webhook|sas/i;

export function findSecretAssignments(text: string): SecretAssignment[] {
  const found: SecretAssignment[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (SECRET_FRAGMENT.test(line)) for (const assignment of assignmentsInLine(line)) found.push({ ...assignment, start: assignment.start + lineStart, end: assignment.end + lineStart });
    lineStart = lineEnd + 1;
  }
  return found;
}

function assignmentsInLine(text: string): SecretAssignment[] {
  const found: SecretAssignment[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match; match = ASSIGNMENT.exec(text)) {
    const { name, value, quote } = match.groups as { name: string; value: string; quote: string };
    const lastName = name.split('.').pop() ?? name;
    if (!isSecretName(lastName)) continue;
    // Unquoted right-hand sides in code are usually identifiers or calls, not literals.
    if (!quote && /^[A-Za-z_][\w.]*$/.test(value) && !/\d/.test(value)) continue;
    if (isPlaceholder(value) || isSecretReference(value) || !isHighEntropy(value)) continue;
    const start = match.index + match[0].length - value.length - quote.length;
    found.push({ name: lastName, value, start, end: start + value.length });
  }
  return found;
}
