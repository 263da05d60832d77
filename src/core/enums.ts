// Enum values from the Face service arrive in inconsistent casing (FACTS §3.5: "NoGlasses" next to
// "goodExposure", "headWear" next to "headwear"). We keep whatever the service sent and compare
// case-insensitively; for display we map to one readable spelling and never drop unknown values.

export const GLASSES_TYPES = ['noGlasses', 'readingGlasses', 'sunglasses', 'swimmingGoggles'] as const;
export const ACCESSORY_TYPES = ['headwear', 'glasses', 'mask'] as const;
export const LEVELS = ['low', 'medium', 'high'] as const;
export const EXPOSURE_LEVELS = ['underExposure', 'goodExposure', 'overExposure'] as const;
export const MASK_TYPES = ['faceMask', 'noMask', 'otherMaskOrOcclusion', 'uncertain'] as const;
export const HAIR_COLORS = ['unknown', 'white', 'gray', 'blond', 'brown', 'red', 'black', 'other'] as const;

/** True when two enum values are the same ignoring case ("NoGlasses" equals "noGlasses"). */
export function sameEnum(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return a.toLowerCase() === b.toLowerCase();
}

/** The documented spelling of `value` if it is one of `known` (any casing); otherwise `value` unchanged. */
export function canonicalEnum(value: string, known: readonly string[]): string {
  return known.find((k) => sameEnum(k, value)) ?? value;
}

/**
 * A readable label for any enum value, known or not: "noGlasses" / "NoGlasses" -> "No glasses",
 * "goodExposure" -> "Good exposure", "otherMaskOrOcclusion" -> "Other mask or occlusion".
 */
export function displayEnum(value: string): string {
  const words = value
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
