/** How many takes of one shot a single press of Generate may make. */
export const MAX_TAKES = 4;

export const TAKE_CHOICES = [1, 2, 3, 4] as const satisfies readonly number[];
