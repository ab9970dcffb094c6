// Findings about a value that came through `var.`/`local.` are reported at the use site, and name
// where the value was defined (with a related location) so the user knows which line to change.
import type { ResolvedValue } from './module';
import type { RelatedLocation } from '../types';

/** ` (from the default of variable "x")`, or '' for a literal written in place. */
export function originSuffix(resolved: ResolvedValue): string {
  return resolved.origin ? ` (from the ${resolved.origin.description})` : '';
}

export function originRelated(resolved: ResolvedValue): RelatedLocation[] {
  const origin = resolved.origin;
  return origin ? [{ message: `value defined here: ${origin.description}`, path: origin.file.path, span: origin.span }] : [];
}
