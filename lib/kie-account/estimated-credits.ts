/** What one Hailuo 02 Pro video costs: counted for each generation whose cost isn't known yet. */
export const ESTIMATED_CREDITS_PER_VIDEO = 57;
