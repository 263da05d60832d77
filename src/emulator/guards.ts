/** Whether `value` is one of the `allowed` literals (narrows it to their type). */
export function isOneOf<T extends string>(value: string | undefined, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value as string);
}
