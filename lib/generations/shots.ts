import type { GenerationDto } from "@/lib/generations/dto";
import { isOnItsWay, isReadyVideo } from "@/lib/generations/on-its-way";

/** The takes of one press, as the gallery shows them: one card per shot. */
export interface ShotGroup {
  id: string;
  /** Take order (take 1 first), only those the current list holds. */
  takes: GenerationDto[];
}

/**
 * Gathers a list of generations (newest first) into shots, each where its first take appears;
 * a filtered or half-loaded list makes shots of the takes it has.
 */
export function groupShots(items: GenerationDto[]): ShotGroup[] {
  const shots = new Map<string, ShotGroup>();
  for (const g of items) {
    const shot = shots.get(g.shot.id);
    if (shot) shot.takes.push(g);
    else shots.set(g.shot.id, { id: g.shot.id, takes: [g] });
  }
  for (const shot of shots.values()) shot.takes.sort((a, b) => a.shot.take - b.shot.take);
  return [...shots.values()];
}

/**
 * The take a shot's card shows first: the one kept, else the first ready, else the first still
 * on its way (what the person is waiting for, not a failure beside it), else take 1.
 */
export function leadTake(takes: readonly GenerationDto[]): GenerationDto | undefined {
  return (
    takes.find((g) => g.shot.kept) ?? takes.find(isReadyVideo) ?? takes.find(isOnItsWay) ?? takes[0]
  );
}

/** The takes that can be played side by side. */
export function comparableTakes(takes: readonly GenerationDto[]): GenerationDto[] {
  return takes.filter(isReadyVideo);
}
