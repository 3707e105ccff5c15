// The owner hierarchy (an owner's `parentId` names the unit above it): the one walk up the chain,
// used by the model (reassigning a deleted owner) and the plan views (an owner's units). Cycles and
// missing parents in the data end the walk; they are never an error.

/** The ids above `id`, nearest first. `parentOf` reads an owner's parentId (undefined when none or unknown). */
export function ownerAncestorIds(id: string, parentOf: (id: string) => string | undefined, exists: (id: string) => boolean): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let current = parentOf(id);
  while (current !== undefined && !seen.has(current) && exists(current)) {
    out.push(current);
    seen.add(current);
    current = parentOf(current);
  }
  return out;
}
